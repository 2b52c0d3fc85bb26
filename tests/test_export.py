"""Exports: every chart as PNG (exact size), SVG (with its source) and PDF in both languages; the share card;
the data package ZIP (valid when unzipped); the export-chart command line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

import pytest

from jamsostek import charts, data, i18n
from jamsostek.__main__ import main
from jamsostek.exports import card
from jamsostek.exports import files as export
from tests.conftest import ROOT

LANGS = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_png_for_slides_is_exactly_1920_by_1080(package, chart_id, lang):
    png = export.chart_file(package, chart_id, lang, "png", export.SLIDE)
    assert export.png_size(png) == export.SLIDE


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_svg_carries_title_source_and_date(package, chart_id, lang):
    view = export.chart_view(package, chart_id, lang)
    svg = export.chart_file(package, chart_id, lang, "svg", export.SLIDE).decode("utf-8")
    assert svg.startswith("<svg") and 'width="1920" height="1080"' in svg
    for source_id in view.source_ids:
        publisher = package.source(source_id)["publisher"]
        assert publisher.replace("&", "&amp;") in svg, publisher
        assert f"[{source_id}]" in svg
    assert i18n.when(view.as_of, view.as_of_precision, lang) in svg


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_pdf_is_a_pdf(package, chart_id, lang):
    pdf = export.chart_file(package, chart_id, lang, "pdf", export.SLIDE)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_page_png_is_twice_the_column_width(package):
    png = export.chart_file(package, "history", "id", "png", export.PAGE_2X, 2)
    assert export.png_size(png) == export.PAGE_2X


@pytest.mark.parametrize("size", [(1280, 720), (1000, 563), (800, 800)])
def test_png_lands_on_odd_sizes_too(package, size):
    assert export.png_size(export.chart_file(package, "areas", "en", "png", size)) == size


def test_numbers_in_the_svg_follow_the_language(package):
    svg_id = export.chart_file(package, "covered", "id", "svg").decode()
    svg_en = export.chart_file(package, "covered", "en", "svg").decode()
    assert "150.000" in svg_id and "150,000" not in svg_id
    assert "150,000" in svg_en


def test_conversions_are_cached_per_package_content(package):
    """A performance guard: a render is made once per package content, chart, language, format and size."""
    first = export.chart_file(package, "gap", "id", "png", export.SLIDE)
    assert export.chart_file(package, "gap", "id", "png", export.SLIDE) is first
    reloaded = data.load()  # a new load of the same content (a live refresh that changed nothing) keeps the cache
    assert reloaded.digest == package.digest
    assert export.chart_file(reloaded, "gap", "id", "png", export.SLIDE) is first


def test_csv_is_exactly_what_is_plotted(package):
    for chart_id in charts.CHART_IDS:
        view = export.chart_view(package, chart_id, "id")
        csv = export.chart_csv(package, chart_id, "id").decode("utf-8")
        assert csv == view.data.to_csv(index=False)
        assert len(csv.strip().splitlines()) == len(view.data) + 1


def test_unknown_chart_and_format_are_refused(package):
    with pytest.raises(export.ExportError, match="progress, covered"):
        export.chart_file(package, "pie", "id", "png")
    with pytest.raises(export.ExportError, match="unknown format"):
        export.chart_file(package, "progress", "id", "gif")


@pytest.mark.parametrize("text", ["", "1920", "axb", "1920x1080x3", "10x10", "99999x10", "-5x10"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(export.ExportError):
        export.parse_size(text)


def test_sizes_and_extensions_are_read():
    assert export.parse_size(" 1920X1080 ") == (1920, 1080)
    assert export.format_of("report/Progress.SVG") == "svg"
    with pytest.raises(export.ExportError):
        export.format_of("chart.jpeg")


@pytest.mark.parametrize("lang", LANGS)
def test_share_card_is_square_and_fits(package, lang, monkeypatch):
    monkeypatch.setenv("JAMSOSTEK_SITE_URL", "https://example.org")
    png = card.share_card(package, lang)
    assert export.png_size(png) == card.CARD_SIZE == (1080, 1080)
    assert card.card_fits(package, lang, "https://example.org")


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "id",
            ["sekitar", "44%", "sekitar 228.000 pekerja potensial", "per 22 Mei 2025", "Target 55%", "disebut Mei 2025"]
            + [
                "18 bulan sebelum 29 November 2026",
                "Belum ada angka yang lebih baru",
                "data diperiksa 29 November 2026",
            ],
        ),
        (
            "en",
            ["about", "44%", "about 228,000 potential workers", "as of May 22, 2025", "Target 55%", "stated May 2025"]
            + ["18 months before November 29, 2026", "No newer figure", "data checked November 29, 2026"],
        ),
    ],
)
def test_share_card_states_the_newest_figure_with_its_age_date_and_source(package, lang, expected, set_today):
    """The card travels alone: it names the newest figure as newest, how old it was on the day, the target's caveat."""
    set_today("2026-11-29")
    svg = card.share_card(package, lang, "svg").decode("utf-8")
    words = " ".join(str(v) for v in card.card_lines(package, lang).values())
    for text in expected:
        assert text in words, text
    assert "BPJS Ketenagakerjaan" in svg and "Paduka9 [S3a]" in svg
    assert "9.000" not in words and "9,000" not in words  # the 2024 gap is not today's news


