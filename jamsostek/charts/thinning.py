"""A long history drawn lighter: at most MAX_POINTS figures per area on a chart (``charts.history``)."""

from __future__ import annotations

import pandas as pd

from jamsostek.i18n import N_

# A long history (e.g. daily figures for years) is more points than a chart can show or a phone should draw:
# beyond MAX_POINTS figures an area's chart draws its last figure of each month, else quarter, else year, and
# every labelled point. The table and the CSV keep every figure; the chart says so.
MAX_POINTS = 60
PERIODS = (
    (
        "M",
        N_(
            "Long history: the chart draws each area's last figure of each month; the table and the CSV have all "
            "{count} figures."
        ),
    ),
    (
        "Q",
        N_(
            "Long history: the chart draws each area's last figure of each quarter; the table and the CSV have "
            "all {count} figures."
        ),
    ),
    (
        "Y",
        N_(
            "Long history: the chart draws each area's last figure of each year; the table and the CSV have all "
            "{count} figures."
        ),
    ),
)


def _last_per_period(rows: pd.DataFrame) -> tuple[int, pd.Index]:
    """The finest period (index in PERIODS) whose last figures are at most MAX_POINTS, and those rows."""
    periods = pd.to_datetime(rows["date"]).dt
    for index, (code, _note) in enumerate(PERIODS):
        last = rows.groupby(periods.to_period(code).to_numpy()).tail(1).index
        if len(last) <= MAX_POINTS or index == len(PERIODS) - 1:
            return index, last
    raise AssertionError("unreachable")


def thin(observations: pd.DataFrame) -> tuple[pd.Series, str | None]:
    """Which observations the chart draws (all, unless an area has more than MAX_POINTS), and the note if not."""
    drawn = pd.Series(True, index=observations.index)
    coarsest = -1
    for _area, rows in observations.groupby("area"):
        if len(rows) > MAX_POINTS:
            index, last = _last_per_period(rows)
            coarsest = max(coarsest, index)
            drawn[rows.index] = rows.index.isin(last) | (rows["label"] != "")
    return drawn, PERIODS[coarsest][1] if coarsest >= 0 else None
