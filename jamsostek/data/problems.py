"""What can be wrong with a data package: one ``Problem`` per file, row and field; the areas the site knows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

AREAS = ("kota-jambi", "prov-jambi", "indonesia")
TOLERANCE_PP = 1.0  # covered/workforce may differ from coverage_pct by rounding in the sources
DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located by file, row (file line, header = 1) and field."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}"


class DataError(Exception):
    """The data package is not valid; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Need:
    """A row the code relies on: in ``table``, a row whose ``column`` is ``value``; ``why`` names who needs it.

    Declared next to the code that uses the row (``NEEDS`` in that module, collected by ``jamsostek.contract``),
    and checked by the validator like a schema rule, so a copy of the data that lacks it is refused.
    """

    table: str
    column: str
    value: str
    why: str


Needs = Sequence[Need]
