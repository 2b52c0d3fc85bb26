"""Shared fixtures: the bundled package, and AppTest runs of one page with query parameters."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import clock, data, site

# The site's clock for the whole suite (and the servers it starts): a fixed day, never the machine's date.
# Set JAMSOSTEK_TODAY before running pytest to run the suite on another day.
os.environ.setdefault(clock.ENV, "2026-11-29")
SITE_TODAY = dt.date.fromisoformat(os.environ[clock.ENV])
ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = {page.url_path: page.view for page in site.PAGES}  # URL path -> view script


@pytest.fixture(scope="session")
def package() -> data.DataPackage:
    return data.load()


@pytest.fixture
def set_today(monkeypatch):
    """Set the site's clock for one test: ``set_today("2027-04-01")`` returns the date."""

    def setter(value: str | dt.date) -> dt.date:
        monkeypatch.setenv(clock.ENV, str(value))
        return dt.date.fromisoformat(str(value))

    return setter


@pytest.fixture(scope="session")
def stack():
    """The local production stack (deploy/stack.py: build-static, two app processes, nginx) for the session."""
    from deploy.stack import NGINX, Stack

    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (scripts/test installs it with apt-get; this machine could not)")
    with Stack(apps=2) as running:
        yield running


def run_page(path: str, timeout: float = 60, **query: str) -> AppTest:
    """Run the app on one page (by URL path, e.g. ``/cakupan``) with these query parameters."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in query.items():
        app.query_params[key] = value
    if path != "/":
        app.run()  # AppTest learns the pages st.navigation registers on a first run (the home page)
        app.switch_page(PAGES[path])
    return app.run()


def page_text(app: AppTest) -> str:
    """All the text a page shows in Markdown, captions, titles, metrics and alerts."""
    parts = [e.value for e in app.markdown] + [e.value for e in app.caption] + [e.value for e in app.title]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    for kind in (app.info, app.warning, app.success, app.error, app.subheader, app.header):
        parts += [e.value for e in kind]
    return "\n".join(str(p) for p in parts)


FIGURE = re.compile(r'<figure class="jsj-figure" data-chart="([^"]+)">(.*?)</figure>', re.DOTALL)
IMAGE = re.compile(r'<img class="(jsj-[a-z]+)" src="data:image/svg\+xml;charset=utf-8,([^"]*)" alt="([^"]*)"')


def chart_pictures(body: str) -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """The chart pictures (``exports.picture``) in an HTML body: [(chart id, {class: (alt text, SVG)})]."""
    return [
        (chart_id, {css: (html.unescape(alt), unquote(svg)) for css, svg, alt in IMAGE.findall(images)})
        for chart_id, images in FIGURE.findall(body)
    ]


def page_pictures(app: AppTest) -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """The chart pictures a page drew, in order."""
    return [picture for e in app.get("html") for picture in chart_pictures(e.proto.body)]


def svg_text(svg: str) -> str:
    """The words an SVG shows (its text elements), unescaped."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in texts)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: their session-wide Playwright keeps an event loop running in this thread until
    the session ends, and other tests start their own Playwright or asyncio loop."""
    items.sort(key=lambda item: "browser" in Path(str(item.fspath)).parent.parts[-1:])
