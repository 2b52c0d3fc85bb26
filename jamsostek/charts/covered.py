"""Covered: covered and not yet covered workers in the city, in people."""

from __future__ import annotations

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids
from jamsostek.charts.marks import people_bars
from jamsostek.charts.style import BLUE, GREY, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name

COLUMNS = (
    ("status_name", N_("Workers"), "text"),
    ("workers", N_("Number"), "number"),
    ("share_pct", N_("Share"), "percent"),
    ("as_of", N_("As of"), "date"),
    ("source_id", N_("Source"), "text"),
)


def _rows(city: coverage.Progress, lang: str) -> list[dict]:
    _ = i18n.gettext(lang)
    if city.covered is None or city.workforce is None:
        return []
    statuses = (("covered", _("Covered"), city.covered), ("not-covered", _("Not yet covered"), city.not_covered))
    return [
        {
            "status": status,
            "status_name": label,
            "workers": workers,
            "workers_label": i18n.number(workers, lang),
            "share_pct": round(100 * workers / city.workforce, 2),
            "workforce": city.workforce,
            "as_of": city.as_of.isoformat(),
            "source_id": city.source_id,
        }
        for status, label, workers in statuses
    ]


def data(package, lang: str) -> ChartData:
    """Covered and not yet covered workers in the city, in people."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    values = {
        "area": area_name(city.area, lang),
        "date": i18n.date(city.as_of, lang),
        "covered": i18n.number(city.covered or 0, lang),
        "not_covered": i18n.number(city.not_covered or 0, lang),
        "workforce": i18n.number(city.workforce or 0, lang),
    }
    rows = _rows(city, lang)
    takeaway = _(
        "As of {date}, about {covered} workers in {area} were covered and about {not_covered} were not yet "
        "covered, out of about {workforce}."
    )
    if not rows:
        takeaway = _("No count of covered workers is known for {area}.")
    return ChartData(
        title=_("{area}: workers covered and not yet covered").format(**values),
        data=pd.DataFrame(rows, columns=list(rows[0]) if rows else ["status", "status_name", "workers"]),
        takeaway=takeaway.format(**values),
        alt_text=_("Two bars in workers ({date}): covered {covered}; not yet covered {not_covered}.").format(**values),
        notes=(),
        source_ids=ids(city.source_id),
        as_of=city.as_of,
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Two bars in people: covered and not yet covered."""
    colour = alt.Color("status:N", scale=alt.Scale(domain=["covered", "not-covered"], range=[BLUE, GREY]), legend=None)
    return people_bars(frame, style, "status_name", colour, 130)
