"""Browser fixtures: one `streamlit run` server and one headless Debian Chromium for the whole session."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.stack import App, free_port, wait_http

from .helpers import PAGE_TIMEOUT_MS

__all__ = ["free_port", "wait_http"]  # for tests that serve a page of their own (test_embed.py)
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SERVER_START_S = 60


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the app in headless Chromium (deselect with -m 'not browser')")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here is a browser test; without Chromium they skip with the reason."""
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: install it with `apt-get install chromium`")
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(skip)


@contextlib.contextmanager
def serve(env: dict[str, str] | None = None) -> Iterator[str]:
    """The app, served as deployed (deploy/serve.py, started by deploy/stack.py's App) on a free port, until the
    block ends. Nothing runs a page before the first visitor: the server is fresh, as after a (re)start. ``env``
    adds environment settings (e.g. ``JAMSOSTEK_DATA_DIR`` for another copy of the data)."""
    handle, name = tempfile.mkstemp(prefix="streamlit-", suffix=".log")
    os.close(handle)
    log = Path(name)
    app = App(log=log, env=env)
    try:
        app.start(timeout=SERVER_START_S)
    except TimeoutError:
        pytest.fail(f"streamlit did not become healthy within {SERVER_START_S} s:\n{log.read_text()}")
    try:
        yield app.url
    finally:
        app.stop()
        log.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """One server for the whole session, started as deployed (deploy/serve.py)."""
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def phone_context(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop_context(browser):
    context = browser.new_context(**DESKTOP)
    yield context
    context.close()


@pytest.fixture(params=["phone", "desktop"])
def page(request):
    """A fresh tab at phone size or desktop size; each tab is its own Streamlit session."""
    context = request.getfixturevalue(f"{request.param}_context")
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    yield tab
    tab.close()
