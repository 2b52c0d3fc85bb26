"""Hostile data and visitors on the pages (attack report F9, F10, F11, F13): what a visitor sees stays text."""

from __future__ import annotations

import itertools
import re

import pytest

from jamsostek import site
from jamsostek.content import escape_markdown
from jamsostek.data import live
from jamsostek.exports import card
from tests.conftest import page_text, run_page
from tests.live_helpers import PackageServer, RawServer, package_copy, package_routes, raw, replace_in

# What remark-gfm links by itself in text (mdast-util-gfm-autolink-literal): URLs, www. and e-mail addresses.
GFM_AUTOLINK = re.compile(r"(https?://|www(?=\.))([-.\w]+)|[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.IGNORECASE)
URL_TITLE = "Kabar http://evil.test/?leak=1 dan www.evil.test atau leak@evil.test"
BRACES = "{{ covered_workers }}"


def _unescaped(markdown: str) -> str:
    """The text remark sees once backslash escapes are resolved (where GFM looks for autolinks)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _markdown(app) -> list[str]:
    return [e.value for e in app.markdown] + [e.value for e in app.caption]


@pytest.mark.parametrize(
    "text",
    ["http://evil.test/?leak=1", "HTTPS://evil.test", "www.evil.test", "WWW.Evil.test", "leak@evil.test"],
)
def test_escaped_text_has_no_autolink_and_reads_the_same(text):
    escaped = escape_markdown(text)
    assert GFM_AUTOLINK.search(_unescaped(escaped)) is None
    assert _unescaped(escaped).replace("\u2060", "") == text


def _live_page(monkeypatch, server, path: str, **query):
    """Run a page on the live package the server serves (the first run starts the fetch; wait; run again)."""
    ttl = "600"
    monkeypatch.setenv("JAMSOSTEK_DATA_URL", server.url())
    monkeypatch.setenv("JAMSOSTEK_DATA_TTL", ttl)
    run_page(path, **query)
    source = live.shared(server.url(), float(ttl), lambda: None)
    assert source.wait(20)
    app = run_page(path, **query)
    assert not app.exception
    return app, source


def test_urls_and_braces_in_data_text_are_shown_as_text(monkeypatch, tmp_path):
    routes = package_routes(package_copy(tmp_path / "pkg"))
    replace_in(routes, "/pkg/sources.csv", "ANTARA Jambi,Pemkot Jambi sasar", f"{URL_TITLE},{BRACES} sasar")
    replace_in(routes, "/pkg/sources.csv", "S3a,", "S3a,Tribun www.evil.test ")  # the newest city figure's source
    with PackageServer() as server:
        server.routes.update(routes)
        app, source = _live_page(monkeypatch, server, "/cakupan", lang="id")
    assert source.status().source == "live"
    shown = "\n".join(_markdown(app))
    links = [m.group() for m in GFM_AUTOLINK.finditer(_unescaped(shown))]
    assert not [link for link in links if "evil" in link], links  # no Markdown on the page links it
    # the planted text is in the list of sources, HTML: shown as text (HTML links nothing by itself), braces and
    # all, and no link goes to it
    (sources,) = [e.proto.body for e in app.get("html") if e.proto.body.startswith('<section class="jsj-sources">')]
    assert "<li>Tribun www.evil.test " in sources and f"<li>{URL_TITLE}: <a href=" in sources
    assert f">{BRACES} sasar" in sources
    assert not [href for href in re.findall(r'href="([^"]*)"', sources) if "evil" in href], sources


def test_a_network_fault_is_named_on_the_status_line(monkeypatch):
    with RawServer(raw(b"HELLO WORLD\r\n\r\n")) as server:
        app, source = _live_page(monkeypatch, server, "/cakupan", lang="id")
    assert source.status().error_kind == live.BROKEN
    assert "jawaban sumber rusak atau terpotong" in page_text(app)


@pytest.fixture
def fake_hosts(monkeypatch):
    """Every page run reports a new host, as a client flooding /bagikan with invented addresses does."""
    counter = itertools.count()
    monkeypatch.setattr(site, "base_url", lambda _url: f"https://fake-{next(counter)}.example")
    card.card_file.cache_clear()
    yield
    card.card_file.cache_clear()


@pytest.mark.parametrize("configured", ["https://jamsostek-jambi.example", ""])
def test_the_share_card_does_not_follow_the_host_a_client_reports(configured, monkeypatch, fake_hosts, package):
    monkeypatch.setenv("JAMSOSTEK_SITE_URL", configured)
    for _ in range(3):
        app = run_page("/bagikan", lang="id")
        assert not app.exception
    assert card.card_file.cache_len() == 1  # one card, not one per invented host
    svg = card.share_card(package, "id", "svg").decode("utf-8")  # the card the page drew (same content: cached)
    assert card.card_file.cache_len() == 1 and "fake-" not in svg
    assert ("jamsostek-jambi.example" in svg) == bool(configured)
    codes = " ".join(code.value for code in app.code)
    assert (configured + "/embed?" in codes and "fake-" not in codes) if configured else "fake-" in codes
