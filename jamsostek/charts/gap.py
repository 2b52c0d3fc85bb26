"""Gap: covered now, the target in workers, and the workers still needed (computed, never typed)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct
from jamsostek.charts.marks import people_bars
from jamsostek.charts.style import BLUE, GREY, VERMILLION, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name

COLUMNS = (
    ("measure_name", N_("Figure"), "text"),
    ("workers", N_("Workers"), "number"),
    ("target_year", N_("Target year"), "year"),
    ("as_of", N_("As of"), "date"),
)


def _frame(city: coverage.Progress, gap: int | None, values: dict, lang: str) -> pd.DataFrame:
    _ = i18n.gettext(lang)
    rows = []
    if gap is not None:
        for measure, label, workers in (
            ("covered", _("Covered now"), city.covered),
            ("target", _("Target {target}").format(**values), city.target_workers),
            ("needed", _("Still needed"), gap),
        ):
            rows.append({"measure": measure, "measure_name": label, "workers": workers})
    frame = pd.DataFrame(rows, columns=["measure", "measure_name", "workers"])
    frame["workers_label"] = [i18n.number(w, lang) for w in frame["workers"]]
    frame["as_of"] = city.as_of.isoformat()
    frame["target_year"] = city.target_year
    return frame


def _takeaway(gap: int | None, values: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    if gap is None:
        return _("No {year} target or count is known for {area}, so the gap cannot be computed.").format(
            **values | {"year": values["obs_year"]}
        )
    if gap == 0:
        return _("{area} has reached its {year} target of {target}.").format(**values)
    return _(
        "About {gap} more workers in {area} need to join to reach the {year} target of {target} "
        "({target_workers} of about {workforce})."
    ).format(**values)


def data(package, lang: str) -> ChartData:
    """Covered now, the target in workers, and the workers still needed."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    gap = city.gap_workers
    values = {
        "area": area_name(city.area, lang),
        "date": i18n.date(city.as_of, lang),
        "covered": i18n.number(city.covered or 0, lang),
        "target": pct(city.target_pct, lang),
        "year": city.target_year or "",
        "obs_year": city.as_of.year,
        "target_workers": i18n.number(city.target_workers or 0, lang),
        "workforce": i18n.number(city.workforce or 0, lang),
        "gap": i18n.number(gap or 0, lang),
    }
    return ChartData(
        title=_("{area}: workers still needed to reach the target").format(**values),
        data=_frame(city, gap, values, lang),
        takeaway=_takeaway(gap, values, lang),
        alt_text=_("Three bars in workers: covered now {covered}; target {target_workers}; still needed {gap}.").format(
            **values
        ),
        notes=(),
        source_ids=ids(city.source_id, city.target_source_id),
        as_of=city.as_of,
    )


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Covered now, the target in workers, and the workers still needed."""
    colour = alt.Color(
        "measure:N",
        scale=alt.Scale(domain=["covered", "target", "needed"], range=[BLUE, GREY, VERMILLION]),
        legend=None,
    )
    return people_bars(frame, style, "measure_name", colour, 170)
