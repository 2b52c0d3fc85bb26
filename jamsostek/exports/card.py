"""A square share card for WhatsApp: the city's newest coverage figure, its age, the newest target, as Vega-Lite.

The card travels on its own, far from the site and long after it was made: it names its figure as the newest
one found, with its date (as precise as the source) and its age on the day the card was made, and says that
no newer figure was published. A target is shown with its caveat (no year stated; or its year has ended).
"""

from __future__ import annotations

import datetime as dt
import textwrap

from jamsostek import clock, coverage, i18n, settings
from jamsostek.charts.progress import target_words
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


def card_lines(package: DataPackage, lang: str, today: dt.date | None = None) -> dict[str, object]:
    """The card's words in ``lang`` on ``today``, every figure from the data (for the spec and for tests)."""
    _ = i18n.gettext(lang)
    today = today or clock.today()
    obs, target = coverage.newest(package), coverage.newest_target(package)
    sources = [obs.source_id] + ([target.source_id] if target else [])
    values = {
        "area": area_name(obs.area, lang),
        "workforce": i18n.format_value(("about-" if obs.approximate else "") + "number", obs.workforce, lang),
        "basis": str(package.bases.set_index("id").at[obs.known_basis or obs.basis, f"short_{lang}"]),
        "date": i18n.when(obs.as_of, obs.precision, lang),
        "age": i18n.age_on(obs.as_of, today, lang),
        "target": i18n.percent(target.pct, lang) if target else "",
        "source": "; ".join(f"{package.source(s)['publisher']} [{s}]" for s in dict.fromkeys(sources)),
        "checked": i18n.date(package.as_of, lang),
    }
    sub = _("of {workforce} {basis} had joined Jamsostek, as of {date} ({age}).")
    if obs.workforce is None:
        sub = _("of workers had joined Jamsostek, as of {date} ({age}).")
    about = _("about {value}").split("{value}")[0].strip() if obs.approximate else ""
    return {
        "kicker": _("Jamsostek in {area}: newest figure").format(**values),
        "prefix": about,
        "headline": i18n.percent(obs.coverage_pct, lang),
        "sub": sub.format(**values),
        "target": _("Target {target}").format(**values) if target else "",
        "note": " ".join([_("No newer figure was published in our sources."), target_words(target, today, lang)]),
        "source": _("Source: {source} · data checked {checked}").format(**values),
        "site": _("{site} · not BPJS Ketenagakerjaan").format(site=SITE_NAME),
        "pct": obs.coverage_pct,
        "target_pct": target.pct if target else None,
    }


def _layout(words: dict, site: str) -> tuple[list[dict], float, float]:
    """The layers top-down, each below the one before; returns them with the content's end and the footer's top."""
    kicker = _wrap(words["kicker"], 22)
    layers = [_rect(0, SIDE, 0, 10, BLUE), _text(kicker, 28, 22, fontWeight="bold", color=BLUE)]
    top = 28 + len(kicker) * 28
    left = MARGIN
    if words["prefix"]:  # "sekitar" in smaller type before the big figure
        layers.append(_text(words["prefix"], top + 58, 30, fontWeight="bold"))
        left += round(len(words["prefix"]) * 30 * 0.52) + 10
    layers.append(_text(words["headline"], top, 100, fontWeight="bold", x=left))
    sub = _wrap(words["sub"], 22)
    layers.append(_text(sub, top + 110, 22))
    bar_y = top + 110 + len(sub) * 28 + 16
    layers += _bar(bar_y, words["pct"], words["target_pct"], words["target"])
    note = _wrap(words["note"], 18)
    note_y = bar_y + BAR_HEIGHT + 46
    layers.append(_text(note, note_y, 18))
    end = note_y + len(note) * 23
    source = _wrap(words["source"], 15)
    footer = SIDE - 34 - len(source) * 19
    layers += [
        _rect(MARGIN, SIDE - MARGIN, footer - 10, footer - 9, GREY),
        _text(source, footer, 15),
        _text(" · ".join(filter(None, [words["site"], site])), SIDE - 30, 14, color=GREY),
    ]
    return layers, end, footer - 10


def card_spec(package: DataPackage, lang: str, site_url: str = "", today: dt.date | None = None) -> dict:
    """The card as a Vega-Lite spec, SIDE x SIDE, drawn with text and rectangle marks only."""
    site = site_url.split("://", 1)[-1]
    layers, _end, _footer = _layout(card_lines(package, lang, today), site)
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


def card_fits(package: DataPackage, lang: str, site_url: str = "", today: dt.date | None = None) -> bool:
    """Whether the card's words end above its footer (for tests: long words must not overlap)."""
    _layers, end, footer = _layout(card_lines(package, lang, today), site_url)
    return end <= footer


def share_card(package: DataPackage, lang: str, fmt: str = "png") -> bytes:
    """The share card as PNG (1080 x 1080), SVG or PDF, as of today; cached per package, day, language and format.

    It names the site's configured address (``settings.site_url``), never the one a visitor's browser
    reports: a client inventing a new host on every run would otherwise render a new card each time.
    """
    return card_file(package, lang, fmt, settings.site_url(), clock.today())


@per_package(maxsize=16)
def card_file(package: DataPackage, lang: str, fmt: str, site_url: str, today: dt.date) -> bytes:
    """The share card naming ``site_url``, as of ``today`` (the first HTML builds it for its build day)."""
    spec = card_spec(package, lang, site_url, today)
    return render_spec(spec, fmt, CARD_SIZE, scale=CARD_SIZE[0] / SIDE)


def card_alt_text(package: DataPackage, lang: str, today: dt.date | None = None) -> str:
    """The card's words as one text, for screen readers."""
    words = card_lines(package, lang, today)
    headline = " ".join(filter(None, [words["prefix"], words["headline"]]))
    parts = [words["kicker"] + ":", headline, words["sub"], words["note"], words["source"]]
    return " ".join(str(p) for p in parts if p)
