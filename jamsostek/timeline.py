"""What holds on a date: each sector's discount (in force, ended or to come), and which prose sections a page shows.

Pages hold every variant of a sentence that depends on the date ("the discount runs until ...", "the discount
ended in ..."); this module picks the ones true on the day, for the app and the light version alike. Every
date comes from the data's validity periods (``rules.discount_on``), never from a fixed discount id.
"""

from __future__ import annotations

import datetime as dt

from jamsostek import coverage, rules
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package

TRANSPORT = rules.TRANSPORT_EXAMPLE  # the kind of work the home page quotes
# The example of "other work" (not transport, not a wage employee): the first such kind in rules.WORK_KINDS.
OTHER = next(w for w in rules.WORK_KINDS if rules.sector(w) == "other" and w not in rules.EMPLOYEE_WORK)
STATES = ("in-force", "ended", "upcoming", "none")

# Sections a page shows only on some dates; every other section is always shown.
OPTIONAL = {
    "home": (
        "cost-discount",
        "cost-normal",
        "transport-ended",
        "transport-upcoming",
        "other-in-force",
        "other-ended",
        "other-upcoming",
        "cost-basis",
        "gap-current",
        "gap-past",
        "base-break",
        "target-newest",
    ),
    "coverage": (
        "break",
        "gap-current",
        "gap-past",
        "gap-none",
        "target-newest",
        "national-target",
        "live",
    ),
}


def discount(package: DataPackage, work: str, on: dt.date) -> tuple[str, dict | None]:
    """The discount for this kind of work on a date: in force; else the last one that ended; else the next one."""
    now = rules.discount_on(package, work, on)
    if now is not None:
        return "in-force", now
    periods = rules.discount_periods(package, work)
    ended = sorted((d for d in periods if d["valid_to"] < on), key=lambda d: d["valid_to"])
    if ended:
        return "ended", ended[-1]
    upcoming = sorted((d for d in periods if d["valid_from"] > on), key=lambda d: d["valid_from"])
    return ("upcoming", upcoming[0]) if upcoming else ("none", None)


def _home_sections(package: DataPackage, on: dt.date) -> set[str]:
    transport, _row = discount(package, TRANSPORT, on)
    other, _row = discount(package, OTHER, on)
    shown = {"cost-discount" if transport == "in-force" else "cost-normal"}
    if transport in ("ended", "upcoming"):
        shown.add(f"transport-{transport}")
    if other != "none":
        shown.add(f"other-{other}")
    if transport in ("in-force", "upcoming"):
        shown.add("cost-basis")
    return shown | _target_sections(package, on, with_none=False)


def _target_sections(package: DataPackage, on: dt.date, with_none: bool = True) -> set[str]:
    found = coverage.gap(package, coverage.CITY, on)
    shown = set()
    if found is not None:
        shown.add("gap-past" if found.past else "gap-current")
    elif with_none:
        shown.add("gap-none")
    newest = coverage.newest_target(package, coverage.CITY)
    if newest is not None and (found is None or newest.id != found.target.id):
        shown.add("target-newest")
    latest = coverage.newest(package, coverage.CITY)
    if found is not None and latest is not None and latest.known_basis != found.observation.known_basis:
        shown |= {"base-break", "break"}  # the newest figure is on another base than the gap's: say it is no fall
    return shown


def _coverage_sections(package: DataPackage, on: dt.date, live: bool) -> set[str]:
    shown = _target_sections(package, on)
    if coverage.current_target(package, "indonesia", on) is not None:
        shown.add("national-target")
    return shown | ({"live"} if live else set())


@per_package(maxsize=32)
def hidden_sections(package: DataPackage, page: str, on: dt.date, live: bool = False) -> frozenset[str]:
    """The optional sections of a page's content that do not hold on this date (``live``: the self-updating screen)."""
    if page == "home":
        shown = _home_sections(package, on)
    elif page == "coverage":
        shown = _coverage_sections(package, on, live)
    else:
        shown = set()
    return frozenset(set(OPTIONAL.get(page, ())) - shown)


def shown_sections(sections: dict[str, str], hidden: frozenset[str]) -> list[str]:
    """The names of a page's sections to show, in the page's own order."""
    return [name for name in sections if name not in hidden]
