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
    as_of_precision: str = "day"  # how precise ``as_of`` is (the source's own precision): never show more


def ids(*source_ids: str | None) -> tuple[str, ...]:
    """Source ids in order of first use, without blanks or repeats."""
    return tuple(dict.fromkeys(i for i in source_ids if i))


def pct(value: float | None, lang: str, approximate: bool = False) -> str:
    """A percentage for a label ("about 44%" when the source rounds it), "" when there is none."""
    return "" if value is None else i18n.format_value(("about-" if approximate else "") + "percent", value, lang)


def when(value: dt.date, precision: str, lang: str) -> str:
    """A date at its source's precision: "22 Mei 2025", "April 2025", "pertengahan September 2024"."""
    return i18n.when(value, precision, lang)
