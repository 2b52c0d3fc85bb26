"""Link-preview pictures (Open Graph, 1200 x 630): a chart, or the share card's design laid out wide."""

from __future__ import annotations

import datetime as dt
import textwrap

from jamsostek.charts.style import BLUE, FONT, GREY, INK, LIGHT, VERMILLION
from jamsostek.data import DataPackage
from jamsostek.exports import card, files

SIZE: tuple[int, int] = (1200, 630)  # what WhatsApp, Facebook, X and LinkedIn show best
WIDTH, HEIGHT = 600, 315  # layout size; rendered at 2x
MARGIN = 32
RIGHT = WIDTH - MARGIN
COLUMN = 330  # the headline figure stays left of this; the sentence beside it starts there at the latest
GLYPH = 0.7  # width of a bold digit or % per px of font size (Liberation Sans, as vl-convert draws it)


def _text(lines: list[str] | str, x: float, y: float, size: float, **style) -> dict:
    """A text layer, top-left at (x, y), cut with an ellipsis before the picture's right margin."""
    mark = {"type": "text", "align": "left", "baseline": "top", "font": FONT, "fontSize": size, "color": INK}
    mark |= {"lineHeight": round(size * 1.25), "limit": RIGHT - x} | style
    return {"mark": mark, "encoding": {"x": {"value": x}, "y": {"value": y}, "text": {"value": lines}}}


def _rect(x: float, x2: float, y: float, y2: float, color: str) -> dict:
    return {
        "mark": {"type": "rect", "color": color},
        "encoding": {"x": {"value": x}, "x2": {"value": x2}, "y": {"value": y}, "y2": {"value": y2}},
    }


def _wrap(text: str, size: float, width: float) -> list[str]:
    return textwrap.wrap(text, max(12, int(width / (size * 0.5)))) or [""]


def _bar(words: dict, y: float) -> list[dict]:
    """The coverage bar with the target's mark and label, as on the share card."""
    width = RIGHT - MARGIN
    layers = [
        _rect(MARGIN, RIGHT, y, y + 26, LIGHT),
        _rect(MARGIN, MARGIN + width * min(words["pct"], 100) / 100, y, y + 26, BLUE),
    ]
    target = words["target_pct"]
    if target is not None:
        x = MARGIN + width * min(target, 100) / 100
        layers.append(_rect(x - 2, x + 2, y - 8, y + 34, VERMILLION))
        label = {"align": "right", "limit": x - MARGIN} if target > 60 else {}
        layers.append(
            _text(words["target"], x - 6 if label else x - 2, y + 40, 16, fontWeight="bold", color=VERMILLION, **label)
        )
    return layers


def card_spec(package: DataPackage, lang: str, heading: str, site_url: str = "", today: dt.date | None = None) -> dict:
    """The share card's words, colours and bar at 1200 x 630, under a heading (the page's title), as of ``today``."""
    words = card.card_lines(package, lang, today)
    headline, prefix = str(words["headline"]), str(words["prefix"])
    big = min(96 if not prefix else 80, int((COLUMN - MARGIN - 24) / (GLYPH * len(headline))))  # "48,64%" shrinks
    column = MARGIN + GLYPH * big * max(len(headline), len(prefix) / 2) + 24
    top = 58 + (26 if prefix else 0)  # "sekitar" in smaller type above the big figure, as on the square card
    layers = [_rect(0, WIDTH, 0, 6, BLUE), _text(heading, MARGIN, 22, 20, fontWeight="bold", color=BLUE)]
    if prefix:
        layers.append(_text(prefix, MARGIN, 56, 22, fontWeight="bold"))
    layers += [_text(headline, MARGIN, top, big, fontWeight="bold", lineHeight=big)]
    layers.append(_text(_wrap(str(words["sub"]), 19, RIGHT - column)[:4], column, 58, 19))
    layers += _bar(words, 166)
    note_y = 226 if words["target_pct"] is None else 232
    layers.append(_text(_wrap(str(words["note"]), 13, RIGHT - MARGIN)[:2], MARGIN, note_y, 13))
    site = " · ".join(filter(None, [str(words["site"]), site_url.split("://", 1)[-1]]))
    layers += [
        _rect(MARGIN, RIGHT, 266, 267, GREY),
        _text(str(words["source"]), MARGIN, 273, 12),
        _text(site, MARGIN, 292, 12, color=GREY),
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{}]},
        "width": WIDTH,
        "height": HEIGHT,
        "padding": 0,
        "background": "white",
        "config": {"view": {"stroke": None}},
        "layer": layers,
    }


def card_picture(
    package: DataPackage, lang: str, heading: str, site_url: str = "", today: dt.date | None = None
) -> bytes:
    """The wide share card as a 1200 x 630 PNG, as of ``today``."""
    spec = card_spec(package, lang, heading, site_url, today)
    return files.render_spec(spec, "png", SIZE, scale=SIZE[0] / WIDTH)


def chart_picture(package: DataPackage, chart_id: str, lang: str, today: dt.date | None = None) -> bytes:
    """A chart as a 1200 x 630 PNG, title, source and date baked in (the export of /bagikan at this size)."""
    return files.chart_file(package, chart_id, lang, "png", SIZE, today=today)


def card_alt(package: DataPackage, lang: str, today: dt.date | None = None) -> str:
    """What the wide card says, for ``og:image:alt``."""
    return card.card_alt_text(package, lang, today)
