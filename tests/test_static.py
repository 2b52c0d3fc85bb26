"""The light version: every page in both languages, small, valid, linked, accessible, same figures."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from jamsostek import figures, i18n, rules
from jamsostek.check import outcome
from jamsostek.exports import static
from tests.conftest import ROOT, run_page
from tests.live_helpers import PackageServer, package_copy, package_routes, replace_in

TODAY = dt.date(2026, 11, 29)  # a build day on or after the data was checked (no source accessed in the future)
BUDGET = 100 * 1024
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, package) -> Path:
    return static.build(tmp_path_factory.mktemp("light") / "site", package, base_url="https://example.org", today=TODAY)


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*/*.html"))


class StrictParser(HTMLParser):
    """Collects links and the problems a browser would silently repair: unclosed or stray tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.links: list[str] = []
        self.scripts = 0
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.links += [attrs[k] for k in ("href", "src") if attrs.get(k)]
        self.ids += [attrs["id"]] if attrs.get("id") else []
        self.scripts += tag == "script"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def parse(path: Path) -> StrictParser:
    parser = StrictParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_every_page_exists_in_both_languages(site):
    for lang in i18n.LANGUAGES:
        for page in static.LIGHT_PAGES:
            assert (site / lang / f"{page.light}.html").is_file()
    assert (site / "index.html").is_file()


def test_pages_are_small(site):
    css = (site / "style.css").stat().st_size
    for path in pages(site):
        size = path.stat().st_size + css
        assert size <= BUDGET, f"{path.relative_to(site)}: {size} bytes"


def test_html_parses_cleanly_without_script(site):
    for path in [*pages(site), site / "index.html"]:
        parser = parse(path)
        assert not parser.problems, f"{path.name}: {parser.problems}"
        assert not parser.stack or parser.stack == [], f"{path.name}: unclosed {parser.stack}"
        assert parser.scripts == 0
        assert len(parser.ids) == len(set(parser.ids)), f"{path.name}: duplicate ids"
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and ">nan<" not in text and "None" not in text


def test_html_lang_is_the_page_language(site):
    for lang in i18n.LANGUAGES:
        assert f'<html lang="{lang}">' in (site / lang / "index.html").read_text(encoding="utf-8")


def test_internal_links_and_downloads_resolve(site):
    for path in [*pages(site), site / "index.html"]:
        for link in parse(path).links:
            url = urlparse(link)
            if url.scheme or link.startswith("#"):
                continue
            target = (path.parent / url.path).resolve()
            assert target.exists(), f"{path.relative_to(site)} links to missing {link}"


