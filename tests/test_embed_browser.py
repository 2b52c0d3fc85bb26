"""A local test page frames /embed?chart=progress&embed=true in an iframe; headless Chromium sees the chart drawn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is missing: apt-get install chromium")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("embed") / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("streamlit did not start:\n" + log.read_text())
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def test_page(tmp_path_factory, app_url):
    """A page of some other site, served locally, that embeds the chart with the code /bagikan gives."""
    from jamsostek import site as links

    folder = tmp_path_factory.mktemp("site")
    code = links.iframe_code(links.embed_url(app_url, "progress", "id"), "Cakupan", 340)
    (folder / "index.html").write_text(f"<!doctype html><html><body><h1>Artikel</h1>{code}</body></html>")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f"http://127.0.0.1:{port}/index.html"
    proc.terminate()
    proc.wait(timeout=10)


def test_framed_embed_draws_the_chart(test_page):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 800, "height": 700})
        page.goto(test_page)
        frame = page.frame_locator("iframe")
        chart = frame.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg.marks')
        chart.first.wait_for(state="visible", timeout=30_000)
        box = chart.first.bounding_box()
        frame_box = page.locator("iframe").bounding_box()
        assert box["width"] > 0.8 * frame_box["width"] - 80  # fills the frame's width
        assert box["height"] > 50
        assert frame.get_by_text("bukan BPJS Ketenagakerjaan").count() == 1
        assert (
            frame.locator('[data-testid="stToolbar"]').count() == 0
            or not frame.locator('[data-testid="stToolbar"]').first.is_visible()
        )  # embed=true: no Streamlit chrome
        browser.close()
