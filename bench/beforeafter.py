"""Two versions of the site in one run: ``python -m bench --before DIR`` (DIR: a checkout of an older commit).

The machine is two shared, noisy cores, so figures from different runs do not compare; this measures an older
checkout ("before", e.g. ``git worktree add /tmp/before <commit>``) and this tree ("after") side by side, and
writes its own RESULTS.md section (the rest stays):

- **sessions/s** of every page, 200 sessions each on one app process (shipped settings), before and after,
  against the tuned bare one-chart page measured at the start and at the end of the same run;
- **first-visit bytes** of every page (bench/browser.py: phone, cold cache) against the bare page with the same
  element kinds (bench/bare.py, generated from what each version drew) and against the bare text page;
  /cek-iuran also against the bare page with the check's widgets (select, text input, checkbox, radio);
- **Lighthouse TBT** (mobile) of /cakupan and /cek-iuran through the local production stack (nginx and the
  first HTML, as visitors get them), both versions' stacks running at once and their runs taken in turns;
- **growth**: the /cakupan page run (median of warm runs) with coverage.csv x1 and x1000.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench import bare, browser, client, firsthtml, growth, load
from bench.pages import PAGES, Page
from bench.servers import ROOT, App, Stack

TITLE = "## Before and after"
TUNED = {"server.fileWatcherType": "none", "runner.postScriptGC": "false"}
LIGHTHOUSE_PAGES = ("cakupan", "cek-iuran")
LIGHTHOUSE_RUNS = 7


def _capture(url: str) -> dict[str, dict]:
    runs = asyncio.run(client.visit(url, [(p.path, p.query) for p in PAGES]))
    bad = [f"{p.url}: {r.error}" for p, r in zip(PAGES, runs, strict=True) if r.error]
    if bad:
        raise RuntimeError("; ".join(bad))
    return {p.path: r.deltas for p, r in zip(PAGES, runs, strict=True)}


def _tuned_chart(tmp: Path, sessions: int) -> float:
    chart = bare.write_chart_app(tmp / "chart")
    with App(chart.name, cwd=chart.parent, options=TUNED) as app:
        asyncio.run(client.visit(app.url, [("", "")]))
        return load.crowd(app.url, app.proc.pid, [Page("", "")], sessions).per_second


def _crowds(roots: dict[str, Path], sessions: int) -> dict[str, dict[str, load.Crowd]]:
    """Both versions running; per page, one crowd on each, in alternating order (the load on the machine varies)."""
    out: dict[str, dict[str, load.Crowd]] = {name: {} for name in roots}
    apps = {name: App(cwd=root).start() for name, root in roots.items()}
    try:
        for app in apps.values():
            asyncio.run(client.visit(app.url, [(p.path, p.query) for p in PAGES]))
        for i, page in enumerate(PAGES):
            for name in list(roots)[:: 1 if i % 2 == 0 else -1]:
                crowd = out[name][page.path] = load.crowd(apps[name].url, apps[name].proc.pid, [page], sessions)
                print(name, page.url, crowd.per_second, len(crowd.errors), crowd.errors[:1], flush=True)
    finally:
        for app in apps.values():
            app.stop()
    return out


def _bytes(tmp: Path, roots: dict[str, Path]) -> dict[tuple[str, str], browser.Visit]:
    urls = {}
    apps = []
    try:
        for name, root in roots.items():
            ours = App(cwd=root).start()
            apps.append(ours)
            bare.write_app(tmp / f"bare-{name}", _capture(ours.url))
            mirror = App("app.py", cwd=tmp / f"bare-{name}", options=TUNED).start()
            apps.append(mirror)
            _capture(mirror.url)
            for page in PAGES:
                urls[(name, page.path)] = ours.url + page.url
                urls[(f"bare-{name}", page.path)] = mirror.url + page.url
            for extra in bare.EXTRA_PAGES:
                urls[(f"bare-{name}", extra)] = f"{mirror.url}/{extra}?lang=id"
        return browser.visits(urls)
    finally:
        for app in apps:
            app.stop()


def _build(tmp: Path, tree: Path) -> tuple[Path, Path]:
    """The light version and the first HTML as ``tree``'s build-static makes them (the same for both versions)."""
    ringan, shells = tmp / "built" / "ringan", tmp / "built" / "shells"
    command = [sys.executable, "-m", "jamsostek", "build-static", str(ringan), "--shells", str(shells)]
    command += ["--base-url", "/", "--site-url", "http://127.0.0.1"]
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True)
    return ringan, shells


