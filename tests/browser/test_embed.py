"""A local test page frames /embed?chart=progress&embed=true in an iframe; headless Chromium sees the chart drawn."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from jamsostek import site

from .conftest import free_port, wait_http


@pytest.fixture(scope="module")
def test_page(tmp_path_factory, base_url):
    """A page of some other site, served locally, that embeds the chart with the code /bagikan gives."""
    folder = tmp_path_factory.mktemp("site")
    code = site.iframe_code(site.embed_url(base_url, "progress", "id"), "Cakupan", 340)
    (folder / "index.html").write_text(f"<!doctype html><html><body><h1>Artikel</h1>{code}</body></html>")
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    proc = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/index.html"
    try:
        wait_http(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_framed_embed_draws_the_chart(browser, test_page):
    page = browser.new_page(viewport={"width": 800, "height": 700})
    try:
        page.goto(test_page)
        frame = page.frame_locator("iframe")
        chart = frame.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg.marks')
        expect(chart.first).to_be_visible(timeout=30_000)
        box = chart.first.bounding_box()
        frame_box = page.locator("iframe").bounding_box()
        assert box["width"] > 0.8 * frame_box["width"] - 80  # fills the frame's width
        assert box["height"] > 50
        expect(frame.get_by_text("bukan BPJS Ketenagakerjaan")).to_have_count(1)
        expect(frame.locator('[data-testid="stToolbar"]:visible')).to_have_count(0)  # embed=true: no chrome
    finally:
        page.close()
