"""Coverage: observations at their own precision, targets and whether their year has ended, and the gap.

The gap ("workers still needed") is computed only against a target whose year is known and on a base the
target states, from an observation on that same base. When today is past the target's year, the gap is
history ("then"), never "still needed"; when no target allows a computation, there is no gap.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from jamsostek import clock
from jamsostek.data import AREAS, DataPackage, Need
from jamsostek.data.cache import per_package

CITY = "kota-jambi"
NEEDS = (Need("coverage", "area", CITY, "the site is about the city: every page names its newest figure"),)
STATED_UNKNOWN = "not-stated"


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) or value == "" else str(value)


@dataclass(frozen=True)
class Observation:
    """One coverage figure as its source gives it: date and its precision, base, and whether it is rounded."""

    area: str
    as_of: dt.date
    precision: str
    coverage_pct: float
    approximate: bool
    covered: int | None
    workforce: int | None
    basis: str
    inferred_basis: str | None
    source_id: str

    @property
    def known_basis(self) -> str | None:
        """The base the figure is on: as stated, or as inferred by us from its counts; None when unknown."""
        return self.basis if self.basis != STATED_UNKNOWN else self.inferred_basis

    @property
    def item(self) -> str:
        """The row's key, as the change log and corroborations.csv name it."""
        return f"{self.area} {self.as_of.isoformat()}"

    @property
    def counted(self) -> bool:
        """Whether the source gives both the people covered and the base in people."""
        return self.covered is not None and self.workforce is not None

    @property
    def not_covered(self) -> int | None:
        """Workers in the base who are not yet covered."""
        return None if not self.counted else self.workforce - self.covered


@dataclass(frozen=True)
class Target:
    """A coverage target: its year (when stated), its base (when stated), and when it was stated."""

    id: str
    area: str
    year: int | None
    pct: float
    workers: int | None
    approximate: bool
    basis: str | None
    stated: dt.date
    precision: str
    source_id: str
    note: dict[str, str]

    def ended(self, today: dt.date) -> bool:
        """Whether the target's year is over (a target with no stated year never ends by itself)."""
        return self.year is not None and today > dt.date(self.year, 12, 31)

    def current(self, today: dt.date) -> bool:
        """Whether this is a target for this year or a later one."""
        return self.year is not None and not self.ended(today)


@dataclass(frozen=True)
class Gap:
    """Workers still needed (or, for an ended target, needed then) to reach a target on its own base."""

    observation: Observation
    target: Target
    past: bool

    @property
    def target_workers(self) -> int:
        """Covered workers the target means on the observation's base (rounded up)."""
        return math.ceil(self.observation.workforce * self.target.pct / 100 - 1e-9)

    @property
    def workers(self) -> int:
        """How many more workers had to join (0 once the target is reached)."""
        return max(0, self.target_workers - self.observation.covered)


def _observation(row: dict) -> Observation:
    return Observation(
        area=row["area"],
        as_of=row["as_of"],
        precision=row.get("precision") or "day",
        coverage_pct=float(row["coverage_pct"]),
        approximate=bool(row.get("approximate")),
        covered=_int(row["covered"]),
        workforce=_int(row["workforce"]),
        basis=row["basis"],
        inferred_basis=_text(row.get("inferred_basis")),
        source_id=row["source_id"],
    )


def observations(package: DataPackage, area: str = CITY) -> list[Observation]:
    """An area's observations, oldest first."""
    rows = package.coverage[package.coverage["area"] == area].sort_values("as_of", kind="stable")
    return [_observation(row) for row in rows.to_dict("records")]


def newest(package: DataPackage, area: str = CITY, counted: bool = False) -> Observation | None:
    """The area's newest observation (any base); with ``counted``, the newest that gives people."""
    rows = [o for o in observations(package, area) if o.counted or not counted]
    return rows[-1] if rows else None


def latest(package: DataPackage, area: str = CITY, with_counts: bool = True) -> Observation | None:
    """The area's newest observation; with ``with_counts``, the newest that gives people (kept for older callers)."""
    return newest(package, area, counted=with_counts)


def targets(package: DataPackage, area: str = CITY) -> list[Target]:
    """An area's targets, in the order they were stated."""
    frame = package.targets[package.targets["area"] == area].sort_values("stated", kind="stable")
    return [
        Target(
            id=row["id"],
            area=row["area"],
            year=_int(row["year"]),
            pct=float(row["target_pct"]),
            workers=_int(row["workers"]),
            approximate=bool(row.get("approximate")),
            basis=_text(row["basis"]),
            stated=row["stated"],
            precision=row["precision"],
            source_id=row["source_id"],
            note={"id": _text(row["note_id"]) or "", "en": _text(row["note_en"]) or ""},
        )
        for row in frame.to_dict("records")
    ]


def newest_target(package: DataPackage, area: str = CITY) -> Target | None:
    """The target stated most recently for an area."""
    found = targets(package, area)
    return found[-1] if found else None


def current_target(package: DataPackage, area: str, today: dt.date) -> Target | None:
    """The nearest target whose year has not ended (this year's, else the next one)."""
    found = sorted((t for t in targets(package, area) if t.current(today)), key=lambda t: t.year)
    return found[0] if found else None