def test_share_card_ages_with_the_day(package, set_today):
    set_today("2028-01-15")
    words = card.card_lines(package, "en")
    assert "2 years and 7 months before January 15, 2028" in words["sub"]
    svg = " ".join(re.sub(r"<[^>]+>", " ", card.share_card(package, "en", "svg").decode("utf-8")).split())
    assert "2 years and 7 months before January 15, 2028" in svg  # the cache knows the day


def test_zip_holds_a_valid_data_package_with_a_readme(package, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(export.data_zip(package, "en", "https://example.org")))
    archive.extractall(tmp_path)
    folder = tmp_path / export.ZIP_FOLDER
    assert data.validate(folder) == []
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for resource in data.canonical_descriptor()["resources"]:
        assert (folder / resource["path"]).read_bytes() == (data.DATA_DIR / resource["path"]).read_bytes()
        assert f"`{resource['path']}`" in readme
    assert "How to cite" in readme and "https://example.org" in readme and "not BPJS" in readme


def test_zip_readme_follows_the_language(package):
    archive = zipfile.ZipFile(io.BytesIO(export.data_zip(package, "id")))
    readme = archive.read(f"{export.ZIP_FOLDER}/README.md").decode("utf-8")
    assert "Cara mengutip" in readme and "bukan BPJS Ketenagakerjaan" in readme


def test_cli_writes_each_format(tmp_path, capsys):
    png, svg, pdf = tmp_path / "p.png", tmp_path / "h.svg", tmp_path / "a.pdf"
    assert main(["export-chart", "progress", str(png), "--size", "1280x720"]) == 0
    assert export.png_size(png.read_bytes()) == (1280, 720)
    assert main(["export-chart", "history", str(svg), "--lang", "en"]) == 0
    assert "Figures as of May 22, 2025" in svg.read_text(encoding="utf-8")
    assert main(["export-chart", "areas", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    "args, message",
    [
        (["pie", "x.png"], "unknown chart 'pie'"),
        (["progress", "x.gif"], "must end in .png"),
        (["progress", "x.png", "--size", "big"], "not WIDTHxHEIGHT"),
        (["progress"], "--list"),
    ],
)
def test_cli_refuses_bad_input_with_exit_2(tmp_path, capsys, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["export-chart", *args]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_lists_the_charts_and_validate_still_works():
    listed = subprocess.run(
        [sys.executable, "-m", "jamsostek", "export-chart", "--list", "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert [line.split("\t")[0] for line in listed.splitlines()] == list(charts.CHART_IDS)
    assert main(["validate"]) == 0
