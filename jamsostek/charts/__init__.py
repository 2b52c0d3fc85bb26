"""The chart registry: one file per chart (its data, its marks, its table columns), and ``view`` for all of them.

Adding a chart is one file in this folder, with ``data(package, lang) -> ChartData``,
``chart(frame, style) -> alt.Chart`` and ``COLUMNS``, and one line in ``REGISTRY``. The same ``view``
feeds the page, the embed view and every export, so a chart never differs between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType

import altair as alt
import pandas as pd

from jamsostek import clock, i18n
from jamsostek.charts import areas, covered, gap, history, progress, tables
from jamsostek.charts.base import ChartData
from jamsostek.charts.style import config, style_for
from jamsostek.data import DataPackage

REGISTRY: dict[str, ModuleType] = {
    "progress": progress,
    "covered": covered,
    "gap": gap,
    "history": history,
    "areas": areas,
}
CHART_IDS: tuple[str, ...] = tuple(REGISTRY)


@dataclass(frozen=True)
class ChartView:
    """One chart ready for the page, the embed view and every export."""

    id: str
    title: str
    subtitle: str
    chart: alt.TopLevelMixin
    data: pd.DataFrame  # exactly what is plotted; columns named for a CSV
    takeaway: str
    alt_text: str
    source_ids: tuple[str, ...]
    as_of: dt.date
    columns: tables.Columns = ()  # the columns of its table for people
    as_of_precision: str = "day"

    def table(self, lang: str) -> pd.DataFrame:
        """The plotted numbers as a table for people, in ``lang``."""
        return tables.display(self.columns, self.data, lang)


def source_line(package: DataPackage, parts: ChartData, lang: str) -> str:
    """``Source: publisher [id]; ... · Figures as of <date> · Data checked <date>``: baked into every chart and export.

    The figures' date at its source's precision; the checked date says the picture was true when it was made.
    """
    _ = i18n.gettext(lang)
    names = "; ".join(f"{package.source(s)['publisher']} [{s}]" for s in parts.source_ids)
    figures = _("Figures as of {date}").format(date=i18n.when(parts.as_of, parts.as_of_precision, lang))
    checked = _("data checked {date}").format(date=i18n.date(package.as_of, lang))
    return " · ".join([_("Source: {sources}").format(sources=names), figures, checked])


def view(
    chart_id: str, package: DataPackage, lang: str, width: int | str = "container", today: dt.date | None = None
) -> ChartView:
    """The chart ``chart_id`` for ``package`` in ``lang`` as of ``today``; ``width`` in pixels or ``"container"``."""
    module = REGISTRY[chart_id]
    style = style_for(width)
    parts = module.data(package, lang, today or clock.today())
    texts = [*parts.notes, source_line(package, parts, lang)]
    title = alt.TitleParams(
        text=style.wrap(parts.title, 19, bold=True), subtitle=[line for t in texts for line in style.wrap(t, 13.5)]
    )
    chart = module.chart(parts.data, style).properties(
        title=title,
        width=width,
        description=parts.alt_text,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    return ChartView(
        id=chart_id,
        title=parts.title,
        subtitle=" ".join(texts),
        chart=chart.properties(config=config(lang, style)),
        data=parts.data,
        takeaway=parts.takeaway,
        alt_text=parts.alt_text,
        source_ids=parts.source_ids,
        as_of=parts.as_of,
        columns=module.COLUMNS,
        as_of_precision=parts.as_of_precision,
    )


def to_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart as a Vega-Lite dict, validated; inline data of any size (Altair caps it at 5,000 rows).

    The coverage history grows by a row per observation; the cap would turn a long history into an error.
    """
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()