def _one_lighthouse(url: str, failures: list[str]) -> dict | None:
    """One Lighthouse run, or None when it failed (the failure is kept)."""
    try:
        return firsthtml.lighthouse(url)
    except Exception as exc:  # noqa: BLE001 - the table says what failed
        # Lighthouse 12.2.3's trace gatherer sometimes fails on this Chromium: the run is tried again
        failures.append(f"{type(exc).__name__}: {exc}"[:200])
        return None


def _medians(results: list[dict], failures: list[str]) -> dict:
    """The median of each figure over the runs (one run varies by a second or more on a shared machine)."""
    if not results:
        return {"error": failures[-1] if failures else "no run"}
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    return median | {"tbts": sorted(r["tbt"] for r in results), "failed": len(failures)}


def _median_lighthouse(url: str, runs: int) -> dict:
    """The median of ``runs`` Lighthouse runs of one URL; a failed run is tried again, up to twice in all."""
    return _interleaved_lighthouse({url: url}, runs)[url]


def _interleaved_lighthouse(urls: dict[str, str], runs: int) -> dict[str, dict]:
    """``runs`` Lighthouse runs of each URL, taken in turns (a, b, then b, a, ...) and their medians.

    Taking the versions in turns puts the machine's drift (other jobs, a warming disk) on both alike; one
    version after the other put it on the second. A URL whose runs fail three times gets an error cell.
    """
    results: dict[str, list[dict]] = {name: [] for name in urls}
    failures: dict[str, list[str]] = {name: [] for name in urls}
    for round_ in range(runs):
        order = list(urls) if round_ % 2 == 0 else list(reversed(urls))
        for name in order:
            while len(failures[name]) <= 2 and len(results[name]) <= round_:
                if (result := _one_lighthouse(urls[name], failures[name])) is not None:
                    results[name].append(result)
    return {name: _medians(results[name], failures[name]) for name in urls}


def _lighthouse(tmp: Path, roots: dict[str, Path], first_html: Path, runs: int) -> dict[tuple[str, str], dict]:
    """Each version's app processes behind its nginx, both serving the same first HTML (built once, by
    ``first_html``'s tree), both running at once: each page's runs alternate between the versions."""
    out, built = {}, _build(tmp, first_html)
    with contextlib.ExitStack() as running:
        stacks = {}
        for name, root in roots.items():
            stack = Stack(apps=2, workdir=tmp / f"stack-{name}", built=built)
            stack.apps = [App(cwd=root, log=stack.workdir / f"app{i}.log") for i in range(2)]
            running.enter_context(stack)
            stacks[name] = stack
        for page in PAGES:
            if page.path in LIGHTHOUSE_PAGES:
                urls = {name: stack.url + page.url for name, stack in stacks.items()}
                for name, result in _interleaved_lighthouse(urls, runs).items():
                    out[(name, page.path)] = result
                    print(name, page.url, result, flush=True)
    return out


