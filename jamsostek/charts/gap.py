"""Gap: the workers needed to reach a target, computed by us; for a target whose year has ended, as history.

The gap is computed only against a target with a stated year and base (``coverage.gap``). When the only such
target's year is over, the chart shows that computation as what it was: "needed then", the year ended, whether
the target was reached unknown, and no computation for today.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from jamsostek import clock, coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct, when
from jamsostek.charts.marks import people_bars
from jamsostek.charts.style import BLUE, GREY, VERMILLION, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name

COLUMNS = (
    ("measure_name", N_("Figure"), "text"),
    ("workers", N_("Workers"), "number"),
    ("target_year", N_("Target year"), "year"),
    ("status_name", N_("Target"), "text"),
    ("as_of_label", N_("As of"), "text"),
)


def _frame(found: coverage.Gap | None, values: dict, lang: str) -> pd.DataFrame:
    _ = i18n.gettext(lang)
    rows = []
    if found is not None:
        past = found.past
        for measure, label, workers in (
            ("covered", _("Covered"), found.observation.covered),
            ("target", _("Target {year} ({target})").format(**values), found.target_workers),
            ("needed", _("Needed then") if past else _("Still needed"), found.workers),
        ):
            rows.append({"measure": measure, "measure_name": label, "workers": workers})
    frame = pd.DataFrame(rows, columns=["measure", "measure_name", "workers"])
    frame["workers_label"] = [i18n.number(w, lang) for w in frame["workers"]]
    if found is not None:
        frame["as_of"] = found.observation.as_of.isoformat()
        frame["as_of_precision"] = found.observation.precision
        frame["as_of_label"] = values["date"]
        frame["target_year"] = found.target.year
        frame["status_name"] = _("year ended") if found.past else _("in force")
    return frame


def _words(found: coverage.Gap | None, values: dict, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """Title, takeaway and notes: present tense only for a target still in force."""
    _ = i18n.gettext(lang)
    if found is None:
        none = _(
            "For {area}, no target with a stated year and base has a count of workers on that base, so we do not "
            "compute a gap."
        )
        return _("{area}: workers still needed").format(**values), none.format(**values), ()
    if not found.past:
        title = _("{area}: workers still needed for the {year} target").format(**values)
        takeaway = _(
            "About {gap} more workers in {area} need to join to reach the {year} target of {target} "
            "({target_workers} of about {workforce}); our calculation from the figure of {date}."
        )
        return title, takeaway.format(**values), ()
    title = _("{area}: the {year} target, as it stood on {date}").format(**values)
    takeaway = _(
        "On {date}, about {gap} more workers in {area} were needed to reach the {year} target of {target} "
        "({target_workers} of about {workforce}; our calculation). {year} has ended; whether the target was "
        "reached has not been published in our sources."
    ).format(**values)
    ended = _("{year} has ended; whether the target was reached has not been published in our sources.")
    today = _("No target still in force has a stated year and base, so we do not compute what is needed today.")
    return title, takeaway, (_("Our calculation.") + " " + ended.format(**values), today)


def data(package, lang: str, today: dt.date | None = None) -> ChartData:
    """The workers needed to reach a target on its own base: still needed, or needed then."""
    found = coverage.gap(package, coverage.CITY, today or clock.today())
    obs = found.observation if found else coverage.newest(package)
    values = {"area": area_name(coverage.CITY, lang)}
    if found is not None:
        values |= {
            "date": when(obs.as_of, obs.precision, lang),
            "covered": i18n.number(obs.covered, lang),
            "target": pct(found.target.pct, lang),
            "year": found.target.year,
            "target_workers": i18n.number(found.target_workers, lang),
            "workforce": i18n.number(obs.workforce, lang),
            "gap": i18n.number(found.workers, lang),
        }
    title, takeaway, notes = _words(found, values, lang)
    _ = i18n.gettext(lang)
    alt_text = takeaway
    if found is not None:
        alt_text = _("Three bars in workers: covered {covered}; target {target_workers}; the difference {gap}.")
        alt_text = alt_text.format(**values)
    return ChartData(
        title=title,
        data=_frame(found, values, lang),
        takeaway=takeaway,
        alt_text=alt_text,
        notes=notes,
        source_ids=ids(obs.source_id if obs else None, found.target.source_id if found else None),
        as_of=obs.as_of if obs else dt.date.min,
        as_of_precision=obs.precision if obs else "day",
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Covered, the target in workers, and the difference: bars of people."""
    colour = alt.Color(
        "measure:N",
        scale=alt.Scale(domain=["covered", "target", "needed"], range=[BLUE, GREY, VERMILLION]),
        legend=None,
    )
    return people_bars(frame, style, "measure_name", colour, 170)
