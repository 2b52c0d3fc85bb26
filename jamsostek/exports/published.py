"""What the site publishes as files: the package's own CSVs, safe in a spreadsheet, and the bundled descriptor."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import pandas as pd

from jamsostek.data import DESCRIPTOR, DataPackage, canonical_descriptor
from jamsostek.data.checks import formula_like
from jamsostek.settings import BUNDLED_DATA_DIR


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows instead of running: a formula-like text gets a leading ``'`` (OWASP).

    Numbers are never changed (``-5`` stays a number); nor is any other text.
    """
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def _line_end(cells: Iterable[object]) -> str:
    """``\n``, or ``\r\n`` when a cell holds a CR: Python's csv quotes such a cell only when CR ends lines,
    and an unquoted CR starts a new row in a spreadsheet (where the next cell could be a formula)."""
    return "\r\n" if any(isinstance(cell, str) and "\r" in cell for cell in cells) else "\n"


def frame_csv(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with every cell safe."""
    safe = frame.map(safe_cell)
    return safe.to_csv(index=False, lineterminator=_line_end(safe.to_numpy().ravel())).encode("utf-8")


def resource_csv(raw: bytes) -> bytes:
    """One of the package's CSVs as published: the same bytes unless a cell must be made safe.

    The validator already refuses formula-like text, so this rewrites only a package that bypassed it.
    """
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if not any(formula_like(cell) for row in rows for cell in row):
        return raw
    out = io.StringIO(newline="")
    end = _line_end(cell for row in rows for cell in row)
    csv.writer(out, lineterminator=end).writerows([[safe_cell(cell) for cell in row] for row in rows])
    return out.getvalue().encode("utf-8")


def package_files(package: DataPackage) -> dict[str, bytes]:
    """Exactly the files a download or the light version carries, by name: nothing a live source added.

    The descriptor is the bundled one (the schemas the site checked the data against), never the
    live one, which may name remote resources or other types; the CSVs are those it names.
    """
    files = {DESCRIPTOR: (BUNDLED_DATA_DIR / DESCRIPTOR).read_bytes()}
    for resource in canonical_descriptor()["resources"]:
        files[resource["path"]] = resource_csv(package.files[resource["path"]])
    return files
