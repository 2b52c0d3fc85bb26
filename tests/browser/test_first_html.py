"""The first HTML in Chromium through the local production stack: the pre-rendered page first, the live app after,
never blank in between and without layout shift; the pre-rendered page stays when the app cannot connect; an
embedded chart is there before any script has run."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from jamsostek import clock, content, figures, site
from jamsostek.exports import files
from tests.test_first_html import CHECK_ANSWERS

from .conftest import DESKTOP, PHONE

# Records, from the first byte on: layout shifts, any moment after the copy appeared when neither it nor the app
# shows text, and the app's state when the copy went away.
WATCH = """
window.__jsj = {shifts: 0, blank: 0, seen: false, removed: null};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__jsj.shifts += e.value;
}).observe({type: 'layout-shift', buffered: true});
new MutationObserver(() => {
  const log = window.__jsj, first = document.getElementById('jsj-first');
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  const root = document.getElementById('root');
  const appShows = !!(main && root && getComputedStyle(root).visibility === 'visible' && main.innerText.trim());
  if (first && first.innerText.trim()) log.seen = true;
  if (log.seen && !(first && first.innerText.trim()) && !appShows) log.blank += 1;
  if (log.seen && !first && !log.removed) {
    const app = document.querySelector('[data-testid=stApp]');
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
    const pictures = [...document.querySelectorAll('[data-testid=stMain] .jsj-figure img')];
    log.removed = {script: app && app.getAttribute('data-test-script-state'),
                   connection: app && app.getAttribute('data-test-connection-state'), appShows: appShows,
                   charts: charts.length + pictures.length,
                   drawn: charts.filter(c => c.querySelector('canvas, svg')).length
                          + pictures.filter(i => i.complete && i.naturalWidth > 0).length};
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
APP_SCRIPT = "**/static/js/index.*.js"  # the entry module, and a module it needs before it runs


def hold_app(page, held: list) -> threading.Event:
    """Hold the app's scripts in ``held`` until the returned event is set; after that they pass at once."""
    released = threading.Event()
    page.route(APP_SCRIPT, lambda route: route.continue_() if released.is_set() else held.append(route))
    return released


def words(package, key: str, lang: str) -> tuple[str, str]:
    """A page's title and its leading figure, as its content and the data say them."""
    values = {n: figures.format_figure(f, lang) for n, f in figures.figures(package, clock.today()).items()}
    page = site.page(key)
    title = content.filled_page(page.content, lang, values).title
    lead = {"home": "cost_now", "coverage": "covered_workers", "check": "cost_now", "benefits": "jkm_total"}
    return title, values[lead[key]]


CASES = [("home", "", "id"), ("coverage", "", "en"), ("check", CHECK_ANSWERS, "id"), ("benefits", "", "en")]


@pytest.mark.parametrize(("key", "query", "lang"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_first_html_shows_the_page_then_hands_over_to_the_app(browser, stack, package, key, query, lang, size):
    title, figure = words(package, key, lang)
    context = browser.new_context(**size)
    page = context.new_page()
    held = []
    try:
        page.add_init_script(WATCH)
        released = hold_app(page, held)  # the app's script waits until the copy has been checked
        page.goto(f"{stack.url}{site.page(key).url_path}?lang={lang}&{query}", wait_until="commit")
        copy = page.locator("#jsj-first")
        expect(copy.locator("h1")).to_have_text(title)
        expect(copy).to_contain_text(figure)
        light = f"{stack.url}/ringan/{lang}/{site.page(key).light}.html"
        expect(copy.locator(".jsj-status a")).to_have_attribute("href", light)
        assert held, "the app's script was never asked for"
        released.set()  # what the app asks for from now on comes at once
        for route in held:
            route.continue_()
        page.wait_for_function("() => window.__jsj.removed !== null", timeout=90_000)
        expect(page.locator("[data-testid=stMain] h1")).to_have_text(title)
        log = page.evaluate("() => window.__jsj")
        assert log["removed"]["script"] == "notRunning" and log["removed"]["connection"] == "CONNECTED", log
        assert log["removed"]["appShows"] and log["removed"]["drawn"] == log["removed"]["charts"], log
        assert log["blank"] == 0, f"{log['blank']} moments with nothing on screen"
        assert log["shifts"] < 0.01, f"layout shift {log['shifts']:.3f}"
        assert page.evaluate("() => document.documentElement.className") == ""
    finally:
        context.close()


def test_the_first_html_stays_when_the_app_cannot_connect(browser, stack, package):
    title, figure = words(package, "coverage", "id")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.route_web_socket("**/_stcore/stream*", lambda socket: socket.close())
        page.goto(f"{stack.url}/cakupan?lang=id")
        copy = page.locator("#jsj-first")
        expect(copy.locator(".jsj-late")).to_be_visible(timeout=60_000)  # the app kept failing for 30 s
        expect(copy.locator("h1")).to_have_text(title)
        expect(copy).to_contain_text(figure)
        expect(copy.locator("figure img.jsj-phone").first).to_be_visible()  # the chart pictures the app shows
        light = copy.locator(".jsj-status a")
        expect(light).to_be_visible()
        expect(light).to_have_attribute("href", f"{stack.url}/ringan/id/cakupan.html")
        app = page.locator("[data-testid=stApp]")
        expect(app).not_to_have_attribute("data-test-connection-state", "CONNECTED")
        light.click()
        expect(page.locator("main h1")).to_have_text(title)  # the light version, no script needed
    finally:
        page.close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def article(tmp_path, stack, package):
    """A page of another site (a local server) that embeds the history chart with the code /bagikan gives."""
    view = files.chart_view(package, "history", "id")
    code = site.iframe_code(site.embed_url(stack.url, "history", "id"), view.title, 420)
    (tmp_path / "index.html").write_text(f"<!doctype html><html><body><h1>Artikel</h1>{code}</body></html>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/index.html"
    finally:
        server.shutdown()
        server.server_close()


def test_an_embedded_chart_is_there_before_any_script_ran(browser, package, article):
    view = files.chart_view(package, "history", "id")
    page = browser.new_page(viewport={"width": 900, "height": 700})
    held = []
    try:
        released = hold_app(page, held)
        page.goto(article, wait_until="commit")  # its load event waits for the frame's held script
        frame = page.frame_locator("iframe")
        chart = frame.locator("#jsj-first svg[role=img]")
        expect(chart).to_be_visible()
        expect(chart).to_have_attribute("aria-label", view.alt_text)
        assert chart.bounding_box()["width"] > 0.8 * page.locator("iframe").bounding_box()["width"] - 40
        released.set()  # what the app asks for from now on comes at once
        for route in held:
            route.continue_()
        drawn = frame.locator("[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg.marks")
        expect(drawn.first).to_be_visible(timeout=60_000)
        expect(frame.locator("#jsj-first")).to_have_count(0)
    finally:
        page.close()
