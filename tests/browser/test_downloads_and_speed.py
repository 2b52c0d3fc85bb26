"""Downloads arrive in a real browser as files of the right type; the slow-phone measurement runs."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.slow_phone import measure

from .helpers import open_page, url

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def download(page, label: str):
    """Click the first download button whose label names ``label``; the file's bytes, name and type."""
    buttons = page.locator("[data-testid='stDownloadButton']").filter(has_text=label)
    expect(buttons.first).to_be_visible()  # "settled" can come before React painted the last elements
    with page.expect_download() as info:
        buttons.first.click()
    received = info.value
    body = Path(received.path()).read_bytes()
    served = page.request.get(received.url)
    assert served.ok, f"{received.url} answered {served.status}"
    return body, received.suggested_filename, served.headers.get("content-type", "")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_coverage_csv_downloads_as_a_csv_file(page, base_url, lang):
    open_page(page, url(base_url, "/cakupan", lang))
    body, name, kind = download(page, "CSV")
    assert name.endswith(".csv")
    assert kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) >= 2 and len(rows[0]) >= 2, rows[:3]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_share_png_downloads_as_a_png_file(page, base_url, lang):
    open_page(page, url(base_url, "/bagikan", lang))
    body, name, kind = download(page, "PNG")
    assert name.endswith(".png")
    assert kind == "image/png"
    assert body.startswith(PNG_SIGNATURE) and len(body) > 1000


def test_slow_phone_measurement_returns_seconds(browser, base_url):
    seconds = measure(base_url, browser=browser)
    assert math.isfinite(seconds) and seconds > 0
    print(f"slow phone: headline figure visible after {seconds:.2f} s")