def _lighthouse_floor(tmp: Path, runs: int) -> dict[str, dict]:
    """The same audit on bare Streamlit pages, direct (no nginx, no first HTML): the text page, and the bare pages
    drawing what the after version's /cakupan and /cek-iuran drew. What any Streamlit page costs a phone."""
    urls = {"text page": f"/{bare.TEXT_PATH}?lang=id"}
    urls |= {f"bare {p.path}": p.url for p in PAGES if p.path in LIGHTHOUSE_PAGES}
    out = {}
    with App("app.py", cwd=tmp / "bare-after", options=TUNED) as mirror:
        _capture(mirror.url)
        for label, path in urls.items():
            out[label] = _median_lighthouse(mirror.url + path, runs)
            print(label, out[label], flush=True)
    return out


def _growth(tmp: Path, roots: dict[str, Path], runs: int) -> dict[tuple[str, int], float]:
    out = {}
    cakupan = [p for p in PAGES if p.path == "cakupan"]
    for factor in (1, 1000):
        folder = tmp / f"data-{factor}"
        growth.grow(folder, factor) if factor > 1 else shutil.copytree(ROOT / "data", folder)
        apps = {name: App(cwd=root, env={"JAMSOSTEK_DATA_DIR": str(folder)}).start() for name, root in roots.items()}
        try:
            for app in apps.values():
                asyncio.run(client.visit(app.url, [(p.path, p.query) for p in PAGES]))
            times = load.warm_run_times({name: app.url for name, app in apps.items()}, cakupan, runs=runs)
        finally:
            for app in apps.values():
                app.stop()
        for name in roots:
            out[(name, factor)] = times["cakupan"][name]
    return out


def section(tmp: Path, before: Path, runs: int = 30, sessions: int = 200, first_html: Path = ROOT) -> list[str]:
    """The RESULTS.md section for ``before`` (an older checkout) and this tree, measured in one run.

    ``first_html``: the tree whose build-static makes the first HTML nginx serves in front of both versions.
    """
    roots = {"before": before.resolve(), "after": ROOT}
    tuned_start = _tuned_chart(tmp / "t1", sessions)
    crowds = _crowds(roots, sessions)
    tuned_end = _tuned_chart(tmp / "t2", sessions)
    seen = _bytes(tmp, roots)
    lh = _lighthouse(tmp, roots, first_html.resolve(), LIGHTHOUSE_RUNS)
    floor = _lighthouse_floor(tmp, LIGHTHOUSE_RUNS)
    grown = _growth(tmp, roots, runs)
    tuned = (tuned_start + tuned_end) / 2
    return [
        f"{TITLE}: the heavy pages made light (issue 17), one run",
        "",
        f"`python -m bench --before {before}` (bench/beforeafter.py, which says how each figure is taken). "
        "*Before*: that checkout; *after*: this tree. Same machine, same run. The first HTML in front of both "
        f"for Lighthouse: built by `{first_html}`.",
        "",
        *_crowd_table(crowds, tuned, tuned_start, tuned_end, sessions),
        *_bytes_table(seen),
        *_lighthouse_table(lh, floor),
        *_growth_table(grown),
    ]


