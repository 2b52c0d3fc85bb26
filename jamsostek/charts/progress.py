"""Progress: the city's newest figure, its age, and the newest target, as a bullet bar."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from jamsostek import clock, coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct, when
from jamsostek.charts.marks import bar_label, percent_x
from jamsostek.charts.style import BLUE, INK, LIGHT, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name, basis_name

# (column in the data, header, kind of value): the chart's numbers as a table.
COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("coverage_label", N_("Coverage"), "text"),
    ("as_of_label", N_("As of"), "text"),
    ("basis_name", N_("Base"), "text"),
    ("target_label", N_("Target"), "text"),
    ("source_id", N_("Source"), "text"),
)


def target_words(target: coverage.Target | None, today: dt.date, lang: str) -> str:
    """The target as its source gives it, and whether its year has ended."""
    _ = i18n.gettext(lang)
    if target is None:
        return _("No target is known.")
    values = {"target": pct(target.pct, lang), "year": target.year}
    values["stated"] = when(target.stated, target.precision, lang)
    if target.year is None:
        return _("Newest target: {target}, stated {stated}; the year is not stated.").format(**values)
    if target.ended(today):
        return _("Newest target: {target} for {year}; the year has ended.").format(**values)
    return _("Newest target: {target} for {year}.").format(**values)


def _row(obs: coverage.Observation, target: coverage.Target | None, package, lang: str) -> dict:
    _ = i18n.gettext(lang)
    values = {"target": pct(target.pct, lang) if target else ""}
    return {
        "area": obs.area,
        "area_name": area_name(obs.area, lang),
        "as_of": obs.as_of.isoformat(),
        "as_of_precision": obs.precision,
        "as_of_label": when(obs.as_of, obs.precision, lang),
        "coverage_pct": obs.coverage_pct,
        "coverage_label": pct(obs.coverage_pct, lang, obs.approximate),
        "basis_name": basis_name(package, obs.known_basis or obs.basis, lang),
        "target_pct": target.pct if target else None,
        "target_label": _("Target {target}").format(**values) if target else "",
        "source_id": obs.source_id,
        "target_source_id": target.source_id if target else "",
    }


def data(package, lang: str, today: dt.date | None = None) -> ChartData:
    """The city's newest figure (any base) against the newest target stated for it."""
    _ = i18n.gettext(lang)
    today = today or clock.today()
    obs, target = coverage.newest(package), coverage.newest_target(package)
    row = _row(obs, target, package, lang)
    values = {"area": row["area_name"], "pct": row["coverage_label"], "date": row["as_of_label"]}
    values["age"], values["age_on"] = i18n.age(obs.as_of, today, lang), i18n.age_on(obs.as_of, today, lang)
    newest = _("The newest figure we found for {area}: {pct} of workers had joined, as of {date} ({age}).")
    baked = newest.format(**values | {"age": values["age_on"]})  # in the picture: a date, not "ago"
    notes = [_("No newer figure was published in our sources."), target_words(target, today, lang)]
    if target is not None and target.basis != obs.known_basis:
        notes.append(_("The target's base is not the figure's, or not stated: compare with care."))
    return ChartData(
        title=_("{area}: the newest figure and the newest target").format(**values),
        data=pd.DataFrame([row]),
        takeaway=" ".join([newest.format(**values), notes[0], notes[1]]),
        alt_text=_(
            "Bar from 0% to 100%: coverage in {area} was {pct} as of {date}; the target line is at {target}."
        ).format(**values, target=pct(target.pct, lang) if target else _("not known")),
        notes=(baked, *notes),
        source_ids=ids(obs.source_id, target.source_id if target else None),
        as_of=obs.as_of,
        as_of_precision=obs.precision,
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """A bullet bar: the scale to 100%, coverage as a bar, the target as a line with its label."""
    base = alt.Chart(frame)
    y = alt.Y("area_name:N", title=None, axis=alt.Axis(labelFontWeight="bold"))
    track = base.mark_bar(color=LIGHT, size=style.px(34)).encode(x=alt.datum(0), x2=alt.datum(100), y=y)
    bar = base.mark_bar(color=BLUE, size=style.px(34)).encode(x=percent_x(), y=y)
    value = base.mark_text(**bar_label(style, dx=-6, align="right", color="white", fontWeight="bold")).encode(
        x="coverage_pct:Q", y=y, text="coverage_label:N"
    )
    layers = [track, bar, value]
    if frame["target_pct"].notna().all():
        target = base.mark_tick(color=INK, thickness=style.px(3), size=style.px(52)).encode(x="target_pct:Q", y=y)
        label = base.mark_text(**bar_label(style, dy=-style.px(33), align="center", fontWeight="bold")).encode(
            x="target_pct:Q", y=y, text="target_label:N"
        )
        layers += [target, label]
    return alt.layer(*layers).properties(height=style.height(90, fill=False))
