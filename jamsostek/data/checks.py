"""Checks a Table Schema can't express: agreeing figures, real dates, finite numbers, rules that don't overlap,
and the rows the code needs. Each runs on every table that could be read, whatever else is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import combinations

import pandas as pd

from jamsostek.data.problems import AREAS, TOLERANCE_PP, Needs, Problem

FOREVER_START = dt.date.min
FOREVER_END = dt.date.max
LARGEST = 1e12  # no figure, amount or count on this site comes near a trillion; 1e308 and Infinity are mistakes
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Which rows need a value in which column: (table, column deciding, its values, the column that must be filled).
VALUES_NEEDED = (
    ("contributions", "method", ("rate",), "rate_pct"),
    ("contributions", "method", ("flat",), "amount"),
    ("benefits", "kind", ("amount", "percent-of-income", "multiple-of-income", "count", "years", "months"), "value"),
)


def _row(index: int) -> int:
    return index + 2  # the header is row 1 of the file


def coverage_agrees(coverage: pd.DataFrame) -> list[Problem]:
    """covered / workforce must agree with coverage_pct within TOLERANCE_PP points."""
    problems = []
    for i, row in coverage.iterrows():
        if pd.isna(row["covered"]) or pd.isna(row["workforce"]) or pd.isna(row["coverage_pct"]):
            continue
        if row["covered"] > row["workforce"]:
            problems.append(Problem("coverage.csv", _row(i), "covered", "covered is larger than workforce"))
            continue
        computed = 100 * row["covered"] / row["workforce"]
        if abs(computed - row["coverage_pct"]) > TOLERANCE_PP:
            problems.append(
                Problem(
                    "coverage.csv",
                    _row(i),
                    "coverage_pct",
                    f"{row['coverage_pct']} does not agree with covered/workforce = {computed:.2f}",
                )
            )
    return problems


def no_future_dates(tables: dict[str, pd.DataFrame], today: dt.date) -> list[Problem]:
    """Observations and access dates can't be later than today."""
    problems = []
    for table, column in (("coverage", "as_of"), ("figures", "as_of"), ("sources", "accessed")):
        for i, value in enumerate(tables[table][column]):
            if value is not None and value > today:
                problems.append(Problem(f"{table}.csv", _row(i), column, f"{value} is in the future"))
    return problems


