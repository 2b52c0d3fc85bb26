"""The first HTML on a throttled phone and in Lighthouse, per page and language: ``python -m bench --firsthtml``.

Through the local production stack (deploy/stack.py: build-static, two app processes, nginx):

- **headline**: seconds from navigation until the page's headline is on screen on the throttled phone of
  bench/slow_phone.py (1.6 Mbit/s, 150 ms, 4x CPU, cold cache): its title (the home page: this month's cost and
  the covered workers, as slow_phone.py measures it; chart pages: a chart drawn), in the pre-rendered copy or in
  the app, whichever shows it first;
- **app drawn**: seconds until the live app has drawn the page (the copy handed over; without it, the script run
  finished and the main block shows text);
- **blank frames**: frames painted (DevTools screencast) after the first content that show no text at all
  (under 0.2 % dark pixels) until two seconds after the app has drawn;
- **Lighthouse 12** (bench/lighthouse, npm ``lighthouse@12.2.3`` pinned; mobile; Debian's Chromium): performance
  score, FCP, LCP, TBT, CLS.

Beside them, the same pages through the same nginx without the first HTML (an empty shells folder: every page is
Streamlit's index.html again), i.e. today's figures measured in the same run.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from bench import slow_phone
from bench.pages import PAGES, Page
from bench.servers import ROOT, Nginx, Stack
from jamsostek import clock, content, data, figures, site

LIGHTHOUSE = ROOT / "bench" / "lighthouse"
TITLE = "## First HTML"  # RESULTS.md's section, replaced by each run
GONE = """window.__jsjGone = null; new MutationObserver(() => {
  if (window.__jsjSeen && !document.getElementById('jsj-first') && window.__jsjGone === null)
    window.__jsjGone = performance.now();
  if (document.getElementById('jsj-first')) window.__jsjSeen = true;
}).observe(document, {childList: true, subtree: true});"""
HEADLINE = """([texts, chart]) => {
  const first = document.getElementById('jsj-first');
  const scope = first || (document.documentElement.classList.contains('jsj-first') ? null
                          : document.querySelector('[data-testid=stMain]'));
  if (!scope) return false;
  const text = scope.innerText;
  if (!texts.every(t => text.includes(t))) return false;
  const drawn = 'svg[role=img], [data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg.marks';
  const picture = [...scope.querySelectorAll('.jsj-figure img')].some(i => i.complete && i.naturalWidth > 0
    && i.getBoundingClientRect().width > 0);
  if (chart && !picture && !scope.querySelector(drawn)) return false;
  return performance.now();
}"""
APP_DRAWN = """() => {
  if (document.getElementById('jsj-first')) return false;
  if (window.__jsjSeen) return window.__jsjGone;
  const app = document.querySelector('[data-testid=stApp]');
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning' && main && main.innerText.trim()
    ? performance.now() : false;
}"""
BEFORE = {"": "home", "cek-iuran": "check", "cakupan": "coverage"}  # the pages issue 16 quotes
ISSUE = {  # issue 16's figures: Lighthouse (FCP, score) and the throttled phone's headline
    "": "FCP 7.8 s, score 48; headline on the throttled phone ~11 s",
    "cek-iuran": "FCP 10.4 s, score 24",
    "cakupan": "FCP 7.5 s, score 25 (13 s of blocked main thread)",
}


@dataclass
class Visit:
    """One cold visit on the throttled phone."""

    headline: float
    drawn: float
    blank: int
    frames: int


def headline(page: Page, lang: str) -> tuple[list[str], bool]:
    """What must be on screen: texts, and whether a chart must be drawn."""
    package = data.load()
    values = {n: figures.format_figure(f, lang) for n, f in figures.figures(package, clock.today()).items()}
    key = next(p.key for p in site.PAGES if p.path == page.path)
    if key == "home":
        return [values["cost_now"], values["covered_workers"]], False
    if key == "embed":
        return [], True
    title = content.filled_page(site.page(key).content, lang, values).title
    return [title], key in ("coverage", "share")


def _blank(jpeg: bytes) -> bool:
    """A frame with no text on it: under 0.2 % of its pixels dark."""
    grey = Image.open(io.BytesIO(jpeg)).convert("L")
    dark = sum(grey.histogram()[:100])
    return dark < 0.002 * grey.width * grey.height


def phone_visit(browser, url: str, texts: list[str], chart: bool) -> Visit:
    """Headline and app-drawn seconds from navigation, and blank frames after the first content."""
    context = browser.new_context(**slow_phone.PHONE)
    try:
        page = context.new_page()
        page.add_init_script(GONE)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", slow_phone.NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": slow_phone.CPU_SLOWDOWN})
        frames: list[tuple[float, bytes]] = []

        def frame(event) -> None:
            frames.append((time.time(), base64.b64decode(event["data"])))
            cdp.send("Page.screencastFrameAck", {"sessionId": event["sessionId"]})

        cdp.on("Page.screencastFrame", frame)
        cdp.send("Page.startScreencast", {"format": "jpeg", "quality": 40, "everyNthFrame": 1})
        started = time.time()
        page.goto(url, wait_until="commit", timeout=slow_phone.TIMEOUT_MS)
        seen = page.wait_for_function(HEADLINE, arg=[texts, chart], timeout=slow_phone.TIMEOUT_MS, polling=50)
        headline_s = seen.json_value() / 1000
        drawn = page.wait_for_function(APP_DRAWN, timeout=slow_phone.TIMEOUT_MS, polling=50)
        drawn_s = drawn.json_value() / 1000
        page.wait_for_timeout(2000)
        cdp.send("Page.stopScreencast")
    finally:
        context.close()
    blank = [_blank(jpeg) for _t, jpeg in frames if _t - started <= drawn_s + 2]
    first = next((i for i, b in enumerate(blank) if not b), len(blank))
    return Visit(headline_s, drawn_s, sum(blank[first:]), len(blank))


def lighthouse(url: str) -> dict[str, float]:
    """Lighthouse 12, mobile (its default): performance score and FCP, LCP, TBT (s), CLS."""
    binary = LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True, capture_output=True)
    command = [str(binary), url, "--output=json", "--output-path=stdout", "--only-categories=performance"]
    command += ["--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage", "--quiet"]
    env = os.environ | {"CHROME_PATH": slow_phone.CHROMIUM}
    report = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def urls() -> list[tuple[Page, str, str]]:
    """Every page a visitor arrives at (bench/pages.py), in both languages: (page, lang, path and query)."""
    return [(p, lang, p.url.replace("lang=id", f"lang={lang}")) for p in PAGES for lang in ("id", "en")]


def measure_all(base: str, rows: list[tuple[Page, str, str]]) -> dict[str, tuple[Visit | str, dict]]:
    """Each URL's phone visit and Lighthouse figures (one run each; the phone visit first); a failure as text."""
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=slow_phone.CHROMIUM, args=slow_phone.CHROMIUM_ARGS)
        try:
            for page, lang, path in rows:
                texts, chart = headline(page, lang)
                try:
                    out[path] = (phone_visit(browser, base + path, texts, chart), lighthouse(base + path))
                except Exception as exc:  # noqa: BLE001 - the table says which URL failed and why
                    out[path] = (f"{type(exc).__name__}: {str(exc).splitlines()[0]}", {})
                print(path, *out[path], flush=True)
        finally:
            browser.close()
    return out


