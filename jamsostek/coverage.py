"""Coverage progress: the latest observation, the target, and how many more workers are needed."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from jamsostek.data import AREAS, DataPackage, Need

CITY = "kota-jambi"
NEEDS = tuple(Need("coverage", "area", area, "the coverage pages and charts show its newest figure") for area in AREAS)


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


STATED_UNKNOWN = "not-stated"


@dataclass(frozen=True)
class BaseChange:
    """Where an area's series moves to another denominator: figures either side are not comparable."""

    area: str
    as_of: dt.date
    old_as_of: dt.date
    old_basis: str
    new_basis: str
    old_pct: float
    new_pct: float
    old_workforce: int | None
    new_workforce: int | None


def latest_by_area(package: DataPackage) -> list[Progress]:
    """The newest observation of every area that has one, in the package's area order."""
    present = set(package.coverage["area"])
    return [latest(package, area, with_counts=False) for area in AREAS if area in present]


def _segments(rows: pd.DataFrame) -> list[int]:
    """A run number per row: it changes whenever the basis differs from the previous row's."""
    runs, current, previous = [], 0, None
    for basis in rows["basis"]:
        if previous is not None and basis != previous:
            current += 1
        runs.append(current)
        previous = basis
    return runs


def history(package: DataPackage) -> pd.DataFrame:
    """Every observation, sorted, with ``segment``: only rows of one area on one unbroken basis share it.

    A line may join points of the same segment only, so no line crosses a change of denominator
    (e.g. 300,000 workers in 2024 vs 228,000 potential workers in 2025).
    """
    frames = []
    for area in AREAS:
        rows = package.coverage[package.coverage["area"] == area].sort_values("as_of").reset_index(drop=True)
        if rows.empty:
            continue
        rows = rows.assign(segment=[f"{area}/{run}" for run in _segments(rows)])
        frames.append(rows)
    columns = ["area", "as_of", "coverage_pct", "covered", "workforce", "basis", "segment", "source_id"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def base_changes(package: DataPackage) -> list[BaseChange]:
    """Changes between two *stated* bases within an area (an unstated base is not a known change)."""
    changes = []
    frame = history(package)
    for area in AREAS:
        stated = frame[(frame["area"] == area) & (frame["basis"] != STATED_UNKNOWN)]
        previous = None
        for _, row in stated.iterrows():
            if previous is not None and row["basis"] != previous["basis"]:
                changes.append(
                    BaseChange(
                        area,
                        row["as_of"],
                        previous["as_of"],
                        previous["basis"],
                        row["basis"],
                        float(previous["coverage_pct"]),
                        float(row["coverage_pct"]),
                        None if pd.isna(previous["workforce"]) else int(previous["workforce"]),
                        None if pd.isna(row["workforce"]) else int(row["workforce"]),
                    )
                )
            previous = row
    return changes


def targets_in_range(package: DataPackage) -> pd.DataFrame:
    """Targets for the years the observations span (a 2029 target would stretch the time axis)."""
    years = [d.year for d in package.coverage["as_of"]]
    targets = package.targets
    if not years:
        return targets.iloc[0:0]
    rows = targets[(targets["year"] >= min(years)) & (targets["year"] <= max(years))]
    return rows.sort_values(["year", "area"]).reset_index(drop=True)


def gap_workers(package: DataPackage, area: str = CITY) -> int | None:
    """Workers still needed to reach the area's target, from its newest observation with counts."""
    return latest(package, area).gap_workers


def source_ids(package: DataPackage) -> list[str]:
    """The sources of every observation and every target the coverage charts show."""
    ids = list(package.coverage.sort_values("as_of")["source_id"]) + list(targets_in_range(package)["source_id"])
    return list(dict.fromkeys(ids))
