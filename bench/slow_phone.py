"""Seconds until the home page's headline figure shows on a slow phone (throttled network and CPU, cold cache).

    .venv/bin/python bench/slow_phone.py http://127.0.0.1:8631 [--runs 3]

A measurement, not a pass/fail check. Chromium (Debian's /usr/bin/chromium) at 390x844 with its network
slowed through the DevTools protocol to a slow mobile profile (1.6 Mbit/s down, 750 kbit/s up, 150 ms
latency) and its CPU slowed 4x. Each run is a fresh browser context, so nothing is cached. The clock
starts when navigation starts and stops when the Indonesian home page shows both its headline
figures: this month's cost (the large metric) and the number of covered workers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jamsostek import data  # noqa: E402
from jamsostek.figures import figures, format_figure  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
NETWORK = {
    "offline": False,
    "latency": 150,  # ms, round trip
    "downloadThroughput": 1_600_000 / 8,  # bytes per second
    "uploadThroughput": 750_000 / 8,
}
CPU_SLOWDOWN = 4
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TIMEOUT_MS = 180_000


def headline_figure(lang: str = "id") -> str:
    """The covered-workers figure as the home page writes it today."""
    return format_figure(figures(data.load())["covered_workers"], lang)


def _time_to_headline(browser, url: str, figure: str, metric: bool = True) -> float:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        started = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        if metric:  # the app's cost metric; the light page has plain text
            page.locator("[data-testid='stMetricValue']").first.wait_for(state="visible", timeout=TIMEOUT_MS)
        page.get_by_text(figure, exact=False).first.wait_for(state="visible", timeout=TIMEOUT_MS)
        return time.perf_counter() - started
    finally:
        context.close()


def measure(base_url: str, browser=None) -> float:
    """Seconds from navigation until the home page's headline figures are visible, on a slow phone."""
    url = base_url.rstrip("/") + "/?lang=id"
    figure = headline_figure("id")
    if browser is not None:
        return _time_to_headline(browser, url, figure)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return _time_to_headline(chromium, url, figure)
        finally:
            chromium.close()


def measure_light(base_url: str) -> float:
    """The same for the light version's home page (``/ringan/id/index.html``, as deploy/ serves it)."""
    from playwright.sync_api import sync_playwright

    url = base_url.rstrip("/") + "/ringan/id/index.html"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return _time_to_headline(chromium, url, headline_figure("id"), metric=False)
        finally:
            chromium.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="where the app runs, e.g. http://127.0.0.1:8631")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    times = [measure(args.base_url) for _ in range(args.runs)]
    for seconds in times:
        print(f"{seconds:.2f}")
    if len(times) > 1:
        print(f"median {statistics.median(times):.2f} s over {len(times)} runs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
