"""Areas: the newest figure of each area side by side, each with its own date and base."""

from __future__ import annotations

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct
from jamsostek.charts.marks import BAND, area_scales, bar_label, percent_x
from jamsostek.charts.style import Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name, basis_name

COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("coverage_pct", N_("Coverage"), "percent"),
    ("as_of", N_("As of"), "date"),
    ("basis_name", N_("Base"), "text"),
    ("source_id", N_("Source"), "text"),
)


def data(package, lang: str) -> ChartData:
    """The newest figure of each area, each with its own date."""
    _ = i18n.gettext(lang)
    latest = coverage.latest_by_area(package)
    rows = [
        {
            "area": item.area,
            "area_name": area_name(item.area, lang),
            "as_of": item.as_of.isoformat(),
            "as_of_label": i18n.date(item.as_of, lang),
            "coverage_pct": item.coverage_pct,
            "coverage_label": pct(item.coverage_pct, lang),
            "basis": item.basis,
            "basis_name": basis_name(package, item.basis, lang),
            "source_id": item.source_id,
        }
        for item in latest
    ]
    frame = pd.DataFrame(rows)
    listing = "; ".join(f"{r['area_name']} {r['coverage_label']} ({r['as_of_label']})" for r in rows)
    return ChartData(
        title=_("Newest coverage figure per area"),
        data=frame,
        takeaway=_("The newest figures are {listing}; each uses its own base and date.").format(listing=listing),
        alt_text=_("Bars in percent, one per area: {listing}.").format(listing=listing),
        notes=(_("Each area uses its own base, so compare with care."),),
        source_ids=ids(*frame["source_id"]),
        as_of=max(item.as_of for item in latest),
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
