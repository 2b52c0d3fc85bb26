"""What every chart file returns: its table and its words (``ChartData``), and the helpers they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from jamsostek import i18n


@dataclass(frozen=True)
class ChartData:
    """A chart's table (exactly what is plotted) and its words, before any styling."""

    title: str
    data: pd.DataFrame
    takeaway: str
    alt_text: str
    notes: tuple[str, ...]
    source_ids: tuple[str, ...]
    as_of: dt.date


def ids(*source_ids: str | None) -> tuple[str, ...]:
    """Source ids in order of first use, without blanks or repeats."""
    return tuple(dict.fromkeys(i for i in source_ids if i))


def pct(value: float | None, lang: str) -> str:
    """A percentage for a label, "" when there is none."""
    return "" if value is None else i18n.percent(value, lang)
