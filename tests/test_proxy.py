"""The production proxy (deploy/stack.py): headers on every location, plain and TLS; framing decided on the path the
app routes on; the light version without script; static caching; capacity; compression; failover."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import render
from deploy.stack import HOST, UNVERIFIED, Stack

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]

WS_UPGRADE = (
    "GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
    "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
)


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer of its own, with its own headers


OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=UNVERIFIED), _Stay)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names; repeated ones joined by ", ") and body of a GET; redirects not followed."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=20) as response:
            status, raw, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        status, raw, body = exc.code, exc.headers, exc.read()
    names = {k.lower() for k in raw.keys()}
    return status, {n: ", ".join(raw.get_all(n)) for n in names}, body


def upgrade_headers(stack: Stack) -> tuple[str, dict[str, str]]:
    """The status line and headers of the WebSocket handshake at /_stcore/stream."""
    sock = socket.create_connection((HOST, stack.port), timeout=20)
    if stack.tls:
        sock = UNVERIFIED.wrap_socket(sock, server_hostname=HOST)
    with sock:
        sock.sendall(WS_UPGRADE.format(host=f"{HOST}:{stack.port}").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(4096)
    head = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    return head[0], {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}


@pytest.fixture(scope="module")
def tls_stack(stack):
    """The same built site behind nginx with TLS (self-signed), one app process."""
    with Stack(apps=1, tls=True, built=stack.built) as running:
        yield running


def locations(stack: Stack) -> dict[str, str]:
    """One URL per location of the shipped config (what answers it -> path)."""
    home = fetch(stack.url + "/?lang=id")[2].decode()
    script = re.search(r'src="\./(shell/handover\.[0-9a-f]+\.js)"', home).group(1)
    asset = re.search(r'import\("\./(static/js/index\.[^"]+\.js)"\)', home).group(1)  # the loader's entry
    return {
        "first HTML": "/cakupan?lang=id",
        "app (a page it does not know)": "/no-such-page",
        "app (_stcore)": "/_stcore/host-config",
        "shell file": "/" + script,
        "robots": "/robots.txt",
        "sitemap": "/sitemap.xml",
        "static": "/" + asset,
        "static, no such file": "/static/js/nonexistent-123.js",
        "health": "/_stcore/health",
        "light version": "/ringan/",
    }


def check_security_headers(where: str, headers: dict[str, str], tls: bool) -> None:
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", where
    assert "camera=()" in headers.get("permissions-policy", ""), where
    assert headers.get("cross-origin-opener-policy") == "same-origin", where
    assert headers.get("x-frame-options") == "SAMEORIGIN", where
    assert "frame-ancestors 'self'" in headers.get("content-security-policy", ""), where
    if tls:
        assert "max-age=31536000" in headers.get("strict-transport-security", ""), where
    else:
        assert "strict-transport-security" not in headers, f"{where}: HSTS must only be sent under TLS"


@pytest.mark.parametrize("mode", ["plain", "tls"])
def test_every_location_sends_the_security_headers(request, mode):
    stack = request.getfixturevalue("stack" if mode == "plain" else "tls_stack")
    for where, path in locations(stack).items():
        status, headers, _body = fetch(stack.url + path)
        assert status == (404 if "no such file" in where else 200), where
        check_security_headers(where, headers, stack.tls)
    status_line, headers = upgrade_headers(stack)
    assert " 101 " in status_line
    check_security_headers("WebSocket", headers, stack.tls)
    assert ("wss:" if stack.tls else "ws:") in fetch(stack.url + "/")[1]["content-security-policy"]


def test_behind_tls_every_cookie_is_secure(tls_stack):
    _status, headers, _body = fetch(tls_stack.url + "/_stcore/health")
    cookies = headers["set-cookie"].split(", ")
    xsrf = [c for c in cookies if c.startswith("_streamlit_xsrf=")]
    route = [c for c in cookies if c.startswith("jsj_route=")]
    assert xsrf and route, cookies
    assert all("; Secure" in c for c in xsrf + route), cookies


def test_plain_http_cookies_are_not_marked_secure(stack):
    _status, headers, _body = fetch(stack.url + "/_stcore/health")
    assert "Secure" not in headers["set-cookie"]


def test_framing_is_decided_on_the_path_the_app_routes_on(stack):
    embed = fetch(stack.url + "/embed?chart=progress&lang=id")[1]
    assert embed["content-security-policy"].endswith("frame-ancestors *")
    assert "x-frame-options" not in embed
    # Streamlit routes on the raw path, so these are not its embed page: they get the strict policy.
    for disguised in ("/%65mbed?lang=en", "/emb%65d", "/EMBED", "/./embed", "/embed%2F", "/x/../embed"):
        status, headers, _body = fetch(stack.url + disguised)
        assert "frame-ancestors 'self'" in headers.get("content-security-policy", ""), (disguised, status)
        if status == 200:
            assert headers.get("x-frame-options") == "SAMEORIGIN", disguised


def test_the_light_version_allows_no_script_at_all(stack):
    ringan = stack.built[0]
    (ringan / "data").mkdir(exist_ok=True)
    (ringan / "data" / "stray.html").write_text("<script>alert(document.domain)</script>", encoding="utf-8")
    for path in ("/ringan/", "/ringan/id/cakupan.html", "/ringan/data/stray.html", "/%72ingan/data/stray.html"):
        status, headers, _body = fetch(stack.url + path)
        assert status == 200, path
        policy = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";"))
        assert policy["script-src"] == "'none'" and "unsafe" not in str(policy), path
        assert headers["x-content-type-options"] == "nosniff", path


def test_a_stray_script_in_the_light_folder_does_not_run(stack, browser):
    ringan = stack.built[0]
    (ringan / "data").mkdir(exist_ok=True)
    (ringan / "data" / "pwn.html").write_text(
        "<!doctype html><title>stray</title><script>document.title = 'RAN'</script>"
        '<img src="x" onerror="document.title = \'RAN\'">',
        encoding="utf-8",
    )
    svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=1"><script>alert(1)</script></svg>'
    (ringan / "data" / "pwn.svg").write_text(svg, encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(stack.url + "/ringan/data/pwn.html", wait_until="load")
        assert page.title() == "stray"
        page.goto(stack.url + "/ringan/data/pwn.svg", wait_until="load")
        assert not dialogs
    finally:
        page.close()


def test_static_files_are_cached_for_a_year_and_unknown_ones_are_404_and_never_kept(stack):
    paths = locations(stack)
    first = fetch(stack.url + paths["static"])[1]
    second = fetch(stack.url + paths["static"])[1]
    assert "max-age=31536000" in first["cache-control"] and second.get("x-cache") == "HIT"
    for _ in range(2):
        status, headers, body = fetch(stack.url + paths["static, no such file"])
        assert status == 404 and headers["cache-control"] == "no-store"
        assert b"Streamlit" not in body and headers.get("x-cache") in (None, "")


def test_nginx_is_sized_for_the_sessions_we_promise(stack):
    """F15: Debian's 768 connections per worker held 742 sessions; each open session needs two connections."""
    assert render.WORKER_CONNECTIONS >= 2 * render.SESSIONS
    conf = (stack.workdir / "nginx" / "nginx.conf").read_text(encoding="utf-8")
    assert f"worker_connections {render.WORKER_CONNECTIONS};" in conf
    assert f"worker_rlimit_nofile {render.WORKER_RLIMIT_NOFILE};" in conf
    held = []
    try:  # more open connections than Debian's 2 workers x 768: nginx keeps every one and serves the next visitor
        for _ in range(2500):
            held.append(socket.create_connection((HOST, stack.port), timeout=10))
        assert fetch(stack.url + "/_stcore/health")[2] == b"ok"
        assert [sock for sock in held if _closed(sock)] == [], "nginx dropped connections it had no room for"
    finally:
        for sock in held:
            sock.close()


def _closed(sock: socket.socket) -> bool:
    """Whether the other end has closed a connection (checked without waiting)."""
    sock.setblocking(False)
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def test_pages_arrive_compressed_and_settle_through_nginx(stack, browser):
    encodings, title, errors = _visit(browser, stack.url + "/cakupan?lang=id")
    assert len(encodings) > 10, "the page's JS/CSS assets did not load"
    uncompressed = [url for url, enc in encodings.items() if enc not in ("gzip", "br")]
    assert not uncompressed, f"assets without gzip/br: {uncompressed[:5]}"
    assert title.strip(), "the page never drew its title (WebSocket through nginx failed?)"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_new_visitors_are_served_when_one_process_stops(stack, browser):
    first = stack.apps[0]
    first.stop()
    try:
        for path in ("/?lang=id", "/manfaat?lang=en", "/cakupan?lang=id"):
            _encodings, title, _errors = _visit(browser, stack.url + path)
            assert title.strip(), f"{path} did not settle with one process down"
    finally:
        first.start()  # the session's stack is shared with later tests


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
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
    title = page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000).inner_text()
    page.wait_for_selector('[data-testid="stCaptionContainer"]', timeout=30_000)
    context.close()
    return encodings, title, errors
