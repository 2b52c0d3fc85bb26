"""The production proxy: two app processes behind deploy/'s nginx, pages in Chromium, compression, failover."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from bench.servers import NGINX, App, Nginx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]


def _nginx_usable() -> str | None:
    if not (shutil.which("nginx") or Path(NGINX).exists()):
        return "nginx is not installed (scripts/test installs it with apt-get; this machine could not)"
    if subprocess.run([NGINX, "-v"], capture_output=True).returncode != 0:
        return "nginx is installed but does not run here"
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed at /usr/bin/chromium"
    return None


pytestmark = pytest.mark.skipif(_nginx_usable() is not None, reason=str(_nginx_usable()))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two app processes and nginx in front of them, all on free ports of 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("proxy")
    (tmp / "ringan").mkdir()
    (tmp / "ringan" / "index.html").write_text("<!doctype html><title>Versi ringan</title>ringan", encoding="utf-8")
    apps = [App(log=tmp / f"app{i}.log") for i in range(2)]
    proxy = None
    try:
        for app in apps:
            app.start()
        try:
            proxy = Nginx(tmp / "nginx", [f"127.0.0.1:{a.port}" for a in apps], ringan=tmp / "ringan").start()
        except (OSError, RuntimeError) as exc:
            pytest.skip(f"nginx cannot be started here: {exc}")
        yield apps, proxy
    finally:
        if proxy:
            proxy.stop()
        for app in apps:
            app.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _visit(browser, url: str) -> tuple[dict[str, str], str, list[str]]:
    """Load a page as a new phone visitor; the Content-Encoding of each JS/CSS asset, the title, console errors."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    encodings: dict[str, str] = {}
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def record(response) -> None:
        # nginx leaves files under 512 bytes uncompressed (gzip/brotli_min_length): not worth it.
        small = int(response.headers.get("content-length", "1000000")) < 512
        if response.url.endswith((".js", ".css")) and not small:
            encodings[response.url] = response.headers.get("content-encoding", "")

    page.on("response", record)
    page.goto(url, wait_until="load")
    title = page.wait_for_selector("h1", timeout=30_000).inner_text()
    page.wait_for_selector('[data-testid="stCaptionContainer"]', timeout=30_000)
    context.close()
    return encodings, title, errors


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def test_pages_arrive_compressed_and_settle_through_nginx(site, browser):
    _apps, proxy = site
    encodings, title, errors = _visit(browser, proxy.url + "/cakupan?lang=id")
    assert len(encodings) > 10, "the page's JS/CSS assets did not load"
    uncompressed = [url for url, enc in encodings.items() if enc not in ("gzip", "br")]
    assert not uncompressed, f"assets without gzip/br: {uncompressed[:5]}"
    assert title.strip(), "the page never drew its title (WebSocket through nginx failed?)"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_security_headers_and_framing(site):
    _apps, proxy = site
    page = _headers(proxy.url + "/cakupan")
    assert page["x-content-type-options"] == "nosniff"
    assert page["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors 'self'" in page["content-security-policy"]
    assert page["x-frame-options"] == "SAMEORIGIN"
    assert "strict-transport-security" not in page, "HSTS must only be sent under TLS"
    embed = _headers(proxy.url + "/embed?chart=progress")
    assert "frame-ancestors *" in embed["content-security-policy"]
    assert "x-frame-options" not in embed
    assert urllib.request.urlopen(proxy.url + "/_stcore/health", timeout=10).read() == b"ok"
    assert b"ringan" in urllib.request.urlopen(proxy.url + "/ringan/", timeout=10).read()


def test_static_files_are_cached_for_a_year(site):
    _apps, proxy = site
    html = urllib.request.urlopen(proxy.url + "/", timeout=10).read().decode()
    script = html.split('src="./static/', 1)[1].split('"', 1)[0]
    headers = _headers(f"{proxy.url}/static/{script}")
    assert "max-age=31536000" in headers["cache-control"]


def test_new_visitors_are_served_when_one_process_stops(site, browser):
    apps, proxy = site
    apps[0].stop()
    for path in ("/?lang=id", "/manfaat?lang=en", "/cakupan?lang=id"):
        _encodings, title, _errors = _visit(browser, proxy.url + path)
        assert title.strip(), f"{path} did not settle with one process down"
