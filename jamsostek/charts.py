"""One function per chart, data in, Altair chart out; ``view`` bakes in title, source, date and locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd

from jamsostek import chart_data, i18n
from jamsostek.chart_style import (
    AREA_COLOURS,
    AREA_SHAPES,
    BLUE,
    DATE_AXIS_FORMAT,
    GREY,
    INK,
    LIGHT,
    NUMBER_FORMAT,
    VERMILLION,
    Style,
    config,
    style_for,
)
from jamsostek.data import DataPackage

CHART_IDS: tuple[str, ...] = ("progress", "covered", "gap", "history", "areas")
PERCENT_LABELS = "format(datum.value, ',.0f') + '%'"
BAND = alt.Scale(paddingInner=0.3, paddingOuter=0.2)


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


def _bar_label(style: Style, dx: float = 6, **kwargs) -> dict:
    return {"align": "left", "baseline": "middle", "dx": style.px(dx), "fontSize": style.px(15), **kwargs}


def progress_chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """A bullet bar: the scale to 100%, coverage as a bar, the target as a line with its label."""
    base = alt.Chart(frame)
    y = alt.Y("area_name:N", title=None, axis=alt.Axis(labelFontWeight="bold"))
    track = base.mark_bar(color=LIGHT, size=style.px(34)).encode(x=alt.datum(0), x2=alt.datum(100), y=y)
    bar = base.mark_bar(color=BLUE, size=style.px(34)).encode(
        x=_percent_x(),
        y=y,
    )
    value = base.mark_text(**_bar_label(style, dx=-6, align="right", color="white", fontWeight="bold")).encode(
        x="coverage_pct:Q", y=y, text="coverage_label:N"
    )
    layers = [track, bar, value]
    if frame["target_pct"].notna().all():
        target = base.mark_tick(color=INK, thickness=style.px(3), size=style.px(52)).encode(x="target_pct:Q", y=y)
        label = base.mark_text(**_bar_label(style, dy=-style.px(33), align="center", fontWeight="bold")).encode(
            x="target_pct:Q", y=y, text="target_label:N"
        )
        layers += [target, label]
    return alt.layer(*layers).properties(height=style.height(90, fill=False))


def _percent_x() -> alt.X:
    """Coverage in percent on a fixed 0-100 scale, ticks every 25 points."""
    return alt.X(
        "coverage_pct:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(values=list(range(0, 101, 25)), labelExpr=PERCENT_LABELS),
    )


def _people_bars(frame: pd.DataFrame, style: Style, name: str, colour: alt.Color, height: int) -> alt.LayerChart:
    """Horizontal bars of workers with their numbers beside them, on a scale with room for the labels."""
    base = alt.Chart(frame)
    y = alt.Y(f"{name}:N", title=None, sort=None, scale=BAND)
    top = float(frame["workers"].max()) * 1.3 if len(frame) else 1
    bars = base.mark_bar().encode(
        x=alt.X(
            "workers:Q",
            title=None,
            scale=alt.Scale(domain=[0, top], nice=False),
            axis=alt.Axis(format=NUMBER_FORMAT, tickCount=2, labelFlush=True),
        ),
        y=y,
        color=colour,
    )
    labels = base.mark_text(**_bar_label(style, fontWeight="bold")).encode(x="workers:Q", y=y, text="workers_label:N")
    return alt.layer(bars, labels).properties(height=style.height(height))


def covered_chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Two bars in people: covered and not yet covered."""
    colour = alt.Color("status:N", scale=alt.Scale(domain=["covered", "not-covered"], range=[BLUE, GREY]), legend=None)
    return _people_bars(frame, style, "status_name", colour, 130)


def gap_chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Covered now, the target in workers, and the workers still needed."""
    colour = alt.Color(
        "measure:N",
        scale=alt.Scale(domain=["covered", "target", "needed"], range=[BLUE, GREY, VERMILLION]),
        legend=None,
    )
    return _people_bars(frame, style, "measure_name", colour, 170)


def _area_scales(frame: pd.DataFrame) -> tuple[alt.Scale, alt.Scale]:
    """Colour and shape per area, in the data's order, so every chart names an area the same way."""
    areas = list(dict.fromkeys(frame["area"]))
    names = list(dict.fromkeys(frame["area_name"]))
    colours = alt.Scale(domain=names, range=[AREA_COLOURS[a] for a in areas])
    shapes = alt.Scale(domain=names, range=[AREA_SHAPES[a] for a in areas])
    return colours, shapes


def _target_layers(frame: pd.DataFrame, style: Style, x: alt.X, y: alt.Y) -> list[alt.Chart]:
    """One dashed rule per area's target over its year; equal targets interleave their dashes."""
    targets = frame[frame["kind"] == "target"]
    layers = []
    dash = style.px(8)
    for offset, area in enumerate(dict.fromkeys(targets["area"])):
        rows = targets[targets["area"] == area]
        rule = alt.Chart(rows).mark_rule(
            color=AREA_COLOURS[area],
            strokeWidth=style.px(3),
            strokeDash=[dash, dash * 2],
            strokeDashOffset=-offset * dash,
        )
        layers.append(rule.encode(x=x, x2="date_end:T", y=y))
    labels = alt.Chart(targets[targets["label"] != ""]).mark_text(
        align="left", baseline="top", dy=style.px(6), fontSize=style.px(13), color=INK
    )
    layers.append(labels.encode(x=x, y=y, text="label:N"))
    return layers


