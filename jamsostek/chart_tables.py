"""A chart's numbers as a table for people: chosen columns, headers and values in the page's language."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from jamsostek import i18n
from jamsostek.rules import N_

# (column in the chart's data, header, how to format it)
COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "progress": (
        ("area_name", N_("Area"), "text"),
        ("coverage_pct", N_("Coverage"), "percent"),
        ("target_pct", N_("Target"), "percent"),
        ("target_year", N_("Target year"), "year"),
        ("as_of", N_("As of"), "date"),
        ("source_id", N_("Source"), "text"),
    ),
    "covered": (
        ("status_name", N_("Workers"), "text"),
        ("workers", N_("Number"), "number"),
        ("share_pct", N_("Share"), "percent"),
        ("as_of", N_("As of"), "date"),
        ("source_id", N_("Source"), "text"),
    ),
    "gap": (
        ("measure_name", N_("Figure"), "text"),
        ("workers", N_("Workers"), "number"),
        ("target_year", N_("Target year"), "year"),
        ("as_of", N_("As of"), "date"),
    ),
    "history": (
        ("area_name", N_("Area"), "text"),
        ("kind", N_("Figure"), "kind"),
        ("value_pct", N_("Value"), "percent"),
        ("date", N_("As of"), "when"),
        ("basis_name", N_("Base"), "text"),
        ("source_id", N_("Source"), "text"),
    ),
    "areas": (
        ("area_name", N_("Area"), "text"),
        ("coverage_pct", N_("Coverage"), "percent"),
        ("as_of", N_("As of"), "date"),
        ("basis_name", N_("Base"), "text"),
        ("source_id", N_("Source"), "text"),
    ),
}
KINDS = {"observation": N_("Coverage"), "target": N_("Target")}


def _cell(value: object, how: str, lang: str, _) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if how == "percent":
        return i18n.percent(float(value), lang)
    if how == "number":
        return i18n.number(float(value), lang)
    if how == "year":
        return str(int(value))
    if how == "date":
        return i18n.date(dt.date.fromisoformat(str(value)), lang)
    if how == "kind":
        return _(KINDS.get(str(value), str(value)))
    return str(value)


def display(chart_id: str, data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The plotted numbers as text formatted for ``lang`` (``150.000``, ``48,64%``, ``10 September 2024``)."""
    _ = i18n.gettext(lang)
    columns = [c for c in COLUMNS[chart_id] if c[0] in data.columns]
    rows = []
    for _i, row in data.iterrows():
        cells = {}
        for name, header, how in columns:
            if how == "when":  # a target holds for a whole year: show the year, not 1 January
                how = "year-of" if row.get("kind") == "target" else "date"
            value = str(row[name])[:4] if how == "year-of" else _cell(row[name], how, lang, _)
            cells[_(header)] = value
        rows.append(cells)
    return pd.DataFrame(rows, columns=[_(c[1]) for c in columns], dtype=object)
