"""URLs inside data text, in Chromium: shown as text, never turned into links (attack report F10)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.live_helpers import package_copy

from .conftest import serve
from .helpers import PAGE_TIMEOUT_MS, open_page, url

PUBLISHER = "Kabar http://evil.test/?leak=1 www.evil.test leak@evil.test"


@pytest.fixture(scope="module")
def planted_url(tmp_path_factory):
    """The app serving a copy of the data whose first source's publisher holds a URL, www. and an e-mail."""
    data = package_copy(tmp_path_factory.mktemp("planted") / "data", new_observation=False)
    sources = data / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("ANTARA Jambi", PUBLISHER, 1), encoding="utf-8")
    with serve({"JAMSOSTEK_DATA_DIR": str(data)}) as base:
        yield base


def test_urls_in_data_text_are_not_links(browser, planted_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        open_page(page, url(planted_url, "/cakupan", "en"))
        main = page.locator("[data-testid='stMainBlockContainer']")
        expect(main.get_by_text("evil.test/?leak=1", exact=False).first).to_be_visible()
        expect(main.locator("a[href*='evil']")).to_have_count(0)
        text = main.inner_text().replace("\u2060", "")
        assert "http://evil.test/?leak=1 www.evil.test leak@evil.test" in text  # reads the same
    finally:
        page.close()