def history_chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Figures over time: points per area, lines only within one segment (one base), dashed targets."""
    observations = frame[frame["kind"] == "observation"]
    colours, shapes = _area_scales(frame)
    columns = 3 if isinstance(style.width, int) and style.width >= 640 else 2  # 3 names overflow a phone
    legend = alt.Legend(title=None, orient="bottom", direction="horizontal", columns=columns)
    colour = alt.Color("area_name:N", scale=colours, legend=legend)
    shape = alt.Shape("area_name:N", scale=shapes, legend=legend)
    x = alt.X("date:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(format=DATE_AXIS_FORMAT, tickCount=4))
    y = alt.Y(
        "value_pct:Q",
        title=None,
        scale=alt.Scale(domain=[0, max(60.0, float(frame["value_pct"].max()) + 5)]),
        axis=alt.Axis(labelExpr=PERCENT_LABELS, tickCount=4),
    )
    base = alt.Chart(observations)
    lines = base.mark_line(strokeWidth=style.px(3)).encode(x=x, y=y, color=colour, detail="segment:N")
    points = base.mark_point(filled=True, size=style.px(11) ** 2, opacity=1).encode(x=x, y=y, color=colour, shape=shape)
    labels = base.mark_text(align="left", dx=style.px(8), dy=style.px(-8), fontSize=style.px(13)).encode(
        x=x, y=y, text="label:N", color=alt.Color("area_name:N", legend=None, scale=colours)
    )
    layers = [lines, points, labels, *_target_layers(frame, style, x, y)]
    return alt.layer(*layers).properties(height=style.height(300))


def areas_chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """The newest figure of each area side by side, each labelled with its value and its date."""
    base = alt.Chart(frame)
    colours, _shapes = _area_scales(frame)
    y = alt.Y("area_name:N", title=None, sort=None, scale=BAND)
    bars = base.mark_bar().encode(
        x=_percent_x(),
        y=y,
        color=alt.Color("area_name:N", scale=colours, legend=None),
    )
    value = base.mark_text(**_bar_label(style, dy=-style.px(9), fontWeight="bold")).encode(
        x="coverage_pct:Q", y=y, text="coverage_label:N"
    )
    when = base.mark_text(**_bar_label(style, dy=style.px(9), fontSize=style.px(13))).encode(
        x="coverage_pct:Q", y=y, text="as_of_label:N"
    )
    return alt.layer(bars, value, when).properties(height=style.height(60 * max(1, len(frame))))


BUILDERS: dict[str, tuple[Callable, Callable]] = {
    "progress": (chart_data.progress_data, progress_chart),
    "covered": (chart_data.covered_data, covered_chart),
    "gap": (chart_data.gap_data, gap_chart),
    "history": (chart_data.history_data, history_chart),
    "areas": (chart_data.areas_data, areas_chart),
}


def _source_line(package: DataPackage, parts: chart_data.ChartData, lang: str) -> str:
    _ = i18n.gettext(lang)
    names = "; ".join(f"{package.source(s)['publisher']} [{s}]" for s in parts.source_ids)
    return (
        _("Source: {sources}").format(sources=names)
        + " · "
        + _("Data as of {date}").format(date=i18n.date(parts.as_of, lang))
    )


def view(chart_id: str, package: DataPackage, lang: str, width: int | str = "container") -> ChartView:
    """The chart ``chart_id`` for ``package`` in ``lang``; ``width`` in pixels or ``"container"``."""
    if chart_id not in BUILDERS:
        raise KeyError(chart_id)
    make_data, make_chart = BUILDERS[chart_id]
    style = style_for(width)
    parts = make_data(package, lang)
    subtitle = " ".join([*parts.notes, _source_line(package, parts, lang)])
    subtitle_lines = [
        line for text in [*parts.notes, _source_line(package, parts, lang)] for line in style.wrap(text, 13.5)
    ]
    title = alt.TitleParams(text=style.wrap(parts.title, 19, bold=True), subtitle=subtitle_lines)
    chart = make_chart(parts.data, style).properties(
        title=title,
        width=width,
        description=parts.alt_text,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    chart = chart.properties(config=config(lang, style))
    return ChartView(
        id=chart_id,
        title=parts.title,
        subtitle=subtitle,
        chart=chart,
        data=parts.data,
        takeaway=parts.takeaway,
        alt_text=parts.alt_text,
        source_ids=parts.source_ids,
        as_of=parts.as_of,
    )


def to_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart as a Vega-Lite dict, validated; inline data of any size (Altair caps it at 5,000 rows).

    The coverage history grows by a row per observation; the cap would turn a long history into an error.
    """
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()
