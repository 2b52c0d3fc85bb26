"""Load and validate the data package: frictionless schemas plus the checks a schema can't make."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from jamsostek import clock
from jamsostek.data import checks
from jamsostek.data.problems import AREAS, DESCRIPTOR, TOLERANCE_PP, DataError, Need, Needs, Problem
from jamsostek.data.references import broken_references
from jamsostek.settings import BUNDLED_DATA_DIR, DATA_DIR

__all__ = [
    "AREAS",
    "BUNDLED_DATA_DIR",
    "DATA_DIR",
    "DESCRIPTOR",
    "TOLERANCE_PP",
    "DataError",
    "DataPackage",
    "Need",
    "Problem",
    "canonical_descriptor",
    "load",
    "read_tables",
    "validate",
]


@dataclass
class DataPackage:
    """The validated tables, each a DataFrame typed by its schema, and the raw bytes they were read from.

    ``files`` keeps every resource's bytes (about 60 KB), so downloads never read a folder that a live
    refresh may have removed; ``digest`` names the content, so caches survive a refresh that changed nothing.
    """

    directory: Path
    tables: dict[str, pd.DataFrame]
    files: dict[str, bytes] = field(default_factory=dict)
    loaded_at: dt.datetime = field(default_factory=clock.now)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def digest(self) -> str:
        """A short hash of the package's content (descriptor and every CSV)."""
        cached = self.__dict__.get("_digest")
        if cached is None:
            sha = hashlib.sha256()
            for name in sorted(self.files):
                sha.update(name.encode() + b"\0" + self.files[name] + b"\0")
            cached = self.__dict__["_digest"] = sha.hexdigest()[:16] if self.files else f"id-{id(self)}"
        return cached

    def source(self, source_id: str) -> dict:
        """One row of sources.csv as a dict (indexed once: a pandas filter per call dominated page runs)."""
        index = self.__dict__.get("_sources")
        if index is None:
            index = {row["id"]: row for row in self.tables["sources"].to_dict("records")}
            self.__dict__["_sources"] = index
        if source_id not in index:
            raise IndexError(f"unknown source {source_id!r}")
        return dict(index[source_id])

    def also(self, resource: str, item: str) -> tuple[str, ...]:
        """Corroborating sources of one row (corroborations.csv), keyed like the change log: ``coverage``,
        ``kota-jambi 2024-09-10``; ``targets``, ``kota-jambi-2024``; ``contributions``, ``jkk``."""
        index = self.__dict__.get("_also")
        if index is None:
            index = {}
            for row in self.tables["corroborations"].to_dict("records"):
                index.setdefault((row["resource"], row["item"]), []).append(row["source_id"])
            self.__dict__["_also"] = index
        return tuple(index.get((resource, item), ()))

    @property
    def as_of(self) -> dt.date:
        """When the package was last checked against its sources ("data as of"): ``checked`` in its descriptor.

        Not the newest date of any row: a figure from May 2025 checked in November 2026 is still the newest
        one found, and every figure shows its own date. A copy whose descriptor lacks a valid ``checked``
        falls back to the newest ``accessed`` date in sources.csv (when a source was last read).
        """
        try:
            return dt.date.fromisoformat(str(json.loads(self.files[DESCRIPTOR])["checked"]))
        except (KeyError, TypeError, ValueError):
            return max(self.tables["sources"]["accessed"])


def canonical_descriptor(data_dir: Path = BUNDLED_DATA_DIR) -> dict:
    """The schemas every copy of the package is checked against: the bundled descriptor."""
    return json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))


def _read_descriptor(directory: Path) -> tuple[dict | None, list[Problem]]:
    path = directory / DESCRIPTOR
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(DESCRIPTOR, None, None, "file is missing")]
    except UnicodeDecodeError:
        return None, [Problem(DESCRIPTOR, None, None, "file is not UTF-8 text")]
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, exc.lineno, None, f"broken JSON: {exc.msg}")]
    except RecursionError:
        return None, [Problem(DESCRIPTOR, None, None, "JSON nested too deeply to read")]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [Problem(DESCRIPTOR, None, "resources", "not a data package (no resources list)")]
    return descriptor, []


def _frictionless_problems(directory: Path, canonical: dict) -> list[Problem]:
    from frictionless import Package, system  # heavy (about 0.5 s to import): only when a package is validated

    problems: list[Problem] = []
    with system.use_context(trusted=False):
        report = Package(canonical, basepath=str(directory)).validate()
    for task in report.tasks:
        file = Path(task.place).name
        for error in task.errors:
            problems.append(Problem(file, getattr(error, "row_number", None), *_located(error)))
    for error in report.errors:
        problems.append(Problem(DESCRIPTOR, None, None, error.message))
    return problems


