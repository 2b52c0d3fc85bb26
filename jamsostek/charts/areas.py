"""Areas: the newest figure of each area side by side, each with its own date and base."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from jamsostek import clock, coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct, when
from jamsostek.charts.marks import BAND, area_scales, bar_label, percent_x
from jamsostek.charts.style import Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name, basis_name

COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("coverage_label", N_("Coverage"), "text"),
    ("as_of_label", N_("As of"), "text"),
    ("basis_name", N_("Base"), "text"),
    ("source_id", N_("Source"), "text"),
)


def _row(item: coverage.Observation, package, lang: str) -> dict:
    basis = item.known_basis or item.basis
    return {
        "area": item.area,
        "area_name": area_name(item.area, lang),
        "as_of": item.as_of.isoformat(),
        "as_of_precision": item.precision,
        "as_of_label": when(item.as_of, item.precision, lang),
        "coverage_pct": item.coverage_pct,
        "coverage_label": pct(item.coverage_pct, lang, item.approximate),
        "basis": basis,
        "basis_name": basis_name(package, basis, lang),
        "source_id": item.source_id,
    }


def data(package, lang: str, today: dt.date | None = None) -> ChartData:
    """The newest figure of each area, each with its own date (as precise as its source) and its age."""
    _ = i18n.gettext(lang)
    today = today or clock.today()
    latest = coverage.latest_by_area(package)
    rows = [_row(item, package, lang) for item in latest]
    frame = pd.DataFrame(rows)
    listing = "; ".join(f"{r['area_name']} {r['coverage_label']} ({r['as_of_label']})" for r in rows)
    ages = [i18n.age(item.as_of, today, lang) for item in latest]  # on the page only: a picture keeps dates
    aged = "; ".join(
        f"{r['area_name']} {r['coverage_label']} ({r['as_of_label']}, {age})" for r, age in zip(rows, ages, strict=True)
    )
    newest = max(latest, key=lambda item: item.as_of)
    return ChartData(
        title=_("Newest coverage figure per area"),
        data=frame,
        takeaway=_("The newest figures are {listing}; each uses its own base and date.").format(listing=aged),
        alt_text=_("Bars in percent, one per area: {listing}.").format(listing=listing),
        notes=(
            _("Each area uses its own base, so compare with care."),
            _("No newer figure for any of these areas was published in our sources (checked {date}).").format(
                date=i18n.date(package.as_of, lang)
            ),
        ),
        source_ids=ids(*frame["source_id"]),
        as_of=newest.as_of,
        as_of_precision=newest.precision,
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """The newest figure of each area side by side, each labelled with its value and its date."""
    base = alt.Chart(frame)
    colours, _shapes = area_scales(frame)
    y = alt.Y("area_name:N", title=None, sort=None, scale=BAND)
    bars = base.mark_bar().encode(x=percent_x(), y=y, color=alt.Color("area_name:N", scale=colours, legend=None))
    value = base.mark_text(**bar_label(style, dy=-style.px(9), fontWeight="bold")).encode(
        x="coverage_pct:Q", y=y, text="coverage_label:N"
    )
    when = base.mark_text(**bar_label(style, dy=style.px(9), fontSize=style.px(13))).encode(
        x="coverage_pct:Q", y=y, text="as_of_label:N"
    )
    return alt.layer(bars, value, when).properties(height=style.height(60 * max(1, len(frame))))
