"""Run every measurement and write bench/RESULTS.md: ``.venv/bin/python -m bench [--quick]``."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import streamlit

from bench import bare, beforeafter, browser, client, firsthtml, growth, load
from bench.pages import PAGES
from bench.profile import profile
from bench.servers import ROOT, App, Nginx, Stack

TUNED = {"server.fileWatcherType": "none", "runner.postScriptGC": "false"}
SETTINGS = [  # (label, options, TCP_NODELAY wrapper)
    ("Streamlit defaults", {}, False),
    ("file watcher off", {"server.fileWatcherType": "none"}, False),
    ("post-script GC off", {"runner.postScriptGC": "false"}, False),
    ("both off", TUNED, False),
    ("both off + TCP_NODELAY (deploy/serve.py)", TUNED, True),
]
OUT = ROOT / "bench" / "RESULTS.md"


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def machine() -> str:
    mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    return (
        f"`nproc` {nproc}, "
        f"{int(mem.split()[1]) // 1024:,} MiB memory, {platform.platform()}, Python {platform.python_version()}, "
        f"Streamlit {streamlit.__version__}, nginx {nginx}"
    )


def capture(url: str) -> dict[str, dict]:
    runs = asyncio.run(client.visit(url, [(p.path, p.query) for p in PAGES]))
    for page, run in zip(PAGES, runs, strict=True):
        if run.error:
            raise RuntimeError(f"{page.url}: {run.error}")
    return {p.path: r.deltas for p, r in zip(PAGES, runs, strict=True)}


def section_script(lines: list[str], ours: App, mirror: App, runs: int) -> dict:
    times = load.warm_run_times({"ours": ours.url, "bare": mirror.url}, PAGES, runs=runs)
    lines += [
        "## Script time per page (warm)",
        "",
        f"Median of {runs} runs after 5 warm-up runs, one session per server, interleaved: wall time from sending the "
        "`rerun_script` BackMsg over `/_stcore/stream` to receiving `script_finished` (script run, delta "
        "serialisation, loopback transfer; the client ACKs at once so the kernel's delayed ACK does not count). "
        "The baseline is a bare app generated from what our page drew: the same elements and containers with literal "
        "values, the same navigation (bench/bare.py). Both run tuned (file watcher off, no post-script GC, "
        "TCP_NODELAY). Budget 1.5x.",
        "",
        "| page | ours | bare | ratio | budget |",
        "|---|---:|---:|---:|---|",
    ]
    for page in PAGES:
        t = times[page.path]
        ratio = t["ours"] / t["bare"]
        lines.append(
            f"| `{page.url}` | {t['ours'] * 1000:.1f} ms | {t['bare'] * 1000:.1f} ms | {ratio:.2f}x | "
            f"{'ok' if ratio <= 1.5 else 'MISSED'} |"
        )
    lines.append("")
    return times


def section_bytes(lines: list[str], ours: App, mirror: App, proxy: Nginx) -> None:
    urls = {}
    for page in PAGES:
        urls[("ours", page.path)] = ours.url + page.url
        urls[("bare", page.path)] = mirror.url + page.url
        urls[("proxy", page.path)] = proxy.url + page.url
    urls[("bare", bare.TEXT_PATH)] = f"{mirror.url}/{bare.TEXT_PATH}?lang=id"
    seen = browser.visits(urls)
    text = seen[("bare", bare.TEXT_PATH)].total
    lines += [
        "## First-visit bytes (phone, cold cache)",
        "",
        "Chromium 390x844 (mobile, DPR 2), fresh context and cache disabled per visit; HTTP bytes are the sum of "
        "DevTools `Network.loadingFinished` `encodedDataLength` (headers + body as sent), WebSocket bytes the payloads "
        "received until the page settled (content drawn, no response for 1.5 s). Baseline: the bare app with the same "
        "element types. Budget 1.05x. *Text page*: the bare page with the site's frame and text only "
        f"(bench/bare.py, {kib(text)}), what any page of ours costs at least. *Proxy* is our app behind deploy/'s "
        "nginx (two app processes), compressed.",
        "",
        "| page | ours direct | bare direct | ratio | budget | vs text page | ours via nginx | nginx / direct "
        "| encodings via nginx |",
        "|---|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for page in PAGES:
        o, b, p = seen[("ours", page.path)], seen[("bare", page.path)], seen[("proxy", page.path)]
        ratio = o.total / b.total
        enc = ", ".join(f"{k} {v}" for k, v in sorted(p.encodings.items()))
        lines.append(
            f"| `{page.url}` | {kib(o.total)} ({o.requests} req) | {kib(b.total)} | {ratio:.3f}x | "
            f"{'ok' if ratio <= 1.05 else 'MISSED'} | {o.total / text:.2f}x | {kib(p.total)} "
            f"| {p.total / o.total:.2f}x | {enc} |"
        )
    lines.append("")


def section_slow_phone(lines: list[str], proxy: Nginx, mirror: App) -> None:
    lines += ["## Seconds to the headline figure (throttled phone)", ""]
    try:
        slow = importlib.import_module("bench.slow_phone")
    except ModuleNotFoundError:
        lines += ["Skipped: `bench/slow_phone.py` (branch `browser`) is not merged yet.", ""]
        return
    try:
        ours = slow.measure(proxy.url)
        lines += [
            f"Ours behind nginx: {ours:.2f} s until the app itself has drawn the figures (bench/slow_phone.py's "
            "throttled profile); the first HTML shows them before that: see the First HTML section.",
            "",
        ]
    except Exception as exc:  # noqa: BLE001 - the table says what failed
        lines += [f"Failed: {type(exc).__name__}: {exc}", ""]


def section_light(lines: list[str], proxy: Nginx) -> None:
    """The light version (build-static) beside the app: bytes of a cold visit and the throttled headline time."""
    slow = importlib.import_module("bench.slow_phone")
    pages = ["index", "cakupan", "iuran"]
    seen = browser.visits({p: f"{proxy.url}/ringan/id/{p}.html" for p in pages} | {"app": proxy.url + "/?lang=id"})
    lines += [
        "## Light version (`build-static`) beside the app, through nginx",
        "",
        "Cold visit at phone size: DevTools encoded bytes (compressed by nginx), same method as above.",
        "",
        "| page | light | app home | light / app |",
        "|---|---:|---:|---:|",
    ]
    app = seen["app"].total
    for page in pages:
        light = seen[page].total
        lines.append(
            f"| `/ringan/id/{page}.html` | {kib(light)} ({seen[page].requests} req) | {kib(app)} | {light / app:.3f}x |"
        )
    light_s, app_s = slow.measure_light(proxy.url), slow.measure(proxy.url)
    lines += [
        "",
        f"Seconds to the headline figure on the throttled phone: light {light_s:.2f} s, app {app_s:.2f} s "
        f"({light_s / app_s:.2f}x).",
        "",
    ]


def crowd_row(label: str, c: load.Crowd, base: float | None = None) -> str:
    ratio = f"{c.per_second / base:.2f}" if base else ""
    budget = "" if base is None else ("ok" if c.per_second >= base * 2 / 3 and not c.errors else "MISSED")
    return (
        f"| {label} | {c.sessions} | {len(c.errors)} | {c.p50:.2f} s | {c.p95:.2f} s | {c.per_second:.1f} | "
        f"{ratio} | {budget} | {c.kib_per_session:,.0f} KiB |"
    )


CROWD_HEAD = [
    "| run | sessions | errors | p50 page run | p95 page run | sessions/s | vs tuned bare chart | budget "
    "| RSS / session |",
    "|---|---:|---:|---:|---:|---:|---:|---|---:|",
]


def section_settings(lines: list[str], tmp: Path, sessions: int) -> float:
    chart = bare.write_chart_app(tmp / "chart")
    lines += [
        "## Settings: a bare page with one Altair chart",
        "",
        f"{sessions} real sessions over the WebSocket, 20 at a time, against one app process; each session opens the "
        "page and waits for `script_finished`; sessions stay connected until all are done (for the memory figure: RSS "
        "delta / sessions). The shipped `.streamlit/config.toml` turns both settings off, and deploy/'s systemd unit "
        "runs Streamlit through deploy/serve.py (TCP_NODELAY).",
        "",
        *CROWD_HEAD,
    ]
    tuned = 0.0
    for label, options, nodelay in SETTINGS:
        with App(chart.name, cwd=chart.parent, options=options, nodelay=nodelay) as app:
            asyncio.run(client.visit(app.url, [("", "")]))
            result = load.crowd(app.url, app.proc.pid, [PAGES[0].__class__("", "")], sessions)
        lines.append(crowd_row(label, result))
        tuned = result.per_second
        print(label, result.per_second, result.p95, len(result.errors), flush=True)
    lines.append("")
    return tuned


def section_crowds(lines: list[str], tuned: float, sizes: list[int], per_page: int) -> None:
    lines += [
        "## Concurrent sessions on our app (one process, shipped settings)",
        "",
        f"Per page: {per_page} sessions each opening that one page; budget: at least two thirds of the tuned bare "
        f"chart page ({tuned:.1f} sessions/s), 0 errors. Tour: N sessions each opening all {len(PAGES)} pages in turn "
        "(the check with its answers in the URL); p50/p95 are per page run.",
        "",
        *CROWD_HEAD,
    ]
    with App() as ours:
        asyncio.run(client.visit(ours.url, [(p.path, p.query) for p in PAGES]))
        for page in PAGES:
            result = load.crowd(ours.url, ours.proc.pid, [page], per_page)
            lines.append(crowd_row(f"`{page.url}`", result, tuned))
            print(page.url, result.per_second, len(result.errors), result.errors[:2], flush=True)
    for n in sizes:
        with App() as ours:
            asyncio.run(client.visit(ours.url, [(p.path, p.query) for p in PAGES]))
            result = load.crowd(ours.url, ours.proc.pid, PAGES, n)
        lines.append(crowd_row(f"tour of all pages, N={n}", result))
        print("tour", n, result.per_second, len(result.errors), result.errors[:2], flush=True)
    lines.append("")


def section_growth(lines: list[str], tmp: Path, runs: int) -> None:
    lines += [
        "## Cost growth with coverage.csv",
        "",
        "A temporary copy of the package with coverage.csv grown by older daily observations (bench/growth.py), "
        "served through `JAMSOSTEK_DATA_DIR`. Load = one `data.load` (validation included) in a fresh interpreter; "
        f"page run = median of {runs} warm runs as above; RSS after one visit to every page.",
        "",
        "| rows | load | ratio | `/cakupan` run | ratio | `/data` run | ratio | RSS | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = None
    for factor in (1, 10, 1000):
        folder = tmp / f"data-{factor}"
        growth.grow(folder, factor) if factor > 1 else shutil.copytree(ROOT / "data", folder)
        rows = sum(1 for _ in (folder / "coverage.csv").open()) - 1
        seconds = growth.load_seconds(folder)
        with App(env={"JAMSOSTEK_DATA_DIR": str(folder)}) as app:
            asyncio.run(client.visit(app.url, [(p.path, p.query) for p in PAGES]))
            pages = [p for p in PAGES if p.path in ("cakupan", "data")]
            times = load.warm_run_times({"app": app.url}, pages, runs=runs)
            rss = app.rss_kib()
        row = (seconds, times["cakupan"]["app"], times["data"]["app"], rss)
        base = base or row
        lines.append(
            f"| {rows:,} | {row[0]:.2f} s | {row[0] / base[0]:.1f}x | {row[1] * 1000:.1f} ms "
            f"| {row[1] / base[1]:.1f}x | {row[2] * 1000:.1f} ms | {row[2] / base[2]:.1f}x "
            f"| {row[3] / 1024:,.0f} MiB | {row[3] / base[3]:.2f}x |"
        )
    lines.append("")


def section_profile(lines: list[str], times: dict) -> None:
    slowest = max(PAGES, key=lambda p: times[p.path]["ours"])
    text = profile(slowest.label, slowest.query, runs=30)
    (ROOT / "bench" / "PROFILE.txt").write_text(text, encoding="utf-8")
    lines += [
        f"## Profile of the slowest page, `{slowest.url}`",
        "",
        "cProfile inside Streamlit's script thread over 30 warm AppTest runs (bench/profile.py; full output in "
        "bench/PROFILE.txt). Note AppTest recompiles the page each run (`get_bytecode`, `magic`); the server caches "
        "the bytecode, so those lines do not apply to the server figures above.",
        "",
        "```",
        *[line[:150] for line in text.strip().splitlines()[:30]],
        "```",
        "",
    ]


def first_html_only() -> None:
    """``--firsthtml``: measure the first HTML alone and replace its section of RESULTS.md (the rest stays)."""
    with tempfile.TemporaryDirectory(prefix="jsj-bench-") as name:
        lines = firsthtml.section(Path(name))
    when = f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    lines.insert(2, f"Measured on {when} with `.venv/bin/python -m bench --firsthtml`. Machine: {machine()}.\n")
    old = OUT.read_text(encoding="utf-8") if OUT.exists() else "# Benchmark results\n"
    OUT.write_text(firsthtml.replace_section(old, lines), encoding="utf-8")
    print(f"wrote the first-HTML section of {OUT}")


def before_after(before: Path, quick: bool, first_html: Path) -> None:
    """``--before DIR``: an older checkout and this tree in one run; replaces that section of RESULTS.md."""
    runs, sessions = (10, 60) if quick else (30, 200)
    with tempfile.TemporaryDirectory(prefix="jsj-bench-") as name:
        lines = beforeafter.section(Path(name), before, runs, sessions, first_html)
    when = f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    lines.insert(2, f"Measured on {when}. Machine: {machine()}.\n")
    old = OUT.read_text(encoding="utf-8") if OUT.exists() else "# Benchmark results\n"
    OUT.write_text(beforeafter.replace_section(old, lines), encoding="utf-8")
    print(f"wrote the before-and-after section of {OUT}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and sessions (a smoke run, minutes less)")
    parser.add_argument("--firsthtml", action="store_true", help="only the first HTML (slow phone, Lighthouse)")
    parser.add_argument("--before", type=Path, help="only before (this checkout of an older commit) and after")
    parser.add_argument("--first-html-from", type=Path, default=ROOT, help="with --before: the tree that builds it")
    args = parser.parse_args()
    if args.firsthtml:
        return first_html_only()
    if args.before:
        return before_after(args.before, args.quick, args.first_html_from)
    runs, sizes, per_page = (10, [20], 40) if args.quick else (30, [50, 100, 200], 200)
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `.venv/bin/python -m bench{' --quick' if args.quick else ''}` on "
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}. Machine: {machine()}.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="jsj-bench-") as name:
        tmp = Path(name)
        with Stack(apps=2, workdir=tmp / "stack") as stack:  # build-static, two app processes, nginx
            ours, proxy = stack.apps[0], stack.nginx
            bare.write_app(tmp / "bare", capture(ours.url))
            with App("app.py", cwd=tmp / "bare", options=TUNED) as mirror:
                capture(mirror.url)
                times = section_script(lines, ours, mirror, runs)
                section_bytes(lines, ours, mirror, proxy)
                section_slow_phone(lines, proxy, mirror)
                section_light(lines, proxy)
        lines += firsthtml.section(tmp / "firsthtml")
        tuned = section_settings(lines, tmp, 200 if not args.quick else 60)
        section_crowds(lines, tuned, sizes, per_page)
        section_growth(lines, tmp, runs)
        section_profile(lines, times)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
