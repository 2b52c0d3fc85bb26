"""Checks a Table Schema can't express: agreeing figures, no future dates, rules that don't overlap."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import combinations

import pandas as pd

from jamsostek.data.problems import AREAS, TOLERANCE_PP, Problem

FOREVER_START = dt.date.min
FOREVER_END = dt.date.max


def _row(index: int) -> int:
    return index + 2  # the header is row 1 of the file


def coverage_agrees(coverage: pd.DataFrame) -> list[Problem]:
    """covered / workforce must agree with coverage_pct within TOLERANCE_PP points."""
    problems = []
    for i, row in coverage.iterrows():
        if pd.isna(row["covered"]) or pd.isna(row["workforce"]):
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
    return " ".join(f"{sector}:{p}" for sector in sectors for p in row["programmes"].split())


def semantic_problems(tables: dict[str, pd.DataFrame], today: dt.date) -> list[Problem]:
    """All checks beyond the schema."""
    discounts = tables["discounts"].copy()
    discounts["key"] = [_discount_keys(row) for _, row in discounts.iterrows()]
    return (
        coverage_agrees(tables["coverage"])
        + no_future_dates(tables, today)
        + known_areas(tables)
        + safe_urls(tables["sources"])
        + periods_valid("contributions", tables["contributions"], "programme")
        + periods_valid("discounts", discounts, "key")
        + periods_valid("benefits", tables["benefits"], "id")
        + no_formula_text(tables)
        + no_control_characters(tables)
        + text_within_limits(tables)
        + periods_valid("rules", tables["rules"], "id")
    )