def _located(error) -> tuple[str | None, str]:
    """The field a frictionless error is about, and a message that says what was found."""
    field_name = getattr(error, "field_name", None)
    if not field_name:
        match = re.search(r'for "([^"]+)"', error.message)
        field_name = match.group(1) if match else None
    note = getattr(error, "note", "") or error.message
    cell = getattr(error, "cell", None)
    if cell is not None:
        note = f"value {cell!r}: {note}"
    if error.type == "missing-label":
        note = f"missing column {getattr(error, 'label', '') or field_name}"
    return field_name, f"{error.type}: {note}"


def _value(kind: str, text: str) -> object:
    if not text:
        return None
    if kind == "date":
        return dt.date.fromisoformat(text)
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return text.lower() in ("true", "1", "yes")
    return text


def _typed(frame: pd.DataFrame, schema: dict, strict: bool = True) -> pd.DataFrame:
    """Each column as its schema types it; not ``strict``: a value that does not parse becomes None."""
    for spec in schema["fields"]:
        name, kind = spec["name"], spec.get("type", "string")
        values = []
        for text in frame[name] if name in frame else []:
            try:
                values.append(_value(kind, text))
            except ValueError:
                if strict:
                    raise
                values.append(None)
        if kind == "integer":
            frame[name] = pd.array(values, dtype="Int64")
        elif kind == "number":
            frame[name] = pd.array(values, dtype="Float64")
        elif kind == "boolean":
            frame[name] = pd.Series(values, dtype=object)  # empty: not known (None), not False
        else:
            frame[name] = pd.Series(values, dtype=object)
    return frame


def read_files(directory: Path, canonical: dict) -> dict[str, bytes]:
    """The raw bytes of the descriptor and of every resource the canonical descriptor names."""
    names = [DESCRIPTOR] + [resource["path"] for resource in canonical["resources"]]
    return {name: (directory / name).read_bytes() for name in names}


def read_tables(directory: Path, canonical: dict, files: dict[str, bytes] | None = None) -> dict[str, pd.DataFrame]:
    """Every resource as a typed DataFrame (assumes the schema check passed)."""
    files = files or read_files(directory, canonical)
    tables = {}
    for resource in canonical["resources"]:
        raw = io.BytesIO(files[resource["path"]])
        frame = pd.read_csv(raw, dtype=str, keep_default_na=False, encoding="utf-8")
        tables[resource["name"]] = _typed(frame, resource["schema"])
    return tables


def readable_tables(directory: Path, canonical: dict) -> dict[str, pd.DataFrame]:
    """Every resource that can be read at all, typed leniently: the checks run on them even when the schema
    layer found problems, so a problem is reported in the file where it is, whatever else is wrong."""
    tables = {}
    for resource in canonical["resources"]:
        try:
            frame = pd.read_csv(directory / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8")
        except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError):
            continue  # missing, empty, not UTF-8 or not CSV: the schema layer names it
        if set(frame.columns) >= {field["name"] for field in resource["schema"]["fields"]}:
            tables[resource["name"]] = _typed(frame, resource["schema"], strict=False)
    return tables


def validate(directory: Path | str = DATA_DIR, today: dt.date | None = None, needs: Needs = ()) -> list[Problem]:
    """Every problem with the package in ``directory``, in one pass; an empty list means it is valid.

    Order: the files' own wrong values first, then where a broken reference probably comes from (in the file
    that changed), then the broken references themselves, then the checks beyond the schema and what the code
    needs (``needs``, see ``jamsostek.contract``). So the first line names the file a person edited.
    """
    directory = Path(directory)
    if not directory.is_dir():
        return [Problem(str(directory), None, None, "not a folder")]
    descriptor, problems = _read_descriptor(directory)
    if problems:
        return problems
    canonical = canonical_descriptor()
    listed = {r.get("name") for r in descriptor["resources"] if isinstance(r, dict)}
    for resource in canonical["resources"]:
        if resource["name"] not in listed:
            problems.append(Problem(DESCRIPTOR, None, "resources", f"resource {resource['name']!r} is missing"))
    schema = _frictionless_problems(directory, canonical)
    references = [p for p in schema if p.message.startswith("foreign-key")]
    tables = readable_tables(directory, canonical)
    problems += [p for p in schema if p not in references]
    problems += broken_references(tables, canonical) + references
    problems += checks.semantic_problems(tables, today or clock.today()) + checks.needs_met(tables, needs)
    return list(dict.fromkeys(problems))


def load(directory: Path | str = DATA_DIR, today: dt.date | None = None, needs: Needs = ()) -> DataPackage:
    """The validated package; raises ``DataError`` naming every problem."""
    directory = Path(directory)
    problems = validate(directory, today, needs)
    if problems:
        raise DataError(problems)
    canonical = canonical_descriptor()
    files = read_files(directory, canonical)
    return DataPackage(directory, read_tables(directory, canonical, files), files)
