"""Every page ends with the menu and its sources, each one HTML block (``ui.blocks``)."""

from __future__ import annotations

import html
import re

import pytest

from jamsostek import i18n, site
from jamsostek.ui import blocks
from tests.conftest import PAGES, run_page

LANGS = ("id", "en")
HREF = re.compile(r'<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>')


class Sources:
    """A package's sources, as ``sources_html`` reads them (it caches by ``digest``)."""

    def __init__(self, rows: dict[str, dict[str, str]], digest: str) -> None:
        self.rows, self.digest = rows, digest

    def source(self, source_id: str) -> dict[str, str]:
        return self.rows[source_id]


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_links_every_page_in_the_page_language(lang):
    body = blocks.menu_html(lang, "https://example.org/jamsostek", "/ringan", "coverage")
    links = HREF.findall(body)
    menu = [page for page in site.PAGES if page.in_menu]
    expected = [site.page_url("https://example.org/jamsostek", page.path, lang=lang) for page in menu]
    assert [href for href, _, _ in links[: len(menu)]] == expected
    assert [label for _, current, label in links if current] == ["Cakupan" if lang == "id" else "Coverage"]
    assert links[-1][0] == f"/ringan/{lang}/index.html"  # the light version, last
    assert body.startswith('<nav class="jsj-menu" aria-label="')


def test_the_source_list_escapes_what_the_data_says():
    rows = {
        "S1": {"title": "<script>alert(1)</script>", "publisher": "A & B", "url": "https://x.org/?a=1&b=2",
               "published": "2025-05-22"},
        "S2": {"title": "Peraturan", "publisher": "Pemerintah", "url": "", "published": ""},
    }  # fmt: skip
    body = blocks.sources_html(Sources(rows, "test-escape"), ("S1", "S2"), "id")
    assert "<script>" not in body and html.escape("<script>alert(1)</script>") in body
    assert '<a href="https://x.org/?a=1&amp;b=2">' in body and "A &amp; B: " in body
    assert "<li>Pemerintah: Peraturan (tanggal tidak disebutkan) [S2]</li>" in body  # no link without a URL
    assert "(22 Mei 2025) [S1]" in body
    empty = blocks.sources_html(Sources(rows, "test-escape"), (), "en")
    assert "<p>No figures on this page.</p>" in empty and "<ul>" not in empty


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [p for p in PAGES if p != "/embed"])
def test_every_page_ends_with_the_menu_then_its_sources(path, lang):
    app = run_page(path, lang=lang)
    bodies = [e.proto.body for e in app.get("html")]
    menus = [b for b in bodies if b.startswith('<nav class="jsj-menu"')]
    sources = [b for b in bodies if b.startswith('<section class="jsj-sources">')]
    assert len(menus) == len(sources) == 1 and bodies.index(menus[0]) < bodies.index(sources[0])
    page = next(page for page in site.PAGES if page.url_path == path)
    current = [html.unescape(label) for _, here, label in HREF.findall(menus[0]) if here]
    assert current == ([i18n.gettext(lang)(page.title)] if page.in_menu else []), current  # this page, marked
    cited = re.findall(r"\[([A-Za-z0-9-]+)\]</li>", sources[0])
    assert cited and len(cited) == len(set(cited)), cited  # each source once
