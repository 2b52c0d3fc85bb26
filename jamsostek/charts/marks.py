"""Mark helpers several charts share: bar labels, the percent axis, bars of people, colours and shapes per area."""

from __future__ import annotations

import altair as alt
import pandas as pd

from jamsostek.charts.style import AREA_COLOURS, AREA_SHAPES, NUMBER_FORMAT, Style

PERCENT_LABELS = "format(datum.value, ',.0f') + '%'"
BAND = alt.Scale(paddingInner=0.3, paddingOuter=0.2)


def bar_label(style: Style, dx: float = 6, **kwargs) -> dict:
    """Text beside the end of a bar, at the style's scale."""
    return {"align": "left", "baseline": "middle", "dx": style.px(dx), "fontSize": style.px(15), **kwargs}


def percent_x() -> alt.X:
    """Coverage in percent on a fixed 0-100 scale, ticks every 25 points."""
    return alt.X(
        "coverage_pct:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(values=list(range(0, 101, 25)), labelExpr=PERCENT_LABELS),
    )


def people_bars(frame: pd.DataFrame, style: Style, name: str, colour: alt.Color, height: int) -> alt.LayerChart:
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
    labels = base.mark_text(**bar_label(style, fontWeight="bold")).encode(x="workers:Q", y=y, text="workers_label:N")
    return alt.layer(bars, labels).properties(height=style.height(height))


def area_scales(frame: pd.DataFrame) -> tuple[alt.Scale, alt.Scale]:
    """Colour and shape per area, in the data's order, so every chart names an area the same way."""
    areas = list(dict.fromkeys(frame["area"]))
    names = list(dict.fromkeys(frame["area_name"]))
    colours = alt.Scale(domain=names, range=[AREA_COLOURS[a] for a in areas])
    shapes = alt.Scale(domain=names, range=[AREA_SHAPES[a] for a in areas])
    return colours, shapes
