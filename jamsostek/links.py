"""Links to the site's views: absolute when the site's address is known, iframe code for embedding."""

from __future__ import annotations

import html
import json
import math
from urllib.parse import urlencode, urlsplit

PAGE_PATHS = ("cek-iuran", "manfaat", "cakupan", "cara-daftar", "data", "bagikan", "embed")
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