def _row(label: str, visit: Visit | str, lh: dict) -> str:
    if isinstance(visit, str):
        return f"| {label} | failed: {visit} | | | | | | | |"
    blank = "never" if not visit.blank else f"{visit.blank} of {visit.frames} frames"
    return (
        f"| {label} | {visit.headline:.2f} s | {visit.drawn:.2f} s | {blank} | {lh['score']} | {lh['fcp']:.1f} s "
        f"| {lh['lcp']:.1f} s | {lh['tbt']:.2f} s | {lh['cls']:.3f} |"
    )


HEAD = [
    "| page | headline on the phone | app drawn | blank after first content | Lighthouse score | FCP | LCP "
    "| TBT | CLS |",
    "|---|---:|---:|---|---:|---:|---:|---:|---:|",
]


class LoadSampler(threading.Thread):
    """The machine's 1-minute load average every 30 s while a section runs (the machine is shared)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples, self.done = [os.getloadavg()[0]], threading.Event()

    def run(self) -> None:
        while not self.done.wait(30):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        self.done.set()
        low, high = min(self.samples), max(self.samples)
        cores = os.cpu_count()
        return f"Load average (1 min, {cores} cores) during this section, sampled every 30 s: {low:.1f} to {high:.1f}."


NOTES = [
    "How to read Lighthouse here: its FCP and LCP are simulated (Lantern) from a fast load, counting the requests "
    "that started before each paint. FCP is the pre-rendered page. LCP is the largest element Chrome reported: the "
    "pre-rendered title or paragraph, unless the app then draws the same text a few pixels larger (its own font "
    "wraps differently), and then the app's drawing time, which the simulation puts after all of the app's scripts "
    "(e.g. `/bagikan?lang=id`). TBT counts long tasks between FCP and full interactivity: with the page painted "
    "early, the app's own script work now falls inside that window, while without the first HTML it ran before FCP "
    "and counted nothing; so scores before and after are not like for like. The throttled phone measures what a "
    "visitor sees: the headline, and frames with no text on them.",
    "",
]


def section(workdir: Path) -> list[str]:
    """The RESULTS.md section: with the first HTML for every page and language, and the issue's pages without."""
    rows, load = urls(), LoadSampler()
    load.start()
    with Stack(apps=2, workdir=workdir / "stack") as stack:
        after = measure_all(stack.url, rows)
        empty = workdir / "no-shells"
        empty.mkdir(parents=True)
        upstreams = [f"127.0.0.1:{app.port}" for app in stack.apps]
        with Nginx(workdir / "nginx-before", upstreams, ringan=stack.built[0], shells=empty) as before_proxy:
            before = measure_all(before_proxy.url, [r for r in rows if r[0].path in BEFORE and r[1] == "id"])
    lines = [
        f"{TITLE}: every app URL on a throttled phone and in Lighthouse",
        "",
        "`python -m bench --firsthtml` (bench/firsthtml.py, which says how each figure is taken), through the local "
        "production stack (`deploy/stack.py`: build-static, two app processes, nginx). One cold visit per URL on "
        "the throttled phone (1.6 Mbit/s, 150 ms, 4x CPU; budget: headline within 2 s, never blank) and one "
        "Lighthouse 12.2.3 mobile run (simulated slow 4G, 4x CPU).",
        "",
        *HEAD,
    ]
    lines += [_row(f"`{path}`", *after[path]) for _page, _lang, path in rows]
    lines += [
        "",
        "The pages issue 16 quotes, before (the same nginx with no first HTML, this run) and after:",
        "",
        "| page | issue 16 | without first HTML (this run) | with first HTML |",
        "|---|---|---|---|",
    ]
    for page, _lang, path in [r for r in rows if r[0].path in BEFORE and r[1] == "id"]:
        old, new = before[path], after[path]
        lines.append(f"| `{path}` | {ISSUE[page.path]} | {_brief(*old)} | {_brief(*new)} |")
    return lines + ["", *NOTES, load.summary(), ""]


def _brief(visit: Visit | str, lh: dict) -> str:
    if isinstance(visit, str):
        return f"failed: {visit}"
    return f"headline {visit.headline:.1f} s, FCP {lh['fcp']:.1f} s, LCP {lh['lcp']:.1f} s, score {lh['score']}"


def replace_section(text: str, lines: list[str]) -> str:
    """RESULTS.md with its first-HTML section replaced, or added before the first other section."""
    header, *sections = text.split("\n## ")
    kept = [s.rstrip("\n") for s in sections if not ("## " + s).startswith(TITLE)]
    new = "\n".join(lines).strip("\n")[3:]  # without its "## ", as split() left the others
    return "\n\n## ".join([header.rstrip("\n"), new, *kept]) + "\n"
