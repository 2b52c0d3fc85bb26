"""``robots.txt`` and ``sitemap.xml``: every page of the app and of the light version, in both languages."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

from jamsostek import i18n, site
from jamsostek.exports.static import LIGHT_PAGES

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def app_urls(site_url: str) -> list[dict[str, str]]:
    """Every app page in the menu, per language: its address and its language alternates."""
    base = site_url.rstrip("/")
    out = []
    for page in site.PAGES:
        if not page.in_menu:
            continue  # /embed is a chart for iframes, not a page to find
        languages = {code: site.page_url(base, page.path, lang=code) for code in i18n.LANGUAGES}
        out += [{"loc": languages[lang], **{f"alt-{c}": u for c, u in languages.items()}} for lang in i18n.LANGUAGES]
    return out


def light_urls(site_url: str, light: str) -> list[dict[str, str]]:
    """Every page of the light version, per language, and its language alternates."""
    base = site_url.rstrip("/") + light
    out = [{"loc": f"{base}/"}]
    for page in LIGHT_PAGES:
        languages = {code: f"{base}/{code}/{page.light}.html" for code in i18n.LANGUAGES}
        out += [{"loc": languages[lang], **{f"alt-{c}": u for c, u in languages.items()}} for lang in i18n.LANGUAGES]
    return out


def sitemap(site_url: str, light: str, built: dt.date) -> bytes:
    """The sitemap (sitemaps.org 0.9) with ``hreflang`` alternates; ``lastmod`` is the build date."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    root = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in app_urls(site_url) + light_urls(site_url, light):
        url = ElementTree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry["loc"]
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = built.isoformat()
        for key, href in entry.items():
            if key.startswith("alt-"):
                attrs = {"rel": "alternate", "hreflang": key[4:], "href": href}
                ElementTree.SubElement(url, f"{{{XHTML_NS}}}link", attrs)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def locations(xml: bytes) -> list[str]:
    """The ``<loc>`` addresses of a sitemap (raises ``ElementTree.ParseError`` when it is not XML)."""
    root = ElementTree.fromstring(xml)
    return [loc.text or "" for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]


def robots(site_url: str) -> str:
    """Everything may be read except Streamlit's own endpoints; the sitemap's address when the site's is known."""
    lines = ["User-agent: *", "Disallow: /_stcore/", "Allow: /", ""]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
