"""axe-core finds no serious or critical violation on any light page, at phone width, in Chromium."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jamsostek.exports import static

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (scripts/test installs it)")


@pytest.fixture(scope="module")
def site(tmp_path_factory, package) -> Path:
    return static.build(tmp_path_factory.mktemp("light") / "site", package, today=dt.date(2026, 11, 23))


def test_light_pages_are_accessible_and_fit_a_small_phone(site):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    failures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page(viewport={"width": 320, "height": 640})
        for path in sorted(site.glob("*/*.html")):
            page.goto(path.as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path.name} scrolls sideways"
            results = axe.run(page)
            bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
            if bad:
                failures[str(path.relative_to(site))] = [(v["id"], v["nodes"][0]["target"]) for v in bad]
        browser.close()
    assert not failures, failures
