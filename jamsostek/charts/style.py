"""How every chart looks: Vega-Lite locale from Babel, Okabe-Ito colours, sizes for phones and projectors."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

# Okabe & Ito (2008), a palette readable with every common colour-vision deficiency.
# Each colour used for marks has at least 3:1 contrast on white (WCAG non-text contrast).
BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#008060"  # Okabe-Ito bluish green #009E73, darkened to reach 3:1 on white
GREY = "#6b6b6b"
LIGHT = "#e4e8ee"
INK = "#1a1a1a"
AREA_COLOURS = {"kota-jambi": BLUE, "prov-jambi": VERMILLION, "indonesia": GREEN}
AREA_SHAPES = {"kota-jambi": "circle", "prov-jambi": "square", "indonesia": "triangle-up"}
FONT = '"Source Sans Pro", "Source Sans", "Segoe UI", Arial, sans-serif'
NARROW = 320  # the width a chart gets in a 360 px phone screen, after the page margins
BASE_WIDTH = 960  # fonts grow past this fixed width (slides are 1920 wide)
DATE_AXIS_FORMAT = "%b %Y"
NUMBER_FORMAT = ",.0f"
D3_DATES = {"id": ("%d/%m/%Y", "%H.%M.%S"), "en": ("%m/%d/%Y", "%I:%M:%S %p")}


@dataclass(frozen=True)
class Style:
    """Sizes for one rendering: the chart's width and a scale for fonts and marks."""

    width: int | str
    scale: float

    def px(self, size: float) -> float:
        """A size in pixels at this scale."""
        return round(size * self.scale, 1)

    def height(self, narrow: int, fill: bool = True) -> int:
        """Plot height: ``narrow`` on screens; on wide fixed widths (16:9 slides) it fills or just scales."""
        if isinstance(self.width, int) and self.width > BASE_WIDTH:
            return max(narrow, round(self.width * 0.33)) if fill else round(narrow * self.scale)
        return narrow

    def wrap(self, text: str, font_px: float, bold: bool = False) -> list[str]:
        """Lines short enough to fit the chart's width (titles do not wrap by themselves in Vega-Lite)."""
        width = self.width if isinstance(self.width, int) else NARROW
        chars = max(20, int(width / (self.px(font_px) * (0.6 if bold else 0.52))))
        return textwrap.wrap(text, chars) or [""]


def style_for(width: int | str) -> Style:
    """The style for ``width`` pixels, or ``"container"`` for the page (fits its column)."""
    if isinstance(width, int) and width > BASE_WIDTH:
        return Style(width, width / BASE_WIDTH)
    return Style(width, 1.0)


def vega_locale(lang: str) -> dict:
    """Vega-Lite ``config.locale`` (d3 number and time locales) built from Babel's data for ``lang``."""
    months = get_month_names("wide", locale=lang)
    short_months = get_month_names("abbreviated", locale=lang)
    days = get_day_names("wide", locale=lang)  # Babel: 0 = Monday; d3 starts on Sunday
    short_days = get_day_names("abbreviated", locale=lang)
    date_format, time_format = D3_DATES.get(lang, D3_DATES["en"])
    return {
        "number": {
            "decimal": get_decimal_symbol(lang),
            "thousands": get_group_symbol(lang),
            "grouping": [3],
            "currency": ["Rp", ""],
        },
        "time": {
            "dateTime": "%x, %X",
            "date": date_format,
            "time": time_format,
            "periods": ["AM", "PM"],
            "days": [str(days[i]) for i in (6, 0, 1, 2, 3, 4, 5)],
            "shortDays": [str(short_days[i]) for i in (6, 0, 1, 2, 3, 4, 5)],
            "months": [str(months[i]) for i in range(1, 13)],
            "shortMonths": [str(short_months[i]) for i in range(1, 13)],
        },
    }


def config(lang: str, style: Style) -> dict:
    """Top-level ``config``: locale, fonts large enough for a projector, no chart border."""
    label = style.px(14)
    return {
        "locale": vega_locale(lang),
        "font": FONT,
        "background": "white",
        "padding": style.px(8),
        "view": {"stroke": None},
        "axis": {
            "labelFontSize": label,
            "titleFontSize": label,
            "labelColor": INK,
            "titleColor": INK,
            "titleFontWeight": "normal",
            "gridColor": "#dde1e6",
            "domainColor": GREY,
            "tickColor": GREY,
            "labelLimit": style.px(150),
        },
        "legend": {
            "labelFontSize": label,
            "titleFontSize": label,
            "labelColor": INK,
            "titleColor": INK,
            "symbolSize": style.px(12) ** 2,
            "labelLimit": style.px(200),
        },
        "title": {
            "anchor": "start",
            "fontSize": style.px(19),
            "subtitleFontSize": style.px(13.5),
            "color": INK,
            "subtitleColor": "#3d3d3d",
            "subtitlePadding": style.px(6),
            "offset": style.px(12),
        },
        "text": {"fontSize": label, "color": INK},
    }