def _crowd_table(crowds: dict, tuned: float, start: float, end: float, sessions: int) -> list[str]:
    lines = [
        f"### New sessions per second ({sessions} sessions per page, 20 at a time, one app process)",
        "",
        f"Against the tuned bare one-chart page: {start:.1f} sessions/s at the start of the run, {end:.1f} at the end "
        f"(mean {tuned:.1f}). Budget for /cakupan: at least 0.5x, 0 errors.",
        "",
        "| page | before | errors | vs bare chart | after | errors | vs bare chart |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page in PAGES:
        b, a = crowds["before"][page.path], crowds["after"][page.path]
        lines.append(
            f"| `{page.url}` | {b.per_second:.1f} | {len(b.errors)} | {b.per_second / tuned:.2f}x "
            f"| {a.per_second:.1f} | {len(a.errors)} | {a.per_second / tuned:.2f}x |"
        )
    return [*lines, ""]


def _kib(visit: browser.Visit) -> str:
    return f"{visit.total / 1024:,.0f} KiB"


def _bytes_table(seen: dict) -> list[str]:
    text, widgets = seen[("bare-after", bare.TEXT_PATH)], seen[("bare-after", bare.WIDGETS_PATH)]
    lines = [
        "### First-visit bytes (phone, cold cache, direct to the app)",
        "",
        f"Bare text page (the site's frame, a title and text): {_kib(text)}; the same with the check's widgets "
        f"(select, text input, checkbox, radio): {_kib(widgets)} (this run, the after version's bare app). *Same "
        "kinds*: the bare page drawing the elements that version's page drew. Budget 1.05x of the same kinds; for "
        "/cek-iuran also 1.05x of the bare page with its widgets.",
        "",
        "| page | before | vs same kinds | vs text page | after | vs same kinds | vs text page |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page in PAGES:
        b, a = seen[("before", page.path)], seen[("after", page.path)]
        bb, ba = seen[("bare-before", page.path)], seen[("bare-after", page.path)]
        lines.append(
            f"| `{page.url}` | {_kib(b)} | {b.total / bb.total:.3f}x | {b.total / text.total:.2f}x "
            f"| {_kib(a)} | {a.total / ba.total:.3f}x | {a.total / text.total:.2f}x |"
        )
    check_b, check_a = seen[("before", "cek-iuran")], seen[("after", "cek-iuran")]
    lines += [
        "",
        f"/cek-iuran against the bare page with the check's widgets: before {check_b.total / widgets.total:.3f}x, "
        f"after {check_a.total / widgets.total:.3f}x.",
        "",
    ]
    return lines


def _lh_cells(result: dict) -> list[str]:
    if "error" in result:
        return [f"failed: {result['error']}", ""]
    runs = ", ".join(f"{t:.2f}" for t in result["tbts"])
    if result.get("failed"):
        runs += f"; {result['failed']} failed"
    return [f"{result['tbt']:.2f} s ({runs})", f"{round(result['score'])} (FCP {result['fcp']:.1f} s)"]


def _lighthouse_table(lh: dict, floor: dict) -> list[str]:
    lines = [
        f"### Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU): median of {LIGHTHOUSE_RUNS} runs",
        "",
        "Through nginx with the first HTML, as visitors get them, the two versions' runs taken in turns; TBT "
        "median (each run), score and FCP medians.",
        "",
        "| page | before TBT | before score | after TBT | after score |",
        "|---|---:|---:|---:|---:|",
    ]
    for page in [p for p in PAGES if p.path in LIGHTHOUSE_PAGES]:
        cells = _lh_cells(lh[("before", page.path)]) + _lh_cells(lh[("after", page.path)])
        lines.append(f"| `{page.url}` | " + " | ".join(cells) + " |")
    lines += [
        "",
        "The floor: bare Streamlit pages, direct (no nginx, no first HTML), the same audit in the same run.",
        "",
        "| bare page | TBT | score |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | " + " | ".join(_lh_cells(result)) + " |" for label, result in floor.items()]
    return [*lines, ""]


def _growth_table(grown: dict) -> list[str]:
    lines = [
        "### /cakupan page run with coverage.csv grown (median of warm runs, bench/growth.py)",
        "",
        "| version | 7 rows | 7,000 rows | ratio |",
        "|---|---:|---:|---:|",
    ]
    for name in ("before", "after"):
        small, large = grown[(name, 1)], grown[(name, 1000)]
        lines.append(f"| {name} | {small * 1000:.1f} ms | {large * 1000:.1f} ms | {large / small:.1f}x |")
    return [*lines, ""]


def replace_section(text: str, lines: list[str]) -> str:
    """RESULTS.md with this section replaced, or added after the header."""
    header, *sections = text.split("\n## ")
    kept = [s.rstrip("\n") for s in sections if not ("## " + s).startswith(TITLE)]
    new = "\n".join(lines).strip("\n")[3:]
    return "\n\n## ".join([header.rstrip("\n"), new, *kept]) + "\n"
