"""Where a broken reference probably comes from: the row of the referenced file that was renamed or changed.

Frictionless reports a broken foreign key in the file that refers (``notes.csv`` cannot find coverage row
``kota-jambi, 2024-09-10``). The person usually edited the other file. This module looks there: a row that
nothing refers to and that matches the missing key in all but one field is the likely change.
"""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

import pandas as pd

from jamsostek.data.problems import Problem

Key = tuple[str, ...]


def _fields(names: str | list[str]) -> list[str]:
    return [names] if isinstance(names, str) else list(names)


def _keys(frame: pd.DataFrame, fields: list[str]) -> list[Key | None]:
    """Each row's key as text; None for a row with an empty key field."""
    rows = zip(*(frame[f] for f in fields), strict=True)
    return [None if any(v is None or v is pd.NA for v in row) else tuple(str(v) for v in row) for row in rows]


def _links(tables: dict[str, pd.DataFrame], canonical: dict) -> list[tuple[str, list[str], str, list[str]]]:
    """(referring table, its fields, referenced table, its fields) for every foreign key both sides of which read."""
    links = []
    for resource in canonical["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"]
            if resource["name"] in tables and target in tables:
                links.append((resource["name"], _fields(fk["fields"]), target, _fields(fk["reference"]["fields"])))
    return links


def _likely_change(frame: pd.DataFrame, fields: list[str], missing: Key, referenced: set[Key]) -> tuple | None:
    """The one unreferenced row closest to ``missing`` (all fields but one equal): (row index, field), or None."""
    scored = []
    for index, key in enumerate(_keys(frame, fields)):
        if key is None or key in referenced:
            continue
        differing = [i for i, (a, b) in enumerate(zip(key, missing, strict=True)) if a != b]
        if len(differing) == 1:
            i = differing[0]
            scored.append((SequenceMatcher(None, key[i], missing[i]).ratio(), index, fields[i]))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None  # nothing close, or several equally close: name the file, not a row
    return scored[0][1], scored[0][2]


def _where(referrers: list[tuple[str, int]]) -> str:
    """``notes.csv row 2 refers`` or ``4 rows (coverage.csv row 3, targets.csv row 2, ...) refer``."""
    if len(referrers) == 1:
        return f"{referrers[0][0]}.csv row {referrers[0][1]} refers"
    first = ", ".join(f"{table}.csv row {row}" for table, row in referrers[:3])
    return f"{len(referrers)} rows ({first}{', ...' if len(referrers) > 3 else ''}) refer"


def broken_references(tables: dict[str, pd.DataFrame], canonical: dict) -> list[Problem]:
    """A problem in the referenced file for each key that rows refer to but no row has, at its likely change."""
    missing: dict[tuple[str, tuple[str, ...], Key], list[tuple[str, int]]] = defaultdict(list)
    referenced: dict[tuple[str, tuple[str, ...]], set[Key]] = defaultdict(set)
    for source, fields, target, target_fields in _links(tables, canonical):
        have = set(_keys(tables[target], target_fields))
        for index, key in enumerate(_keys(tables[source], fields)):
            if key is None:
                continue
            referenced[(target, tuple(target_fields))].add(key)
            if key not in have:
                missing[(target, tuple(target_fields), key)].append((source, index + 2))
    problems = []
    for (target, fields, key), referrers in missing.items():
        shown = ", ".join(key)
        change = _likely_change(tables[target], list(fields), key, referenced[(target, fields)])
        if change is None:
            message = f"no row has {', '.join(fields)} {shown!r}, which {_where(referrers)} to: renamed or removed?"
            problems.append(Problem(f"{target}.csv", None, ", ".join(fields), message))
        else:
            index, field = change
            value = tables[target].iloc[index][field]
            message = f"{value!s} here, but {_where(referrers)} to {shown!r}: was this row changed?"
            problems.append(Problem(f"{target}.csv", index + 2, field, message))
    return problems
