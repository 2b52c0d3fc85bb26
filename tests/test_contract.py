"""The data contract: copies of data/ that pass the schema but lack what the code needs are refused, naming the
file; copies from which a page cannot be built are refused too; the validator reports every problem in one pass,
in the file where it is; a download still works after a live refresh removed the package's folder."""

from __future__ import annotations

import ast
import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from jamsostek import charts, contract, data
from jamsostek.data import live
from jamsostek.exports import files
from tests.conftest import ROOT, SITE_TODAY
from tests.live_helpers import PackageServer, package_routes

BUNDLED = data.BUNDLED_DATA_DIR


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    return target


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edit(directory: Path, table: str, column: str, value: str, how: str) -> None:
    """Remove every row of ``table`` whose ``column`` is ``value``, or rename that value."""
    header, rows = _rows(directory / f"{table}.csv")
    if how == "remove":
        rows = [row for row in rows if row[column] != value]
    else:
        rows = [row | ({column: value + "-renamed"} if row[column] == value else {}) for row in rows]
    _write(directory / f"{table}.csv", header, rows)


NEEDS = [(n.table, n.column, n.value) for n in contract.NEEDS]


@pytest.mark.parametrize("how", ["remove", "rename"])
@pytest.mark.parametrize(("table", "column", "value"), NEEDS, ids=[f"{t}:{v}" for t, _c, v in NEEDS])
def test_a_copy_without_what_the_code_needs_is_refused_naming_the_file(copy, table, column, value, how):
    _edit(copy, table, column, value, how)
    problems = contract.validate(copy, SITE_TODAY)
    assert problems, f"{table}.csv without {column}={value!r} was accepted"
    assert any(p.file == f"{table}.csv" for p in problems), [str(p) for p in problems]


def _source_ids() -> list[str]:
    return [row["id"] for row in _rows(BUNDLED / "sources.csv")[1]]


@pytest.mark.parametrize("source_id", _source_ids())
def test_a_copy_without_a_source_is_refused_naming_sources_or_serves_every_page(copy, source_id):
    _edit(copy, "sources", "id", source_id, "remove")
    problems = contract.validate(copy, SITE_TODAY)
    if problems:  # a row refers to it: sources.csv is named first
        assert problems[0].file == "sources.csv", [str(p) for p in problems]
    else:  # nothing refers to it: every page builds without it
        assert contract.builds(data.load(copy), SITE_TODAY) == []


MUTATIONS = [
    # (file, old text, new text, file, field named): valid for the schema, impossible for the site
    ("sources.csv", ",2024-09-10,2026-11-23,news", ",2024-13,2026-11-23,news", "sources.csv", "published"),
    ("sources.csv", ",2024-09-10,2026-11-23,news", ",2024-02-30,2026-11-23,news", "sources.csv", "published"),
    ("sources.csv", ",2024-09-10,2026-11-23,news", ",0000,2026-11-23,news", "sources.csv", "published"),
    ("rules.csv", "lowest-income,1000000,", "lowest-income,Infinity,", "rules.csv", "value"),
    ("rules.csv", "lowest-income,1000000,", "lowest-income,1e308,", "rules.csv", "value"),
    ("contributions.csv", "jkk,rate,1,", "jkk,rate,,", "contributions.csv", "rate_pct"),
    ("contributions.csv", "jkm,flat,,6800,", "jkm,flat,,,", "contributions.csv", "amount"),
    ("benefits.csv", "jkm-total,jkm,amount,42000000,", "jkm-total,jkm,amount,,", "benefits.csv", "value"),
]


@pytest.mark.parametrize(("file", "old", "new", "where", "field"), MUTATIONS)
def test_values_the_pages_cannot_show_are_refused(copy, file, old, new, where, field):
    text = (copy / file).read_text(encoding="utf-8")
    assert old in text
    (copy / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = contract.validate(copy, SITE_TODAY)
    assert any(p.file == where and p.field == field for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ("kota-jambi,2024-09-11,50,", "2024-09-11"),  # a valid date, but not the one notes.csv refers to
        ("kota-jambi,2024-09-1O,50,", "2024-09-1O"),  # a typo the schema refuses
    ],
)
def test_a_wrong_value_in_coverage_is_reported_first_in_coverage(copy, new, words):
    text = (copy / "coverage.csv").read_text(encoding="utf-8")
    (copy / "coverage.csv").write_text(text.replace("kota-jambi,2024-09-10,50,", new, 1), encoding="utf-8")
    problems = data.validate(copy, SITE_TODAY)
    first = problems[0]
    assert (first.file, first.row, first.field) == ("coverage.csv", 3, "as_of"), [str(p) for p in problems]
    assert words in str(first)
    assert any(p.file == "notes.csv" for p in problems)  # the broken reference is still reported, after


