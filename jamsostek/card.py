"""A square share card for WhatsApp: the city's coverage headline, its target, date and source, as Vega-Lite."""

from __future__ import annotations

import textwrap
from functools import lru_cache

from jamsostek import coverage, i18n
from jamsostek.catalog import area_name
from jamsostek.chart_style import BLUE, FONT, GREY, INK, LIGHT, VERMILLION
from jamsostek.cite import SITE_NAME
from jamsostek.data import DataPackage
from jamsostek.export import PackageRef, render_spec

CARD_SIZE: tuple[int, int] = (1080, 1080)
SIDE = 540  # layout size; rendered at 2x
MARGIN = 40
BAR_Y, BAR_HEIGHT = 306, 34


def _text(lines: list[str] | str, y: float, size: float, **style) -> dict:
    """A text layer at (MARGIN, y), top-aligned, one or more lines."""
    x = style.pop("x", MARGIN)
    mark = {"type": "text", "align": "left", "baseline": "top", "font": FONT, "fontSize": size, "color": INK}
    mark |= {"lineHeight": round(size * 1.25)} | style
    return {"mark": mark, "encoding": {"x": {"value": x}, "y": {"value": y}, "text": {"value": lines}}}


def _rect(x: float, x2: float, y: float, y2: float, color: str) -> dict:
    return {
        "mark": {"type": "rect", "color": color},
        "encoding": {"x": {"value": x}, "x2": {"value": x2}, "y": {"value": y}, "y2": {"value": y2}},
    }


def _wrap(text: str, size: float) -> list[str]:
    return textwrap.wrap(text, max(12, int((SIDE - 2 * MARGIN) / (size * 0.5)))) or [""]


def _bar(pct: float, target: float | None, target_text: str) -> list[dict]:
    width = SIDE - 2 * MARGIN
    layers = [
        _rect(MARGIN, MARGIN + width, BAR_Y, BAR_Y + BAR_HEIGHT, LIGHT),
        _rect(MARGIN, MARGIN + width * min(pct, 100) / 100, BAR_Y, BAR_Y + BAR_HEIGHT, BLUE),
    ]
    if target is not None:
        x = MARGIN + width * min(target, 100) / 100
        layers.append(_rect(x - 2, x + 2, BAR_Y - 12, BAR_Y + BAR_HEIGHT + 12, VERMILLION))
        right = target > 60  # keep the label inside the card
        label = _text(target_text, BAR_Y + BAR_HEIGHT + 16, 20, x=x - 6 if right else x - 2, fontWeight="bold")
        label["mark"] |= {"align": "right" if right else "left", "color": VERMILLION}
        layers.append(label)
    return layers


def card_lines(package: DataPackage, lang: str) -> dict[str, object]:
    """The card's words in ``lang``, every figure from the data (for the spec and for tests)."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    src = package.source(city.source_id)
    values = {
        "area": area_name(city.area, _),
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


def card_spec(package: DataPackage, lang: str, site_url: str = "") -> dict:
    """The card as a Vega-Lite spec, SIDE x SIDE, drawn with text and rectangle marks only."""
    words = card_lines(package, lang)
    layers = [
        _rect(0, SIDE, 0, 10, BLUE),
        _text(words["kicker"], 40, 26, fontWeight="bold", color=BLUE),
        _text(words["headline"], 84, 120, fontWeight="bold"),
        _text(_wrap(words["sub"], 27), 214, 27),
        *_bar(words["pct"], words["target_pct"], words["target"]),
        _text(_wrap(words["needed"], 22), 404, 22),
        _rect(MARGIN, SIDE - MARGIN, 466, 467, GREY),
        _text(_wrap(words["source"], 15), 476, 15),
        _text(" · ".join(filter(None, [words["site"], site_url])), 500, 14, color=GREY),
    ]
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


@lru_cache(maxsize=16)
def _card(ref, lang: str, fmt: str, site_url: str) -> bytes:
    return render_spec(card_spec(ref.package, lang, site_url), fmt, CARD_SIZE, scale=CARD_SIZE[0] / SIDE)


def share_card(package: DataPackage, lang: str, fmt: str = "png", site_url: str = "") -> bytes:
    """The share card as PNG (1080 x 1080), SVG or PDF; cached per package, language and format."""
    return _card(PackageRef(package), lang, fmt, site_url)


def card_alt_text(package: DataPackage, lang: str) -> str:
    """The card's words as one text, for screen readers."""
    words = card_lines(package, lang)
    parts = [words["kicker"] + ":", words["headline"], words["sub"], words["target"], words["needed"], words["source"]]
    return " ".join(str(p) for p in parts if p)
