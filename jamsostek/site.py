"""The one page registry, and the links built on it: absolute when the site's address is known, iframe code.

Navigation, the page menu, links between pages, the light version, the tests and the benchmark all read
``PAGES``: adding a page is a view script, its content files and one entry here.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from jamsostek.i18n import N_


@dataclass(frozen=True)
class Page:
    """One page of the site."""

    key: str  # stable name used in code and tests
    path: str  # URL path, without slashes ("" for home)
    title: str  # message id, for the menu and the tab
    icon: str  # a Material icon, as Streamlit writes it
    in_menu: bool = True
    content: str | None = None  # content/<lang>/<content>.md
    light: str | None = None  # the light version's file name without .html; None: no light page

    @property
    def view(self) -> str:
        """The page's script, relative to app.py."""
        return f"views/{self.key}.py"

    @property
    def url_path(self) -> str:
        """``/`` or ``/cakupan``."""
        return "/" + self.path


PAGES: tuple[Page, ...] = (
    Page("home", "", N_("Home"), ":material/home:", content="home", light="index"),
    Page("benefits", "manfaat", N_("Benefits"), ":material/health_and_safety:", content="benefits", light="manfaat"),
    Page("check", "cek-iuran", N_("Check your cost"), ":material/calculate:", content="check", light="iuran"),
    Page("coverage", "cakupan", N_("Coverage"), ":material/bar_chart:", content="coverage", light="cakupan"),
    Page(
        "register",
        "cara-daftar",
        N_("How to register"),
        ":material/how_to_reg:",
        content="register",
        light="cara-daftar",
    ),
    Page("data", "data", N_("Data & sources"), ":material/table_view:", content="data", light="data"),
    Page("share", "bagikan", N_("Share & embed"), ":material/share:", content="share"),
    Page("embed", "embed", N_("Chart"), ":material/insert_chart:", in_menu=False, content="embed"),
)
BY_KEY = {page.key: page for page in PAGES}
PAGE_PATHS = tuple(page.path for page in PAGES if page.path)


def page(key: str) -> Page:
    """The page registered as ``key``."""
    return BY_KEY[key]


EMBED_CHROME = 90  # px an embedded page adds around its chart: padding, the link back
TITLE_LINE, AXIS_BAND = 22, 50


def base_url(page_url: str | None) -> str:
    """``scheme://host[/prefix]`` of the site, from the address of one of its pages; "" when not a web address."""
    if not isinstance(page_url, str):
        return ""
    parts = urlsplit(page_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in parts.netloc for c in "\"'<> "):
        return ""
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] in PAGE_PATHS:
        segments.pop()
    prefix = "".join("/" + s for s in segments)
    return f"{parts.scheme}://{parts.netloc}{prefix}"


def page_url(base: str, path: str, **query: str) -> str:
    """A page's address: absolute on ``base``, or relative (``/path?..``) when the base is unknown."""
    query_string = urlencode({k: v for k, v in query.items() if v not in (None, "")})
    return f"{base}/{path.strip('/')}" + (f"?{query_string}" if query_string else "")


def embed_url(base: str, chart_id: str, lang: str, live: bool = False) -> str:
    """The address of one chart alone, made for an iframe (Streamlit's ``embed=true``)."""
    return page_url(base, "embed", chart=chart_id, lang=lang, live="1" if live else "", embed="true")


def embed_height(spec: dict) -> int:
    """A sensible iframe height for a chart spec: its plot, title lines, axis and the page's chrome."""
    title = spec.get("title") or {}
    lines = 0
    if isinstance(title, dict):
        text, subtitle = title.get("text", ""), title.get("subtitle", "")
        lines = (len(text) if isinstance(text, list) else 1) + (
            len(subtitle) if isinstance(subtitle, list) else int(bool(subtitle))
        )
    plot = spec.get("height") if isinstance(spec.get("height"), int | float) else 300
    legend = 40 if '"orient": "bottom"' in json.dumps(spec, default=str) else 0  # a legend under the plot
    return int(math.ceil((plot + lines * TITLE_LINE + AXIS_BAND + legend + EMBED_CHROME) / 10) * 10)


def _attribute(url: str) -> str:
    """A URL safe inside a double-quoted attribute, its ``&`` left readable (valid in HTML5)."""
    return url.replace('"', "%22").replace("<", "%3C").replace(">", "%3E")


def iframe_code(src: str, title: str, height: int) -> str:
    """HTML to paste into an article or a web page: full width, fixed height, lazy, no border."""
    return (
        f'<iframe src="{_attribute(src)}" title="{html.escape(title)}" width="100%" height="{height}" '
        'style="border:0;max-width:100%" loading="lazy"></iframe>'
    )


def whatsapp_url(text: str, link: str) -> str:
    """A WhatsApp share address (``https://wa.me/?text=...``): the text, then the link, ready to send."""
    return "https://wa.me/?text=" + quote(f"{text} {link}".strip(), safe="")
