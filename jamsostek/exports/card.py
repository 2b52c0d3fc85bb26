"""A square share card for WhatsApp: the city's coverage headline, its target, date and source, as Vega-Lite."""

from __future__ import annotations

import textwrap

from jamsostek import coverage, i18n, settings
from jamsostek.charts.style import BLUE, FONT, GREY, INK, LIGHT, VERMILLION
from jamsostek.cite import SITE_NAME
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports.files import render_spec
from jamsostek.labels import area_name

CARD_SIZE: tuple[int, int] = (1080, 1080)
SIDE = 540  # layout size; rendered at 2x
MARGIN = 40
BAR_HEIGHT = 34


def _text(lines: list[str] | str, y: float, size: float, **style) -> dict:
    """A text layer at (MARGIN, y), top-aligned, one or more lines."""
    x = style.pop("x", MARGIN)
    mark = {"type": "text", "align": "left", "baseline": "top", "font": FONT, "fontSize": size, "color": INK}
    mark |= {"lineHeight": round(size * 1.25)} | style
    mark["limit"] = (SIDE - x if mark["align"] == "left" else x) - MARGIN / 2  # never past the card's edge
    return {"mark": mark, "encoding": {"x": {"value": x}, "y": {"value": y}, "text": {"value": lines}}}


def _rect(x: float, x2: float, y: float, y2: float, color: str) -> dict:
    return {
        "mark": {"type": "rect", "color": color},
        "encoding": {"x": {"value": x}, "x2": {"value": x2}, "y": {"value": y}, "y2": {"value": y2}},
    }


def _wrap(text: str, size: float) -> list[str]:
    return textwrap.wrap(text, max(12, int((SIDE - 2 * MARGIN) / (size * 0.52)))) or [""]


def _bar(y: float, pct: float, target: float | None, target_text: str) -> list[dict]:
    width = SIDE - 2 * MARGIN
    layers = [
        _rect(MARGIN, MARGIN + width, y, y + BAR_HEIGHT, LIGHT),
        _rect(MARGIN, MARGIN + width * min(pct, 100) / 100, y, y + BAR_HEIGHT, BLUE),
    ]
    if target is not None:
        x = MARGIN + width * min(target, 100) / 100
        layers.append(_rect(x - 2, x + 2, y - 12, y + BAR_HEIGHT + 12, VERMILLION))
        right = target > 60  # keep the label inside the card
        label_x, align = (x - 6, "right") if right else (x - 2, "left")
        layers.append(
            _text(target_text, y + BAR_HEIGHT + 16, 20, x=label_x, align=align, fontWeight="bold", color=VERMILLION)
        )
    return layers


def card_lines(package: DataPackage, lang: str) -> dict[str, object]:
    """The card's words in ``lang``, every figure from the data (for the spec and for tests)."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    src = package.source(city.source_id)
    values = {
        "area": area_name(city.area, lang),
        "pct": i18n.percent(city.coverage_pct, lang),
        "covered": i18n.number(city.covered or 0, lang),
        "workforce": i18n.number(city.workforce or 0, lang),
        "target": i18n.percent(city.target_pct, lang) if city.target_pct is not None else "",
        "year": city.target_year or "",
        "needed": i18n.number(city.gap_workers or 0, lang),
        "date": i18n.date(city.as_of, lang),
        "source": f"{src['publisher']} [{city.source_id}]",
    }
    return {
        "kicker": _("Jamsostek in {area}").format(**values),
        "headline": values["pct"],
        "sub": _("of about {workforce} workers have Jamsostek: about {covered} people.").format(**values),
        "target": _("Target {year}: {target}").format(**values) if values["target"] else "",
        "needed": _("About {needed} more workers are needed to reach the target.").format(**values)
        if city.gap_workers
        else "",
        "source": _("As of {date} · Source: {source}").format(**values),
        "site": _("{site} · not BPJS Ketenagakerjaan").format(site=SITE_NAME),
        "pct": city.coverage_pct,
        "target_pct": city.target_pct,
    }


def _layout(words: dict, site: str) -> tuple[list[dict], float, float]:
    """The layers top-down, each below the one before; returns them with the content's end and the footer's top."""
    layers = [_rect(0, SIDE, 0, 10, BLUE), _text(words["kicker"], 36, 26, fontWeight="bold", color=BLUE)]
    layers.append(_text(words["headline"], 74, 120, fontWeight="bold"))
    sub = _wrap(words["sub"], 26)
    layers.append(_text(sub, 200, 26))
    bar_y = 200 + len(sub) * 32 + 22
    layers += _bar(bar_y, words["pct"], words["target_pct"], words["target"])
    needed = _wrap(words["needed"], 22) if words["needed"] else []
    needed_y = bar_y + BAR_HEIGHT + 56
    if needed:
        layers.append(_text(needed, needed_y, 22))
    end = needed_y + len(needed) * 28
    source = _wrap(words["source"], 15)
    footer = SIDE - 34 - len(source) * 19
    layers += [
        _rect(MARGIN, SIDE - MARGIN, footer - 10, footer - 9, GREY),
        _text(source, footer, 15),
        _text(" · ".join(filter(None, [words["site"], site])), SIDE - 30, 14, color=GREY),
    ]
    return layers, end, footer - 10


def card_spec(package: DataPackage, lang: str, site_url: str = "") -> dict:
    """The card as a Vega-Lite spec, SIDE x SIDE, drawn with text and rectangle marks only."""
    site = site_url.split("://", 1)[-1]
    layers, _end, _footer = _layout(card_lines(package, lang), site)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{}]},
        "width": SIDE,
        "height": SIDE,
        "padding": 0,
        "background": "white",
        "config": {"view": {"stroke": None}},
        "layer": layers,
    }


def card_fits(package: DataPackage, lang: str, site_url: str = "") -> bool:
    """Whether the card's words end above its footer (for tests: long words must not overlap)."""
    _layers, end, footer = _layout(card_lines(package, lang), site_url)
    return end <= footer


def share_card(package: DataPackage, lang: str, fmt: str = "png") -> bytes:
    """The share card as PNG (1080 x 1080), SVG or PDF; cached per package, language and format.

    It names the site's configured address (``settings.site_url``), never the one a visitor's browser
    reports: a client inventing a new host on every run would otherwise render a new card each time.
    """
    return _card_file(package, lang, fmt, settings.site_url())


@per_package(maxsize=16)
def _card_file(package: DataPackage, lang: str, fmt: str, site_url: str) -> bytes:
    return render_spec(card_spec(package, lang, site_url), fmt, CARD_SIZE, scale=CARD_SIZE[0] / SIDE)


def card_alt_text(package: DataPackage, lang: str) -> str:
    """The card's words as one text, for screen readers."""
    words = card_lines(package, lang)
    parts = [words["kicker"] + ":", words["headline"], words["sub"], words["target"], words["needed"], words["source"]]
    return " ".join(str(p) for p in parts if p)