def known_areas(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every area is one the site knows how to name."""
    problems = []
    for table in ("coverage", "targets", "figures", "notes"):
        for i, value in enumerate(tables[table]["area"]):
            if value not in AREAS:
                problems.append(Problem(f"{table}.csv", _row(i), "area", f"unknown area {value!r}"))
    return problems


SAFE_URL = re.compile(r"https?://[^\s()<>\[\]]+")


def safe_urls(sources: pd.DataFrame) -> list[Problem]:
    """Links are plain http(s) addresses, so they can't run script or break a Markdown link."""
    problems = []
    for i, url in enumerate(sources["url"]):
        if url is not None and not SAFE_URL.fullmatch(url):
            problems.append(Problem("sources.csv", _row(i), "url", f"{url!r} is not a plain http(s) address"))
    for i, (url, reference) in enumerate(zip(sources["url"], sources["reference"], strict=True)):
        if not url and not reference:
            problems.append(Problem("sources.csv", _row(i), "url", "a source needs a url or a regulation reference"))
    return problems


def _period(row: pd.Series) -> tuple[dt.date, dt.date]:
    start = row.get("valid_from") or FOREVER_START
    end = row.get("valid_to") or FOREVER_END
    return start, end


def periods_valid(table: str, frame: pd.DataFrame, group_by: str) -> list[Problem]:
    """Each rule's period runs forwards, and rows for the same thing don't overlap."""
    problems = []
    for i, row in frame.iterrows():
        start, end = _period(row)
        if start > end:
            problems.append(Problem(f"{table}.csv", _row(i), "valid_to", "valid_to is before valid_from"))
    keyed = [(i, key, _period(row)) for i, row in frame.iterrows() for key in str(row[group_by]).split()]
    for (i, key_a, (a0, a1)), (j, key_b, (b0, b1)) in combinations(keyed, 2):
        if key_a == key_b and a0 <= b1 and b0 <= a1:
            problems.append(
                Problem(f"{table}.csv", _row(j), "valid_from", f"period overlaps row {_row(i)} for {key_a!r}")
            )
    return problems


def real_partial_dates(sources: pd.DataFrame) -> list[Problem]:
    """``published`` is a real year, month or day (``2024-13`` or ``2024-02-30`` are typos, not dates)."""
    problems = []
    for i, text in enumerate(sources["published"]):
        match = PARTIAL_DATE.fullmatch(text or "")
        if text is None or not match:
            continue  # empty is allowed; another shape is the schema's to report
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            real = 1900 <= year <= 2100 and dt.date(year, month, day)
        except ValueError:
            real = False
        if not real:
            problems.append(Problem("sources.csv", _row(i), "published", f"{text!r} is not a real date"))
    return problems


def finite_numbers(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every number is finite and of a size the site can show (no ``Infinity``, no ``1e308``)."""
    problems = []
    for name, frame in tables.items():
        for column in frame.columns:
            if str(frame[column].dtype) not in ("Float64", "Int64"):
                continue
            for i, value in enumerate(frame[column]):
                if not pd.isna(value) and not abs(float(value)) < LARGEST:
                    problems.append(
                        Problem(f"{name}.csv", _row(i), column, f"{value} is not a number the site can show")
                    )
    return problems


def values_where_needed(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rows whose kind needs a number have it (a rate for a rate, an amount for a flat contribution, ...)."""
    problems = []
    for table, decider, kinds, column in VALUES_NEEDED:
        frame = tables[table]
        for i, (kind, value) in enumerate(zip(frame[decider], frame[column], strict=True)):
            if kind in kinds and pd.isna(value):
                problems.append(Problem(f"{table}.csv", _row(i), column, f"a {decider} {kind!r} row needs a {column}"))
    return problems


def needs_met(tables: dict[str, pd.DataFrame], needs: Needs) -> list[Problem]:
    """Every row the code relies on is there (see ``jamsostek.contract``)."""
    problems = []
    for need in needs:
        frame = tables.get(need.table)
        if frame is None or need.column not in frame:
            continue  # the file could not be read: the schema layer said why
        if not (frame[need.column].astype(str) == need.value).any():
            message = f"no row with {need.column} {need.value!r}, which the site needs: {need.why}"
            problems.append(Problem(f"{need.table}.csv", None, need.column, message))
    return problems


# Cells a spreadsheet runs as a formula (OWASP, "CSV injection"); a plain number is a number, not a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# Characters a text field may hold: the longest real values are a third of these (titles 148, notes 131).
TEXT_LIMIT = 300
TEXT_LIMITS = {"note_id": 1000, "note_en": 1000, "text_id": 1000, "text_en": 1000, "url": 2000}


def formula_like(text: str) -> bool:
    """Whether a spreadsheet opening this cell would run it: it starts with = + - @, a tab or CR, and is no number."""
    return text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text)


def _texts(tables: dict[str, pd.DataFrame]) -> Iterator[tuple[str, int, str, str]]:
    """Every text cell (the string fields of every table): file, row, field, text."""
    for name, frame in tables.items():
        for column in frame.columns:
            for i, value in enumerate(frame[column]):
                if isinstance(value, str):
                    yield f"{name}.csv", _row(i), column, value


def no_formula_text(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """No text that a spreadsheet would run: the CSVs the site publishes are opened in one."""
    return [
        Problem(file, row, field, f"text starting with {text[:1]!r} would run as a formula in a spreadsheet")
        for file, row, field, text in _texts(tables)
        if formula_like(text)
    ]


CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def no_control_characters(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """No tab, line break or other control character in text: a CR would start a new row in a spreadsheet."""
    return [
        Problem(file, row, field, f"text holds the control character {CONTROL.search(text).group()!r}")
        for file, row, field, text in _texts(tables)
        if CONTROL.search(text)
    ]


def text_within_limits(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """No text longer than its field may hold: a 4 MB title would be sent with every page."""
    problems = []
    for file, row, field, text in _texts(tables):
        limit = TEXT_LIMITS.get(field, TEXT_LIMIT)
        if len(text) > limit:
            problems.append(Problem(file, row, field, f"{len(text)} characters, more than the {limit} it may hold"))
    return problems


SECTORS = ("transport", "other")  # "all" in discounts.csv means both


def _discount_keys(row: pd.Series) -> str:
    """A discount's keys for the overlap check: each sector it covers with each programme (``transport:jkk``)."""
    sectors = SECTORS if row["sector"] == "all" else (row["sector"],)
    return " ".join(f"{sector}:{p}" for sector in sectors for p in (row["programmes"] or "").split())


def _keyed_discounts(discounts: pd.DataFrame) -> pd.DataFrame:
    return discounts.assign(key=[_discount_keys(row) for _, row in discounts.iterrows()])


# (the tables a check reads, the check): each runs when its tables could be read.
CHECKS = (
    (("coverage",), lambda t, today: coverage_agrees(t["coverage"])),
    (("coverage", "figures", "sources"), no_future_dates),
    (("coverage", "targets", "figures", "notes"), lambda t, today: known_areas(t)),
    (("sources",), lambda t, today: safe_urls(t["sources"]) + real_partial_dates(t["sources"])),
    ((), lambda t, today: finite_numbers(t)),
    (("contributions", "benefits"), lambda t, today: values_where_needed(t)),
    (("contributions",), lambda t, today: periods_valid("contributions", t["contributions"], "programme")),
    (("discounts",), lambda t, today: periods_valid("discounts", _keyed_discounts(t["discounts"]), "key")),
    (("benefits",), lambda t, today: periods_valid("benefits", t["benefits"], "id")),
    (("rules",), lambda t, today: periods_valid("rules", t["rules"], "id")),
    ((), lambda t, today: no_formula_text(t) + no_control_characters(t) + text_within_limits(t)),
)


def semantic_problems(tables: dict[str, pd.DataFrame], today: dt.date) -> list[Problem]:
    """All checks beyond the schema, on the tables that could be read."""
    problems = []
    for needed, check in CHECKS:
        if all(name in tables for name in needed):
            problems += check(tables, today)
    return problems
