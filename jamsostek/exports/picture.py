"""A chart as a picture for the app's pages: the same spec, drawn once per data version by Vega's own SVG renderer.

/cakupan drew five live Vega charts, and Vega's start-up and drawing were most of the time a phone's main
thread was blocked on that page (bench/RESULTS.md: about 1.1 s of a 4x-throttled phone's blocked time for
five charts; the same five as pictures, 0.04 s). So the pages show each chart as the SVG that ``vl-convert``
(Vega itself, server side) draws from the very spec the exports and the embed view use: drawn once per data
version, language, width and day, at a phone's width and at the page's wide width. The page's CSS shows the one
that fits (``frame.FRAME_STYLE``). The interactive chart (tooltips) stays one tap away, in the embed view.

The SVG goes in an ``<img>`` as a ``data:`` URL: Streamlit's ``st.html`` keeps images but strips inline SVG, and
an image needs no script, so nothing from the data can run. Its alt text is the chart's alt text.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote

from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports import files, static

# The widths the app's pages draw a chart at: a phone's column (390 px screen) and Streamlit's centred column.
PHONE_WIDTH, WIDE_WIDTH = 360, 704
# The one that fits: the phone picture in a phone's column (never blown up past 480 px), the wide one from 560 px.
# The app's frame (ui.frame) and the first HTML (first_html) both use this style.
FIGURE_CSS = """.jsj-figure { margin: 0; }
.jsj-figure img { display: block; width: 100%; height: auto; }
.jsj-figure .jsj-phone { max-width: 480px; }
.jsj-figure .jsj-wide { display: none; }
@media (min-width: 560px) { .jsj-figure .jsj-phone { display: none; } .jsj-figure .jsj-wide { display: block; } }
"""
# Characters a data: URL may keep as they are (RFC 2397 with percent-encoding; quotes and # must be escaped).
_SAFE = " =:/;,.-_()!*'~+?@$"


def data_url(svg: str) -> str:
    """An SVG as a ``data:`` URL, percent-encoded (smaller than base64 and readable)."""
    return "data:image/svg+xml;charset=utf-8," + quote(svg, safe=_SAFE)


def _size(svg: str) -> tuple[str, str]:
    """The ``width`` and ``height`` vl-convert wrote on the SVG (the picture keeps its place before it loads)."""
    head = svg[: svg.index(">")]
    return _attribute(head, "width"), _attribute(head, "height")


def _attribute(tag: str, name: str) -> str:
    start = tag.index(f' {name}="') + len(name) + 3
    return tag[start : tag.index('"', start)]


@per_package(maxsize=64)
def figure(package: DataPackage, chart_id: str, lang: str, today: dt.date) -> str:
    """One chart as HTML: its phone and wide SVG pictures, each with the chart's alt text."""
    alt = escape(files.chart_view(package, chart_id, lang, today=today).alt_text)
    images = []
    for css, width in (("jsj-phone", PHONE_WIDTH), ("jsj-wide", WIDE_WIDTH)):
        svg = static.chart_block(package, chart_id, lang, width, today)["svg"]
        w, h = _size(svg)
        images.append(f'<img class="{css}" src="{data_url(svg)}" alt="{alt}" width="{w}" height="{h}">')
    return f'<figure class="jsj-figure" data-chart="{chart_id}">{"".join(images)}</figure>'
