"""Sources travel with figures, and prose figures follow the rules' validity dates (code review D2, D3).

No source id is typed in code: every figure takes its source from the row it came from, and corroborating
sources are data (corroborations.csv). Rates, amounts and discount periods are read for the date asked.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from jamsostek import figures
from tests.conftest import ROOT

SOURCE_ID = re.compile(r"(S\d+[a-z]?|R-PP[\w-]+)")


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_source_id_is_typed_in_code():
    files = [*(ROOT / "jamsostek").rglob("*.py"), *(ROOT / "views").glob("*.py"), ROOT / "app.py"]
    typed = {
        f"{path.relative_to(ROOT)}: {text}" for path in files for text in _literals(path) if SOURCE_ID.fullmatch(text)
    }
    assert not typed


def test_the_scan_finds_a_typed_source_id(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('ui.source_line([figure.source_id, "S1b", "S1d"], lang)\n', encoding="utf-8")
    assert [t for t in _literals(sample) if SOURCE_ID.fullmatch(t)] == ["S1b", "S1d"]


def _with(package, **tables: pd.DataFrame):
    clone = copy.copy(package)
    for index in ("_also", "_sources", "_digest"):  # indexes and the cache key are of the original's content
        clone.__dict__.pop(index, None)
    clone.__dict__["tables"] = {**package.tables, **tables}
    clone.__dict__["files"] = {}
    return clone


def test_figures_take_their_sources_from_their_rows(package):
    figs = figures.figures(package, dt.date(2026, 11, 29))
    rules = package.rules.set_index("id")
    assert figs["lowest_income"].source_id == rules.at["lowest-income", "source_id"]
    jkk = package.contributions[package.contributions["programme"] == "jkk"].iloc[0]
    assert figs["jkk_max"].source_id == jkk["source_id"]  # the review found it cited to another source than its row
    assert figs["coverage_pct"].sources == ("S1a", "S1b", "S1d")  # the row's own, then corroborations.csv's
    extra = pd.DataFrame([{"resource": "coverage", "item": "kota-jambi 2024-09-10", "source_id": "S2"}])
    grown = _with(package, corroborations=pd.concat([package.corroborations, extra], ignore_index=True))
    assert "S2" in figures.figures(grown, dt.date(2026, 11, 29))["coverage_pct"].sources


def test_prose_figures_follow_rule_periods(package):
    """A new JKK period at 2% from 2027 changes the rate and the amount the prose states, together (D2)."""
    jkk = package.contributions[package.contributions["programme"] == "jkk"]
    old = jkk.assign(valid_to=[dt.date(2026, 12, 31)] * len(jkk))
    new = jkk.assign(rate_pct=pd.array([2.0] * len(jkk), dtype="Float64"), valid_from=[dt.date(2027, 1, 1)] * len(jkk))
    others = package.contributions[package.contributions["programme"] != "jkk"]
    grown = _with(package, contributions=pd.concat([others, old, new], ignore_index=True))
    before, after = figures.figures(grown, dt.date(2026, 11, 29)), figures.figures(grown, dt.date(2027, 2, 1))
    assert (before["jkk_rate_pct"].value, before["jkk_at_lowest"].value) == (1.0, 10000)
    assert (after["jkk_rate_pct"].value, after["jkk_at_lowest"].value) == (2.0, 20000)


def test_the_discount_in_the_prose_is_the_one_for_the_date(package):
    """Discount periods come from the date, not from a fixed id: a new period after PP 50/2025 is the one named."""
    later = package.discounts.iloc[[0]].assign(
        id="later", valid_from=[dt.date(2028, 1, 1)], valid_to=[dt.date(2028, 6, 30)], percent_off=[30.0]
    )
    grown = _with(package, discounts=pd.concat([package.discounts, later], ignore_index=True))
    assert figures.figures(grown, dt.date(2026, 11, 29))["discount_transport_until"].value == dt.date(2027, 3, 31)
    assert figures.figures(grown, dt.date(2027, 6, 1))["discount_transport_until"].value == dt.date(2027, 3, 31)
    running = figures.figures(grown, dt.date(2028, 2, 1))
    assert (running["discount_pct"].value, running["discount_transport_until"].value) == (30.0, dt.date(2028, 6, 30))
