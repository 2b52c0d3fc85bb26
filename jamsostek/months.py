"""Contribution months: a month is its first day, written ``2026-11`` in URLs; arithmetic on months."""

from __future__ import annotations

import datetime as dt


def month_start(day: dt.date) -> dt.date:
    """The contribution month a day belongs to, as its first day."""
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The month ``count`` months after (or before, if negative) ``month``."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    """The last day of a month."""
    return add_months(month_start(month), 1) - dt.timedelta(days=1)


def parse(text: str) -> dt.date | None:
    """``2026-11`` as the month's first day; None when it is not a year and month."""
    year, _, number = text.partition("-")
    if len(year) != 4 or len(number) != 2 or not (year.isdigit() and number.isdigit()) or not 1 <= int(number) <= 12:
        return None
    return dt.date(int(year), int(number), 1) if int(year) >= 1 else None


def key(month: dt.date) -> str:
    """A month as the URL and the form write it: ``2026-11``."""
    return f"{month.year:04d}-{month.month:02d}"


def span(first: dt.date, count: int) -> list[dt.date]:
    """``count`` consecutive months from ``first``."""
    return [add_months(month_start(first), i) for i in range(count)]