def test_every_file_is_checked_even_when_another_fails_the_schema(copy):
    (copy / "targets.csv").write_text("area,year\n", encoding="utf-8")  # a broken file ...
    text = (copy / "coverage.csv").read_text(encoding="utf-8")  # ... and a disagreement elsewhere
    (copy / "coverage.csv").write_text(text.replace("50,150000,300000", "50,250000,300000", 1), encoding="utf-8")
    problems = data.validate(copy, SITE_TODAY)
    assert any(p.file == "targets.csv" for p in problems)
    assert any(p.file == "coverage.csv" and p.field == "coverage_pct" and "agree" in p.message for p in problems)


def test_a_page_that_cannot_be_built_refuses_the_data(package, monkeypatch):
    from jamsostek import charts

    def broken(*args, **kwargs):
        raise KeyError("a column the chart needs")

    monkeypatch.setattr(charts, "view", broken)
    problems = contract.builds(package, SITE_TODAY)
    assert len(problems) == 1 and "cannot be built" in problems[0].message and "KeyError" in problems[0].message


def test_the_live_source_never_adopts_a_copy_the_contract_refuses(copy, package):
    """Schema-valid but lacking a row the code needs: the bundled data stays, and the status line says why."""
    _edit(copy, "rules", "id", "lowest-income", "remove")
    assert data.validate(copy, SITE_TODAY) == []  # the schema alone would let it through
    with PackageServer() as server:
        server.routes.update(package_routes(copy))
        source = live.LiveSource(server.url(), 600, lambda: package, load=contract.load)
        source.refresh()
    status = source.status()
    assert source.package() is package and status.source == "bundled"
    assert status.error_kind == live.INVALID and "rules.csv" in (status.error or "")


def test_a_download_after_a_live_refresh_needs_no_folder(package, tmp_path):
    """A refresh deletes the previous copy's folder; the data ZIP is built from the bytes loaded with it."""
    folder = tmp_path / "jamsostek-live-old" / "data"
    shutil.copytree(BUNDLED, folder)
    old = data.load(folder)
    shutil.rmtree(folder.parent)  # what LiveSource._finish does to the last copy after a good refresh
    archive = zipfile.ZipFile(io.BytesIO(files.data_zip(old, "id")))
    names = {Path(name).name for name in archive.namelist()}
    assert {"coverage.csv", "sources.csv", "datapackage.json", "README.md"} <= names
    assert archive.read(f"{files.ZIP_FOLDER}/coverage.csv") == (BUNDLED / "coverage.csv").read_bytes()


def test_every_module_that_declares_needs_is_in_the_contract():
    declaring = set()
    for path in (ROOT / "jamsostek").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(
            isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "NEEDS" for t in n.targets) for n in tree.body
        ):
            declaring.add(path.relative_to(ROOT / "jamsostek").with_suffix("").as_posix().replace("/", "."))
    declaring.discard("contract")
    source = (ROOT / "jamsostek" / "contract.py").read_text(encoding="utf-8")
    for module in declaring:
        assert f"{module.rsplit('.', 1)[-1]}.NEEDS" in source, f"{module}.NEEDS is not collected in contract.py"


@pytest.mark.parametrize("area", ["prov-jambi", "indonesia"])
def test_a_copy_without_an_area_is_refused_naming_the_rows_or_builds_every_page(copy, area):
    """Without the province's or the nation's rows, the data is refused naming each row the prose needs (figures.csv,
    statements.csv ...), or every page builds without them."""
    for path in copy.glob("*.csv"):
        header, rows = _rows(path)
        if "area" in header:
            _write(path, header, [row for row in rows if row["area"] != area])
    problems = contract.validate(copy, SITE_TODAY)
    package = data.load(copy)
    if problems:
        assert all(p.file.endswith(".csv") and p.field == "id" for p in problems), [str(p) for p in problems]
        assert all("the prose needs" in p.message for p in problems)
    else:
        assert contract.builds(package, SITE_TODAY) == []
        assert all(charts.view(chart, package, "en", today=SITE_TODAY).takeaway for chart in charts.CHART_IDS)
