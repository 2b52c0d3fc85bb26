"""Progress: the city's newest counted figure against its target, as a bullet bar."""

from __future__ import annotations

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct
from jamsostek.charts.marks import bar_label, percent_x
from jamsostek.charts.style import BLUE, INK, LIGHT, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name

# (column in the data, header, kind of value): the chart's numbers as a table.
COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("coverage_pct", N_("Coverage"), "percent"),
    ("target_pct", N_("Target"), "percent"),
    ("target_year", N_("Target year"), "year"),
    ("as_of", N_("As of"), "date"),
    ("source_id", N_("Source"), "text"),
)


def data(package, lang: str) -> ChartData:
    """The city's newest counted figure against its target for that year."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    values = {
        "area": area_name(city.area, lang),
        "date": i18n.date(city.as_of, lang),
        "pct": pct(city.coverage_pct, lang),
        "target": pct(city.target_pct, lang),
        "year": city.target_year or "",
    }
    row = {
        "area": city.area,
        "area_name": values["area"],
        "as_of": city.as_of.isoformat(),
        "coverage_pct": city.coverage_pct,
        "coverage_label": values["pct"],
        "target_year": city.target_year,
        "target_pct": city.target_pct,
        "target_label": _("Target {year}: {target}").format(**values) if city.target_pct is not None else "",
        "source_id": city.source_id,
        "target_source_id": city.target_source_id or "",
    }
    if city.target_pct is None:
        takeaway = _("As of {date}, {pct} of workers in {area} were covered.")
    else:
        takeaway = _("As of {date}, {pct} of workers in {area} were covered; the {year} target is {target}.")
    return ChartData(
        title=_("{area}: progress toward the coverage target").format(**values),
        data=pd.DataFrame([row]),
        takeaway=takeaway.format(**values),
        alt_text=_(
            "Bar from 0% to 100%: coverage in {area} was {pct} on {date}; the target line is at {target}."
        ).format(**values),
        notes=(),
        source_ids=ids(city.source_id, city.target_source_id),
        as_of=city.as_of,
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
