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


_CACHE: dict[tuple, pd.DataFrame] = {}  # (package directory, load time, language) -> table; a few entries at most


def observations(package: DataPackage, lang: str, _) -> pd.DataFrame:
    """Every coverage observation and target, formatted for the page's language (built once per package and language:
    rebuilding it on every page run was the /data page's main cost, and grew with the rows)."""
    key = (str(package.directory), package.loaded_at, lang)
    if key not in _CACHE:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        _CACHE[key] = _observations(package, lang, _)
    return _CACHE[key]


def _observations(package: DataPackage, lang: str, _) -> pd.DataFrame:
    notes = {(r["area"], r["as_of"]): r[f"note_{lang}"] for r in package.notes.to_dict("records")}
    bases = {r["id"]: r[f"label_{lang}"] for r in package.bases.to_dict("records")}
    rows = []
    for row in package.coverage.sort_values(["area", "as_of"]).to_dict("records"):
        src = package.source(row["source_id"])
        rows.append(
            {
                "area": area_name(row["area"], _),
                "figure": _("Coverage"),
                "value": i18n.percent(row["coverage_pct"], lang),
                "covered": "" if pd.isna(row["covered"]) else i18n.number(row["covered"], lang),
                "base": ("" if pd.isna(row["workforce"]) else i18n.number(row["workforce"], lang) + " · ")
                + bases[row["basis"]],
                "as_of": i18n.date(row["as_of"], lang),
                "caveat": notes.get((row["area"], row["as_of"]), "") or "",
                "source": f"{src['publisher']} [{row['source_id']}]",
                "url": src["url"] or "",
            }
        )
    for row in package.targets.sort_values(["area", "year"]).to_dict("records"):
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
