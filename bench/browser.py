"""First-visit bytes a phone fetches: Chromium (Playwright), 390x844, cold cache, counted by the DevTools protocol."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SETTLED = '[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"]'


@dataclass
class Visit:
    """Bytes on the wire for one cold page load (HTTP bodies+headers as encoded, and WebSocket payloads)."""

    http_bytes: int = 0
    ws_bytes: int = 0
    requests: int = 0
    encodings: dict[str, int] = field(default_factory=dict)  # Content-Encoding -> responses

    @property
    def total(self) -> int:
        return self.http_bytes + self.ws_bytes


LIGHT_SETTLED = "main h1"  # the light version's pages: plain HTML


def _settle(page, quiet: float = 1.5, limit: float = 30, selector: str = SETTLED) -> None:
    """Wait until content is drawn and no new response arrived for ``quiet`` seconds."""
    page.wait_for_selector(selector, state="attached", timeout=limit * 1000)
    last = {"t": time.monotonic()}
    page.on("response", lambda _r: last.__setitem__("t", time.monotonic()))
    deadline = time.monotonic() + limit
    while time.monotonic() - last["t"] < quiet and time.monotonic() < deadline:
        page.wait_for_timeout(200)


def visit(browser, url: str) -> Visit:
    """Open ``url`` in a fresh context (cold cache) and count what came over the network."""
    result = Visit()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def finished(event) -> None:
        result.http_bytes += int(event.get("encodedDataLength", 0))
        result.requests += 1

    def headers(event) -> None:
        encoding = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}.get(
            "content-encoding", "none"
        )
        result.encodings[encoding] = result.encodings.get(encoding, 0) + 1

    def frame(event) -> None:
        payload = event["response"]["payloadData"]
        binary = event["response"].get("opcode") == 2
        result.ws_bytes += len(base64.b64decode(payload)) if binary else len(payload.encode())

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.responseReceived", headers)
    cdp.on("Network.webSocketFrameReceived", frame)
    page.goto(url, wait_until="load")
    _settle(page, selector=LIGHT_SETTLED if "/ringan/" in url else SETTLED)
    context.close()
    return result


def visits(urls: dict[str, str]) -> dict[str, Visit]:
    """One cold visit per named URL."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            return {name: visit(browser, url) for name, url in urls.items()}
        finally:
            browser.close()