def test_links_to_the_interactive_pages(site):
    text = (site / "id" / "manfaat.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/manfaat?lang=id"' in text
    assert 'href="../en/manfaat.html"' in text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_figures_equal_the_apps(site, package, lang, set_today):
    """The light home page shows the very strings the app's home page shows (both on the build day)."""
    set_today(TODAY)
    app = run_page("/", lang=lang)
    metric = app.metric[0].value
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    assert metric in home
    values = {k: figures.format_figure(f, lang) for k, f in figures.figures(package, TODAY).items()}
    for name in ("covered_workers", "workforce", "coverage_pct", "target_pct", "workers_needed", "coverage_as_of"):
        assert values[name] in home, name


def _cells(page: str) -> list[str]:
    """The cost table's cells as text (the first line of each: without JHT), in order."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [cell.split("<br>")[0] for cell in body.split("<td>")[1:]]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_cost_table_says_what_the_check_says_for_the_build_month(site, package, lang):
    """Same rules, same estimate marks, same discount words: each cell is the check's total for that answer."""
    page = (site / lang / "iuran.html").read_text(encoding="utf-8")
    low = rules.lowest_income(package)
    expected = []
    for work in rules.WORK_KINDS:
        for multiple in static.INCOME_MULTIPLES:
            quote = rules.quote(package, rules.Question(work, round(low * multiple), rules.CORE_PROGRAMMES, TODAY))
            if quote.eligible:
                expected.append(outcome.total_value(quote, package, lang))
    assert _cells(page) == expected
    for work in ("ojol", "umkm"):
        quote = rules.quote(package, rules.Question(work, low, rules.CORE_PROGRAMMES, TODAY))
        assert outcome.discount_text(quote, package, lang).split(",")[0].replace("**", "") in page.replace(
            "<strong>", ""
        ).replace("</strong>", "")


def test_cost_table_marks_estimates_and_words_the_discount_as_the_check_does(site):
    page = (site / "id" / "iuran.html").read_text(encoding="utf-8")
    cells = _cells(page)
    assert cells[0] == "Rp8.400" and cells[1] == "±\u00a0Rp10.900"  # ojol at 1 and 1.5 times the lowest level
    assert "± artinya kira-kira" in page and "sedikit" not in page
    assert (
        "Diskon 50%</strong> untuk iuran JKK (kecelakaan kerja) dan JKM (kematian), sampai bulan iuran Maret 2027"
        in page
    )
    assert "sampai bulan iuran Desember 2026" in page and "potongan" not in page.lower()
    assert "November 2026" in page
    assert "Karyawan bergaji tidak ikut sebagai peserta mandiri" in page and "didaftarkan oleh" not in page
    assert "[R-PP50]" in page and "[R-PP49-20]" not in page  # the sources of what the page names, no more


def test_cost_table_cell_equals_the_app_for_the_same_answers(site):
    cells = _cells((site / "en" / "iuran.html").read_text(encoding="utf-8"))
    app = run_page(
        "/cek-iuran", work="ojol", income="1500000", month="2026-11", programs="jkk,jkm", city_paid="0", lang="en"
    )
    assert app.metric[0].value == cells[1] == "about Rp10,900"


def test_build_on_bad_data_fails_and_keeps_the_old_output(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "marker.txt").write_text("previous build")
    bad = tmp_path / "data"
    shutil.copytree(ROOT / "data", bad)
    (bad / "coverage.csv").write_text("area,as_of\n")
    result = subprocess.run(
        [sys.executable, "-m", "jamsostek", "build-static", str(out), "--data-dir", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "coverage.csv" in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert (out / "marker.txt").read_text() == "previous build"


def test_rebuild_replaces_the_output(tmp_path, package):
    out = tmp_path / "site"
    static.build(out, package, today=TODAY)
    (out / "stale.txt").write_text("old")
    static.build(out, package, today=TODAY)
    assert not (out / "stale.txt").exists() and (out / "id" / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def _build_from(url: str, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jamsostek", "build-static", str(out), "--data-url", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_build_from_a_live_source(tmp_path):
    with PackageServer() as server:
        server.routes.update(package_routes(package_copy(tmp_path / "pkg")))
        result = _build_from(server.url(), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "46%" in (tmp_path / "site" / "id" / "cakupan.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("breakage", ["bad value", "404"])
def test_build_from_a_broken_live_source_keeps_the_old_output(tmp_path, breakage):
    out = tmp_path / "site"
    out.mkdir()
    (out / "marker.txt").write_text("previous build")
    with PackageServer() as server:
        server.routes.update(package_routes(package_copy(tmp_path / "pkg")))
        if breakage == "bad value":
            replace_in(server.routes, "/pkg/coverage.csv", "2024-09-10,50,", "2024-09-10,500,")
        else:
            del server.routes["/pkg/coverage.csv"]
        result = _build_from(server.url(), out)
    assert result.returncode == 1
    expected = "coverage.csv, row 3, field coverage_pct" if breakage == "bad value" else "404"
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == ["marker.txt"]


def test_verify_finds_broken_output(site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    assert static.verify(copy) == []
    (copy / "en" / "data.html").unlink()
    (copy / "id" / "index.html").write_text('<a href="nowhere.html">x</a> {{ figure }}', encoding="utf-8")
    problems = static.verify(copy)
    assert "en/data.html is missing" in problems
    assert any("unfilled placeholder" in p for p in problems)
    assert any("nowhere.html" in p for p in problems)
