"""Tables for journalists: every figure the site states, with its date, base, caveat, source and citation."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.data import AREAS, DataPackage
from jamsostek.data.cache import per_package
from jamsostek.i18n import N_
from jamsostek.labels import (
    BENEFIT_NAMES,
    FIGURE_NAMES,
    KIND_NAMES,
    PROGRAMME_NAMES,
    RULE_NAMES,
    SECTOR_NAMES,
    area_name,
    basis_name,
    benefit_value,
    certainty_note,
    name,
    with_unit,
)

NATIONAL = "indonesia"  # the regulations apply in all of Indonesia
# Shown columns and their headers, in order (value first on phones); the filter columns hold raw ids.
FIGURE_COLUMNS = {
    "figure": N_("Figure"),
    "value": N_("Value"),
    "as_of": N_("Date"),
    "area": N_("Area"),
    "base": N_("Base or legal basis"),
    "caveat": N_("Caveat"),
    "source": N_("Source"),
    "url": N_("Link"),
    "kind": N_("Kind"),
}
COLUMNS = tuple(FIGURE_COLUMNS)
FILTER_COLUMNS = ("kind_id", "area_id", "source_id")
OBSERVATION_COLUMNS = {
    "area": N_("Area"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "covered": N_("Covered workers"),
    "base": N_("Base"),
    "as_of": N_("As of"),
    "caveat": N_("Caveat"),
    "source": N_("Source"),
}
CHANGELOG_COLUMNS = {
    "date": N_("Date"),
    "change": N_("Change"),
    "item": N_("Row"),
    "resource": N_("File"),
    "source": N_("Source"),
}
SOURCE_COLUMNS = {
    "id": N_("ID"),
    "publisher": N_("Publisher"),
    "title": N_("Title"),
    "published": N_("Published"),
    "url": N_("Link"),
    "reference": N_("Regulation"),
    "kind": N_("Kind"),
}


def _area_order(column: pd.Series) -> pd.Series:
    return column.map(AREAS.index) if column.name == "area" else column


def _sorted(frame: pd.DataFrame, by: list[str]) -> list[dict]:
    return frame.sort_values(by, key=_area_order).to_dict("records")


def _row(package: DataPackage, kind: str, area: str, source_id: str | None, lang: str, **fields) -> dict:
    """One table row; area-bound figures name their area first, so a phone showing one column still says where."""
    src = package.source(source_id) if source_id else {}
    if kind in ("coverage", "target", "figure"):
        fields["figure"] = f"{area_name(area, lang)}: {fields['figure']}"
    return {
        "kind": name(KIND_NAMES, kind, lang),
        "area": area_name(area, lang),
        "caveat": "",
        "base": "",
        "source": f"{src['publisher']} [{source_id}]" if src else "",
        "url": src.get("url") or "",
        "kind_id": kind,
        "area_id": area,
        "source_id": source_id or "",
        **fields,
    }


def _note(package: DataPackage, area: str, as_of, lang: str) -> str:
    notes = package.notes
    rows = notes[(notes["area"] == area) & (notes["as_of"] == as_of)]
    return "" if rows.empty else rows.iloc[0][f"note_{lang}"]


def _period(row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    start, end = row.get("valid_from"), row.get("valid_to")
    if i18n.missing(start) and i18n.missing(end):
        return _("in force")
    if i18n.missing(end):
        return _("from {date}").format(date=i18n.date(start, lang))
    if i18n.missing(start):
        return _("until {date}").format(date=i18n.date(end, lang))
    return f"{i18n.month(start, lang)} – {i18n.month(end, lang)}"


def _coverage_base(package: DataPackage, row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    base = basis_name(package, row["basis"], lang)
    if not i18n.missing(row["covered"]):
        base = _("{covered} covered").format(covered=i18n.number(row["covered"], lang)) + " · " + base
    if not i18n.missing(row["workforce"]):
        base = _("out of {workforce}").format(workforce=i18n.number(row["workforce"], lang)) + " · " + base
    return base


def _coverage_fields(package: DataPackage, row: dict, lang: str) -> dict:
    _ = i18n.gettext(lang)
    return {
        "figure": _("Workers covered by Jamsostek"),
        "value": i18n.percent(row["coverage_pct"], lang),
        "as_of": i18n.date(row["as_of"], lang),
        "base": _coverage_base(package, row, lang),
        "caveat": _note(package, row["area"], row["as_of"], lang),
    }


def _target_fields(package: DataPackage, row: dict, lang: str) -> dict:
    _ = i18n.gettext(lang)
    return {"figure": _("Coverage target"), "value": i18n.percent(row["target_pct"], lang), "as_of": str(row["year"])}


def _figure_fields(package: DataPackage, row: dict, lang: str) -> dict:
    kind = "month" if row["precision"] == "month" else "date"
    return {
        "figure": name(FIGURE_NAMES, row["id"], lang),
        "value": with_unit(float(row["value"]), row["unit"], lang),
        "as_of": i18n.format_value(kind, row["as_of"], lang),
    }


def _rule_fields(package: DataPackage, row: dict, lang: str) -> dict:
    _ = i18n.gettext(lang)
    return {
        "figure": name(RULE_NAMES, row["id"], lang),
        "value": with_unit(float(row["value"]), row["unit"], lang),
        "as_of": _("in force"),
        "base": row["basis"],
    }


def _contribution_value(row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    if row["method"] == "flat":
        return _("{amount} per month").format(amount=i18n.money(row["amount"], lang))
    text = _("{rate} of declared income per month").format(rate=i18n.percent(row["rate_pct"], lang))
    if not i18n.missing(row["max_amount"]):
        text += "; " + _("at most {amount}").format(amount=i18n.money(row["max_amount"], lang))
    return text


def _discount_name(row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    programmes = ", ".join(name(PROGRAMME_NAMES, p, lang) for p in row["programmes"].split())
    sector = name(SECTOR_NAMES, row["sector"], lang)
    return row.get(f"label_{lang}") or _("Discount for {sector}: {programmes}").format(
        sector=sector, programmes=programmes
    )


def _contribution_fields(package: DataPackage, row: dict, lang: str) -> dict:
    return {
        "figure": name(PROGRAMME_NAMES, row["programme"], lang),
        "value": _contribution_value(row, lang),
        "as_of": _period(row, lang),
        "base": row["basis"],
        "caveat": certainty_note(row["certainty"], lang),
    }


def _discount_fields(package: DataPackage, row: dict, lang: str) -> dict:
    _ = i18n.gettext(lang)
    programmes = ", ".join(name(PROGRAMME_NAMES, p, lang) for p in row["programmes"].split())
    sector = name(SECTOR_NAMES, row["sector"], lang)
    label = row.get(f"label_{lang}") or _("Discount for {sector}: {programmes}").format(
        sector=sector, programmes=programmes
    )
    budget = _("Not for participants whose contributions are paid from the state or regional budget.")
    return {
        "figure": label,
        "value": _("{percent} off").format(percent=i18n.percent(row["percent_off"], lang)),
        "as_of": _period(row, lang),
        "base": row["basis"],
        "caveat": budget if row["excludes_budget_paid"] else "",
    }


def _benefit_fields(package: DataPackage, row: dict, lang: str) -> dict:
    return {
        "figure": name(BENEFIT_NAMES, row["id"], lang),
        "value": benefit_value(row["kind"], row["value"], lang),
        "as_of": _period(row, lang),
        "base": row["basis"],
        "caveat": certainty_note(row.get("certainty"), lang),
    }


# (kind of row, table, sort order or None for the file's order, the row's fields): the journalist's table, in order.
TABLES = (
    ("coverage", "coverage", ["area", "as_of"], _coverage_fields),
    ("target", "targets", ["area", "year"], _target_fields),
    ("figure", "figures", ["area", "as_of"], _figure_fields),
    ("rule", "rules", None, _rule_fields),
    ("contribution", "contributions", None, _contribution_fields),
    ("discount", "discounts", None, _discount_fields),
    ("benefit", "benefits", None, _benefit_fields),
)


@per_package(maxsize=8)
def _figure_table(package: DataPackage, lang: str) -> pd.DataFrame:
    rows = []
    for kind, table, order, fields in TABLES:
        frame = package.tables[table]
        for row in _sorted(frame, order) if order else frame.to_dict("records"):
            area = row.get("area", NATIONAL)
            rows.append(_row(package, kind, area, row["source_id"], lang, **fields(package, row, lang)))
    return pd.DataFrame(rows, columns=[*COLUMNS, *FILTER_COLUMNS])


def figure_table(package: DataPackage, lang: str) -> pd.DataFrame:
    """Every figure and rule the site states, one row each, formatted for the page's language.

    Columns: ``COLUMNS`` to show, ``FILTER_COLUMNS`` to filter on (raw ids). Built once per package
    and language (rebuilding it on every run was the /data page's main cost); a copy to change freely.
    """
    return _figure_table(package, lang).copy()


def observations(package: DataPackage, lang: str) -> pd.DataFrame:
    """The coverage observations and targets only, in OBSERVATION_COLUMNS plus ``url`` (the light version)."""
    table = figure_table(package, lang)
    table = table[table["kind_id"].isin(["coverage", "target"])].reset_index(drop=True)
    counts = [row["covered"] for row in _sorted(package.coverage, ["area", "as_of"])]
    covered = ["" if i18n.missing(c) else i18n.number(c, lang) for c in counts]
    table["covered"] = covered + [""] * (len(table) - len(covered))
    return table[[*OBSERVATION_COLUMNS, "url"]]


def filtered(table: pd.DataFrame, kinds: list[str] | None = None, areas: list[str] | None = None) -> pd.DataFrame:
    """The rows of the chosen kinds and areas (None or empty: all)."""
    keep = pd.Series(True, index=table.index)
    if kinds:
        keep &= table["kind_id"].isin(kinds)
    if areas:
        keep &= table["area_id"].isin(areas)
    return table[keep].reset_index(drop=True)


def sources(package: DataPackage) -> pd.DataFrame:
    """The source list as shown: id, publisher, title, date, link or reference."""
    frame = package.sources[list(SOURCE_COLUMNS)].copy()
    for column in ("published", "url", "reference"):
        frame[column] = frame[column].fillna("")
    return frame


def changelog(package: DataPackage, lang: str) -> pd.DataFrame:
    """When figures were added or changed, newest first; the change comes right after its date (phones show it)."""
    log = package.changelog.sort_values("date", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "date": [i18n.date(d, lang) for d in log["date"]],
            "change": list(log[f"change_{lang}"]),
            "item": [v or "" for v in log["item"]],
            "resource": list(log["resource"]),
            "source": [v or "" for v in log["source_id"]],
        }
    )
