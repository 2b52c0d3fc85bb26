"""Cost growth: the data package with coverage.csv grown to k times its rows, served from a temporary copy."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from bench.servers import ROOT


def grow(target: Path, factor: int) -> Path:
    """A copy of data/ whose coverage.csv has ``factor`` times the rows: older daily observations per area."""
    shutil.copytree(ROOT / "data", target)
    path = target / "coverage.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    extra = []
    oldest = {r["area"]: min(dt.date.fromisoformat(x["as_of"]) for x in rows if x["area"] == r["area"]) for r in rows}
    made = dict.fromkeys(oldest, 0)
    for i in range(len(rows) * (factor - 1)):
        model = rows[i % len(rows)]
        made[model["area"]] += 1
        day = oldest[model["area"]] - dt.timedelta(days=made[model["area"]])
        extra.append(model | {"as_of": day.isoformat(), "covered": "", "workforce": "", "basis": "not-stated"})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(extra + rows)
    return target


def load_seconds(directory: Path) -> float:
    """Seconds to load and validate the package in a fresh interpreter (what a process pays once)."""
    code = (
        "import time;from jamsostek import data;t=time.perf_counter();"
        f"data.load({str(directory)!r});print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())
