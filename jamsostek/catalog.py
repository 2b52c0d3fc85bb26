"""Tables for journalists: every figure the site states, with its date, base, caveat, source and citation.

Dates are shown as precisely as their source gives them; "about" where the source rounds; a target's year,
and whether it has ended on the day the table is read; corroborating sources beside each row's own.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from jamsostek import clock, i18n, rows
from jamsostek.data import AREAS, DataPackage
from jamsostek.data.cache import per_package
from jamsostek.i18n import N_
from jamsostek.labels import (
    KIND_NAMES,
    area_name,
    name,
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


def _row(package: DataPackage, kind: str, area: str, row: dict, lang: str, also: tuple, **fields) -> dict:
    """One table row; area-bound figures name their area first, so a phone showing one column still says where."""
    source_id = row.get("source_id")
    src = package.source(source_id) if source_id else {}
    if kind in ("coverage", "target", "figure", "statement"):
        fields["figure"] = f"{area_name(area, lang)}: {fields['figure']}"
    source = f"{src['publisher']} [{source_id}]" if src else ""
    others = [s for s in also if s != source_id]
    if others:
        _ = i18n.gettext(lang)
        source += "; " + _("also {sources}").format(sources=", ".join(others))
    return {
        "kind": name(KIND_NAMES, kind, lang),
        "area": area_name(area, lang),
        "caveat": "",
        "base": "",
        "source": source,
        "url": src.get("url") or "",
        "kind_id": kind,
        "area_id": area,
        "source_id": source_id or "",
        **fields,
    }


def _rows_of(package: DataPackage, table: str, order: list[str] | None) -> list[dict]:
    frame = package.tables[table]
    return _sorted(frame, order) if order else frame.to_dict("records")


def _key(table: str, row: dict) -> str:
    """A row's key in corroborations.csv (and the change log)."""
    if table == "coverage":
        return f"{row['area']} {row['as_of'].isoformat()}"
    return row.get("id") or row.get("programme") or ""


# (kind of row, table, sort order or None for the file's order, the row's fields): the journalist's table, in order.
TABLES = (
    ("coverage", "coverage", ["area", "as_of"], rows.coverage_fields),
    ("target", "targets", ["area", "stated"], rows.target_fields),
    ("figure", "figures", ["area", "as_of"], rows.figure_fields),
    ("statement", "statements", ["area", "as_of"], rows.statement_fields),
    ("rule", "rules", None, rows.rule_fields),
    ("contribution", "contributions", None, rows.contribution_fields),
    ("discount", "discounts", None, rows.discount_fields),
    ("benefit", "benefits", None, rows.benefit_fields),
)


@per_package(maxsize=8)
def _figure_table(package: DataPackage, lang: str, today: dt.date) -> pd.DataFrame:
    table_rows = []
    for kind, table, order, fields in TABLES:
        for row in _rows_of(package, table, order):
            area, also = row.get("area", NATIONAL), package.also(table, _key(table, row))
            table_rows.append(_row(package, kind, area, row, lang, also, **fields(package, row, lang, today)))
    frame = pd.DataFrame(table_rows, columns=[*COLUMNS, *FILTER_COLUMNS])
    # One fact, one row: a rule that a benefit row states under the same name and value (with its own certainty,
    # e.g. "12 months of full income: not certain") is shown once, as the benefit, so the two never disagree.
    return frame.drop_duplicates(subset=["figure", "value", "area"], keep="last").reset_index(drop=True)


def figure_table(package: DataPackage, lang: str, today: dt.date | None = None) -> pd.DataFrame:
    """Every figure and rule the site states, one row each, formatted for the page's language, as of today.

    Columns: ``COLUMNS`` to show, ``FILTER_COLUMNS`` to filter on (raw ids). Built once per package,
    language and day (whether a target's year has ended depends on the day); a copy to change freely.
    """
    return _figure_table(package, lang, today or clock.today()).copy()


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
