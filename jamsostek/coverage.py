"""Coverage progress: the latest observation, the target, and how many more workers are needed."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from jamsostek.data import DataPackage

CITY = "kota-jambi"


@dataclass(frozen=True)
class Progress:
    """One area's latest observation that has a workforce base, against its target for that year."""

    area: str
    as_of: dt.date
    coverage_pct: float
    covered: int | None
    workforce: int | None
    basis: str
    source_id: str
    target_pct: float | None
    target_year: int | None
    target_source_id: str | None

    @property
    def not_covered(self) -> int | None:
        """Workers in the base who are not yet covered."""
        if self.covered is None or self.workforce is None:
            return None
        return self.workforce - self.covered

    @property
    def target_workers(self) -> int | None:
        """Covered workers needed to reach the target on this base (rounded up)."""
        if self.workforce is None or self.target_pct is None:
            return None
        return math.ceil(self.workforce * self.target_pct / 100 - 1e-9)

    @property
    def gap_workers(self) -> int | None:
        """How many more workers must join to reach the target (0 once it is reached)."""
        if self.target_workers is None or self.covered is None:
            return None
        return max(0, self.target_workers - self.covered)

    @property
    def gap_pct(self) -> float | None:
        """Percentage points still missing to the target."""
        if self.target_pct is None:
            return None
        return max(0.0, round(self.target_pct - self.coverage_pct, 2))


def _target(package: DataPackage, area: str, year: int) -> tuple[float, int, str] | None:
    targets = package.targets
    rows = targets[(targets["area"] == area) & (targets["year"] == year)]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return float(row["target_pct"]), int(row["year"]), row["source_id"]


def latest(package: DataPackage, area: str = CITY, with_counts: bool = True) -> Progress:
    """The newest observation of an area; with ``with_counts``, the newest with covered and workforce."""
    rows = package.coverage[package.coverage["area"] == area]
    if with_counts:
        counted = rows[rows["covered"].notna() & rows["workforce"].notna()]
        rows = counted if not counted.empty else rows
    row = rows.sort_values("as_of").iloc[-1]
    target = _target(package, area, row["as_of"].year)
    return Progress(
        area=area,
        as_of=row["as_of"],
        coverage_pct=float(row["coverage_pct"]),
        covered=None if row.isna()["covered"] else int(row["covered"]),
        workforce=None if row.isna()["workforce"] else int(row["workforce"]),
        basis=row["basis"],
        source_id=row["source_id"],
        target_pct=target[0] if target else None,
        target_year=target[1] if target else None,
        target_source_id=target[2] if target else None,
    )
