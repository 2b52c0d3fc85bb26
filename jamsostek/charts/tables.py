"""A chart's numbers as a table for people: its chosen columns, headers and values in the page's language."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.labels import OBSERVATION_NAMES, name

Columns = tuple[tuple[str, str, str], ...]  # (column in the chart's data, header message id, kind of value)


def _cell(row: dict, column: str, kind: str, lang: str) -> str:
    value = row[column]
    if kind == "when":  # a target holds for a whole year: show the year, not 1 January
        kind = "year-of" if row.get("kind") == "target" else "date"
    if kind == "year-of":
        return str(value)[:4]
    if kind == "observation":
        return name(OBSERVATION_NAMES, str(value), lang)
    return i18n.format_value(kind, value, lang)


def display(columns: Columns, data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The plotted numbers as text formatted for ``lang`` (``150.000``, ``48,64%``, ``10 September 2024``)."""
    _ = i18n.gettext(lang)
    shown = [c for c in columns if c[0] in data.columns]
    rows = [[_cell(row, column, kind, lang) for column, _header, kind in shown] for row in data.to_dict("records")]
    return pd.DataFrame(rows, columns=[_(header) for _c, header, _k in shown], dtype=object)
