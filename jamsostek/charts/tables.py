"""A chart's numbers as a table for people: its chosen columns, headers and values in the page's language."""

from __future__ import annotations

from html import escape

import pandas as pd

from jamsostek import i18n
from jamsostek.labels import OBSERVATION_NAMES, name

Columns = tuple[tuple[str, str, str], ...]  # (column in the chart's data, header message id, kind of value)
ROW_LIMIT = 200  # rows an HTML table shows on a page; a longer history is in the CSV
CLASS = "jsj-numbers"


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


def html(frame: pd.DataFrame, caption: str, lang: str, limit: int = ROW_LIMIT) -> str:
    """A table for people as plain, accessible HTML: a caption, column headers, each row headed by its first cell.

    Lighter than a grid widget for a phone (no grid script, no Arrow per visit) and read by screen readers as a
    table. Every text is escaped. Past ``limit`` rows it shows the last ``limit`` (a chart's newest figures and its
    targets come last) and says so: the CSV download has every row.
    """
    _ = i18n.gettext(lang)
    rows = frame.to_numpy().tolist()
    note = ""
    if len(rows) > limit:
        note = _("The table shows the last {shown} of {total} rows; the CSV file has every row.").format(
            shown=i18n.number(limit, lang), total=i18n.number(len(rows), lang)
        )
        rows = rows[-limit:]
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    body = "".join(
        f'<tr><th scope="row">{escape(str(row[0]))}</th>'
        + "".join(f"<td>{escape(str(c))}</td>" for c in row[1:])
        + "</tr>"
        for row in rows
    )
    title = escape(caption) + (f"<br><small>{escape(note)}</small>" if note else "")
    # A region a keyboard can scroll when the table is wider than a phone (the frame's style scrolls it).
    region = f'<div class="{CLASS}" role="region" tabindex="0" aria-label="{escape(caption)}">'
    return f"{region}<table><caption>{title}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
