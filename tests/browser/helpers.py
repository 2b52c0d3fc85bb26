"""Helpers for the browser tests: wait until Streamlit settled, then check what every page must satisfy."""

from __future__ import annotations

from jamsostek import site

# Streamlit 1.67 marks its root with the state of the script run; "notRunning" comes only after a run
# (before the first run it says "initial").
SETTLED = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
ERROR_BOXES = "[data-testid='stException'], [data-testid='stAlertContentError']"
PAGE_TIMEOUT_MS = 30_000

# URL (path and query) -> the content page it shows; the embed view needs a chart.
PAGES = {page.url_path + ("?chart=progress" if page.key == "embed" else ""): page.content for page in site.PAGES}
LANGS = ("id", "en")


def url(base_url: str, path: str, lang: str) -> str:
    """A page's URL in one language."""
    return f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}"


def wait_settled(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until Streamlit reports its script finished and the main block shows something."""
    page.wait_for_selector(SETTLED, timeout=timeout_ms)
    page.wait_for_function(
        "() => { const m = document.querySelector('[data-testid=\"stMainBlockContainer\"]');"
        " return m && m.innerText.trim().length > 0; }",
        timeout=timeout_ms,
    )
    page.wait_for_selector(SETTLED, timeout=timeout_ms)


def sideways_overflow(page) -> int:
    """How many CSS pixels the page (or Streamlit's own scroll container) scrolls sideways."""
    return page.evaluate(
        """() => {
            const doc = document.documentElement;
            const widths = [doc.scrollWidth - window.innerWidth, document.body.scrollWidth - window.innerWidth];
            for (const id of ['stMain', 'stAppViewContainer', 'stMainBlockContainer']) {
                const el = document.querySelector(`[data-testid="${id}"]`);
                if (el) widths.push(el.scrollWidth - el.clientWidth);
            }
            return Math.max(...widths);
        }"""
    )


def open_page(page, url: str) -> None:
    """Go to a URL, wait until the app settled, and assert no error box and no sideways scroll."""
    page.goto(url, wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS)
    wait_settled(page)
    errors = page.locator(ERROR_BOXES)
    assert errors.count() == 0, f"error box on {url}: {errors.first.inner_text()}"
    overflow = sideways_overflow(page)
    assert overflow <= 0, f"{url} scrolls sideways by {overflow} px at width {page.viewport_size['width']}"