def last_ended_target(package: DataPackage, area: str, today: dt.date) -> Target | None:
    """The most recent target whose year is over."""
    found = sorted((t for t in targets(package, area) if t.ended(today)), key=lambda t: (t.year, t.stated))
    return found[-1] if found else None


def last_in_year(package: DataPackage, area: str, year: int) -> Observation | None:
    """An area's last observation within one year (e.g. the last figure of a target's year)."""
    rows = [o for o in observations(package, area) if o.as_of.year == year]
    return rows[-1] if rows else None


def _gap_for(package: DataPackage, target: Target, today: dt.date) -> Gap | None:
    """The gap to one target from the newest counted observation on its base, dated no later than its year."""
    on_base = [
        o
        for o in observations(package, target.area)
        if o.counted and o.known_basis == target.basis and o.as_of.year <= target.year
    ]
    return Gap(on_base[-1], target, target.ended(today)) if on_base else None


def gap(package: DataPackage, area: str = CITY, today: dt.date | None = None) -> Gap | None:
    """Workers needed to reach a target: against a current target if one allows it, else the latest past one.

    A target allows a computation when its year and its base are stated and an observation on that base
    gives people. A past gap is history: the view says "then" and that the year has ended.
    """
    today = today or clock.today()
    usable = [t for t in targets(package, area) if t.year is not None and t.basis]
    current = sorted((t for t in usable if t.current(today)), key=lambda t: t.year)
    ended = sorted((t for t in usable if t.ended(today)), key=lambda t: t.year, reverse=True)
    for target in current + ended:
        found = _gap_for(package, target, today)
        if found is not None:
            return found
    return None


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
    new_approximate: bool = False


def latest_by_area(package: DataPackage) -> list[Observation]:
    """The newest observation of every area that has one, in the package's area order."""
    found = [newest(package, area) for area in AREAS]
    return [o for o in found if o is not None]


def _segments(rows: list[Observation]) -> list[int]:
    """A run number per row: it changes at every change of known base, and an unknown base is a run alone.

    Two figures whose bases are both unknown are not known to share one, so they are never joined.
    """
    runs, current, previous = [], 0, None
    for index, row in enumerate(rows):
        if index and (row.known_basis is None or row.known_basis != previous):
            current += 1
        runs.append(current)
        previous = row.known_basis
    return runs


def history(package: DataPackage) -> pd.DataFrame:
    """Every observation, sorted, with ``segment``: only rows of one area on one known base share it.

    A line may join points of the same segment only, so no line crosses a change of denominator
    (e.g. 300,000 workers in 2024 vs 228,000 potential workers in 2025).
    """
    records = []
    for area in AREAS:
        rows = observations(package, area)
        for row, run in zip(rows, _segments(rows), strict=True):
            records.append(row.__dict__ | {"known_basis": row.known_basis, "segment": f"{area}/{run}"})
    columns = [*Observation.__dataclass_fields__, "known_basis", "segment"]
    return pd.DataFrame(records, columns=columns)


def base_changes(package: DataPackage) -> list[BaseChange]:
    """Changes between two *known* bases within an area (an unknown base is not a known change)."""
    changes = []
    for area in AREAS:
        known = [o for o in observations(package, area) if o.known_basis is not None]
        for previous, row in zip(known, known[1:], strict=False):
            if row.known_basis != previous.known_basis:
                changes.append(
                    BaseChange(
                        area,
                        row.as_of,
                        previous.as_of,
                        previous.known_basis,
                        row.known_basis,
                        previous.coverage_pct,
                        row.coverage_pct,
                        previous.workforce,
                        row.workforce,
                        row.approximate,
                    )
                )
    return changes


def inferred(package: DataPackage, area: str) -> tuple[list[Observation], Observation | None]:
    """An area's figures whose base we inferred, and the stated figure whose base (in people) they fit."""
    rows = observations(package, area)
    guessed = [o for o in rows if o.basis == STATED_UNKNOWN and o.inferred_basis]
    if not guessed:
        return [], None
    stated = [o for o in rows if o.basis == guessed[0].inferred_basis and o.workforce is not None]
    return guessed, (stated[0] if stated else None)


def targets_in_range(package: DataPackage, today: dt.date) -> list[Target]:
    """Targets with a year, from the first observation's year up to this year (a 2029 target would stretch the axis)."""
    years = [d.year for d in package.coverage["as_of"]]
    if not years:
        return []
    found = [t for area in AREAS for t in targets(package, area) if t.year is not None]
    return sorted((t for t in found if min(years) <= t.year <= today.year), key=lambda t: (t.year, AREAS.index(t.area)))


def source_ids(package: DataPackage) -> list[str]:
    """The sources of every observation and target the coverage page shows, corroborating ones included.

    Read on every visit to /cakupan: built once per package (it walks every observation, 7,000 rows in the
    benchmark's grown history); a new list each call, so a caller may change it.
    """
    return list(_source_ids(package))


@per_package(maxsize=8)
def _source_ids(package: DataPackage) -> tuple[str, ...]:
    ids: list[str] = []
    for area in AREAS:
        for obs in observations(package, area):
            ids += [obs.source_id, *package.also("coverage", obs.item)]
        for target in targets(package, area):
            ids += [target.source_id, *package.also("targets", target.id)]
    return tuple(dict.fromkeys(ids))
