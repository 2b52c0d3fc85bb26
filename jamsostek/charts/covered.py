"""Covered: covered and not yet covered workers in the city, in people, from the newest figure that counts them."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids, when
from jamsostek.charts.marks import people_bars
from jamsostek.charts.style import BLUE, GREY, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name

COLUMNS = (
    ("status_name", N_("Workers"), "text"),
    ("workers", N_("Number"), "number"),
    ("share_pct", N_("Share"), "percent"),
    ("as_of_label", N_("As of"), "text"),
    ("source_id", N_("Source"), "text"),
)


def _rows(obs: coverage.Observation | None, lang: str) -> list[dict]:
    _ = i18n.gettext(lang)
    if obs is None:
        return []
    statuses = (("covered", _("Covered"), obs.covered), ("not-covered", _("Not yet covered"), obs.not_covered))
    return [
        {
            "status": status,
            "status_name": label,
            "workers": workers,
            "workers_label": i18n.number(workers, lang),
            "share_pct": round(100 * workers / obs.workforce, 2),
            "workforce": obs.workforce,
            "as_of": obs.as_of.isoformat(),
            "as_of_precision": obs.precision,
            "as_of_label": when(obs.as_of, obs.precision, lang),
            "source_id": obs.source_id,
        }
        for status, label, workers in statuses
    ]


def _no_count(newest: coverage.Observation | None, area: str, lang: str) -> ChartData:
    """The chart when no figure gives people: an empty frame that says so."""
    _ = i18n.gettext(lang)
    text = _("No count of covered workers is known for {area}.").format(area=area)
    return ChartData(
        title=_("{area}: workers covered and not yet covered").format(area=area),
        data=pd.DataFrame([], columns=["status", "status_name", "workers"]),
        takeaway=text,
        alt_text=text,
        notes=(),
        source_ids=ids(newest.source_id if newest else None),
        as_of=newest.as_of if newest else dt.date.min,
    )


def data(package, lang: str, today: dt.date | None = None) -> ChartData:
    """Covered and not yet covered workers in the city, from the newest figure that gives people."""
    _ = i18n.gettext(lang)
    obs, newest = coverage.newest(package, counted=True), coverage.newest(package)
    area = area_name(coverage.CITY, lang)
    rows = _rows(obs, lang)
    if obs is None:
        return _no_count(newest, area, lang)
    values = {
        "area": area,
        "date": when(obs.as_of, obs.precision, lang),
        "covered": i18n.number(obs.covered, lang),
        "not_covered": i18n.number(obs.not_covered, lang),
        "workforce": i18n.number(obs.workforce, lang),
    }
    notes = ()
    if newest is not None and newest.as_of > obs.as_of:
        newer = _("The newer figure ({date}) does not give the number of people, so this is the newest count.")
        notes = (newer.format(date=when(newest.as_of, newest.precision, lang)),)
    takeaway = _(
        "As of {date}, about {covered} workers in {area} were covered and about {not_covered} were not yet "
        "covered, out of about {workforce}."
    )
    return ChartData(
        title=_("{area}, {date}: workers covered and not yet covered").format(**values),
        data=pd.DataFrame(rows),
        takeaway=takeaway.format(**values),
        alt_text=_("Two bars in workers ({date}): covered {covered}; not yet covered {not_covered}.").format(**values),
        notes=notes,
        source_ids=ids(obs.source_id),
        as_of=obs.as_of,
        as_of_precision=obs.precision,
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Two bars in people: covered and not yet covered."""
    colour = alt.Color("status:N", scale=alt.Scale(domain=["covered", "not-covered"], range=[BLUE, GREY]), legend=None)
    return people_bars(frame, style, "status_name", colour, 130)
