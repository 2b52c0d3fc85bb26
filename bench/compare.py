"""Warm script time of every page, this checkout against another one, in the same run.

    .venv/bin/python -m bench.compare /path/to/other/checkout [--runs 30]

Made for "no worse than before": check out the commit before a change in a folder of its own
(``git worktree add /tmp/before HEAD~1``), then compare. Both servers run tuned, as deployed, and the
runs are interleaved, so drift in a noisy machine hits both alike. The ratio is this checkout's median
over the other's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.load import warm_run_times
from bench.pages import PAGES
from bench.servers import ROOT, App

TUNED = {"server.fileWatcherType": "none", "runner.postScriptGC": "false"}


def compare(other: Path, runs: int) -> str:
    """A Markdown table: per page, the other checkout's and this one's median warm run, and their ratio."""
    apps = {"before": App(cwd=other, options=TUNED), "after": App(cwd=ROOT, options=TUNED)}
    try:
        for app in apps.values():
            app.start()
        times = warm_run_times({name: app.url for name, app in apps.items()}, PAGES, runs=runs)
    finally:
        for app in apps.values():
            app.stop()
    lines = ["| page | before (ms) | after (ms) | after / before |", "|---|---:|---:|---:|"]
    for page in PAGES:
        before, after = times[page.path]["before"], times[page.path]["after"]
        lines.append(f"| {page.label} | {before * 1000:.1f} | {after * 1000:.1f} | {after / before:.2f}x |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare")
    parser.add_argument("other", type=Path, help="another checkout of this repository")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    print(compare(args.other.resolve(), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
