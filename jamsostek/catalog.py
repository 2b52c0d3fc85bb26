"""Tables for journalists: every figure with its date, base, caveat and source."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.data import DataPackage
from jamsostek.rules import N_

AREA_NAMES = {"kota-jambi": N_("Kota Jambi"), "prov-jambi": N_("Jambi Province"), "indonesia": N_("Indonesia")}


def area_name(area: str, _) -> str:
    """An area's name in the page's language (``_`` translates)."""
    return _(AREA_NAMES.get(area, area))


def _note(package: DataPackage, area: str, as_of, lang: str) -> str:
    notes = package.notes
    rows = notes[(notes["area"] == area) & (notes["as_of"] == as_of)]
    return "" if rows.empty else rows.iloc[0][f"note_{lang}"]


def _basis(package: DataPackage, basis: str, lang: str) -> str:
    bases = package.bases
    return bases.loc[bases["id"] == basis, f"label_{lang}"].iloc[0]


def observations(package: DataPackage, lang: str, _) -> pd.DataFrame:
    """Every coverage observation and target, formatted for the page's language."""
    rows = []
    for _i, row in package.coverage.sort_values(["area", "as_of"]).iterrows():
        src = package.source(row["source_id"])
        rows.append(
            {
                "area": area_name(row["area"], _),
                "figure": _("Coverage"),
                "value": i18n.percent(row["coverage_pct"], lang),
                "covered": "" if pd.isna(row["covered"]) else i18n.number(row["covered"], lang),
                "base": ("" if pd.isna(row["workforce"]) else i18n.number(row["workforce"], lang) + " · ")
                + _basis(package, row["basis"], lang),
                "as_of": i18n.date(row["as_of"], lang),
                "caveat": _note(package, row["area"], row["as_of"], lang),
                "source": f"{src['publisher']} [{row['source_id']}]",
                "url": src["url"] or "",
            }
        )
    for _i, row in package.targets.sort_values(["area", "year"]).iterrows():
        src = package.source(row["source_id"])
        rows.append(
            {
                "area": area_name(row["area"], _),
                "figure": _("Target"),
                "value": i18n.percent(row["target_pct"], lang),
                "covered": "",
                "base": "",
                "as_of": str(row["year"]),
                "caveat": "",
                "source": f"{src['publisher']} [{row['source_id']}]",
                "url": src["url"] or "",
            }
        )
    return pd.DataFrame(rows)


def sources(package: DataPackage) -> pd.DataFrame:
    """The source list as shown: id, publisher, title, date, link or reference."""
    frame = package.sources[["id", "publisher", "title", "published", "url", "reference", "kind"]].copy()
    frame["published"] = frame["published"].fillna("")
    frame["url"] = frame["url"].fillna("")
    frame["reference"] = frame["reference"].fillna("")
    return frame
