"""Dates as precise as their sources: no page, export, share card or light page shows a day a source did not give.

A figure whose source says only "April 2025" is stored on the month's last day and one that says "mid-September
2024" on the 15th (the ``precision`` columns); those days must never be shown. And "data as of" everywhere is
the day the package was last checked against its sources (``checked`` in datapackage.json).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import shutil
import zipfile

import pytest

from jamsostek import catalog, charts, cite, data, i18n
from jamsostek.exports import card, files, static
from tests.conftest import PAGES, page_pictures, page_text, run_page, svg_text

DATED = (("coverage", "as_of"), ("figures", "as_of"), ("targets", "stated"), ("statements", "as_of"))


def _dates(package: data.DataPackage, coarse: bool) -> set[dt.date]:
    """Dates the data gives at a precision coarser than a day (``coarse``), or to the day."""
    found = set()
    for table, column in DATED:
        frame = package.tables[table]
        for value, precision in zip(frame[column], frame["precision"], strict=True):
            if (precision != "day") == coarse:
                found.add(value)
    return found


def invented_days(package: data.DataPackage) -> dict[str, set[str]]:
    """Per language, the written-out days the site must never show (a day a source does state is left out)."""
    stated = _dates(package, coarse=False) | {package.as_of}
    stated |= {dt.date.fromisoformat(p) for p in package.sources["published"].dropna() if len(p) == 10}
    stated |= set(package.sources["accessed"])
    invented = _dates(package, coarse=True) - stated
    return {lang: {i18n.date(day, lang) for day in invented} for lang in i18n.LANGUAGES}


def _svg_text(svg: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", svg).split())


def _assert_no_invented_day(text: str, days: set[str], where: str) -> None:
    text = " ".join(text.replace("\\", "").split())
    shown = [day for day in days if day in text]
    assert not shown, f"{where} shows a day its source does not give: {shown}"


def test_the_data_holds_month_and_mid_month_dates(package):
    """The test below means something only if such dates exist: April 2025, mid-September 2024, October 2025."""
    days = invented_days(package)
    assert {"30 April 2025", "15 September 2024", "31 Oktober 2025"} <= days["id"]
    assert {"April 30, 2025", "September 15, 2024"} <= days["en"]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_app_page_shows_an_invented_day(lang, package):
    days = invented_days(package)[lang]
    for path in PAGES:
        query = {"chart": "history"} if path == "/embed" else {}
        app = run_page(path, lang=lang, **query)
        assert not app.exception
        tables = " ".join(str(cell) for frame in app.dataframe for cell in frame.value.to_numpy().ravel())
        tables += " ".join(html.unescape(e.proto.body) for e in app.get("html"))  # the charts' tables
        specs = " ".join(e.proto.spec for e in app.get("vega_lite_chart"))  # the live charts (embed, share)
        specs += " ".join(svg_text(svg) for _, images in page_pictures(app) for _, svg in images.values())
        codes = " ".join(c.value for c in app.code)
        _assert_no_invented_day(" ".join([page_text(app), tables, specs, codes]), days, f"{path} ({lang})")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_export_card_or_citation_shows_an_invented_day(lang, package):
    days = invented_days(package)[lang]
    for chart_id in charts.CHART_IDS:
        svg = files.chart_file(package, chart_id, lang, "svg", files.SLIDE).decode("utf-8")
        _assert_no_invented_day(_svg_text(svg), days, f"{chart_id}.svg")
        _assert_no_invented_day(files.chart_csv(package, chart_id, lang).decode("utf-8"), days, f"{chart_id}.csv")
    _assert_no_invented_day(_svg_text(card.share_card(package, lang, "svg").decode("utf-8")), days, "share card")
    archive = zipfile.ZipFile(io.BytesIO(files.data_zip(package, lang)))
    _assert_no_invented_day(archive.read(f"{files.ZIP_FOLDER}/README.md").decode("utf-8"), days, "README.md")
    table = catalog.figure_table(package, lang)
    for index in table.index:
        _assert_no_invented_day(cite.figure_citation(package, table.loc[index], lang), days, "a citation")


def test_no_light_page_shows_an_invented_day_and_mid_month_reads_as_such(package, tmp_path, set_today):
    today = set_today("2026-11-29")
    site = static.build(tmp_path / "site", package, base_url="https://example.org", today=today)
    days = invented_days(package)
    for lang in i18n.LANGUAGES:
        for path in sorted((site / lang).glob("*.html")):
            _assert_no_invented_day(path.read_text(encoding="utf-8"), days[lang], f"light {path.name} ({lang})")
        for path in sorted((site / "charts").glob(f"*-{lang}.csv")):
            _assert_no_invented_day(path.read_text(encoding="utf-8"), days[lang], path.name)
    coverage_id = (site / "id" / "cakupan.html").read_text(encoding="utf-8")
    coverage_en = (site / "en" / "cakupan.html").read_text(encoding="utf-8")
    assert "pertengahan September 2024" in coverage_id and "April 2025" in coverage_id
    assert "mid-September 2024" in coverage_en and "Jambi Province" in coverage_en


def test_a_month_only_source_is_shown_as_its_month(package):
    table = catalog.figure_table(package, "en")
    dates = dict(zip(table["figure"] + " " + table["value"], table["as_of"], strict=True))
    assert dates["Indonesia: Workers covered by Jamsostek 35.68%"] == "April 2025"
    assert dates["Jambi Province: Workers covered by Jamsostek 43.31%"] == "mid-September 2024"
    assert dates["Indonesia: Online motorbike taxi drivers registered 351,097 drivers"] == "October 2025"


def _package_checked_on(tmp_path, checked: str) -> data.DataPackage:
    copy = tmp_path / "data"
    shutil.copytree(data.BUNDLED_DATA_DIR, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["checked"] = checked
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return data.load(copy, today=dt.date.fromisoformat(checked))


def test_data_as_of_is_the_day_the_package_was_checked(package):
    checked = json.loads((data.BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["checked"]
    assert package.as_of == dt.date.fromisoformat(checked)
    newest_row = max([*package.coverage["as_of"], *package.figures["as_of"]])
    assert package.as_of != newest_row  # not "the newest date of any row" (that was October 2025)
    for lang in i18n.LANGUAGES:
        line = cite.data_as_of_line(package, lang)
        assert i18n.date(package.as_of, lang) in line and i18n.date(newest_row, lang) not in line
        assert i18n.date(package.as_of, lang) in cite.site_citation(package, lang)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_page_ends_with_the_checked_date(lang, package):
    expected = cite.data_as_of_line(package, lang).replace(".", "\\.").replace("(", "\\(").replace(")", "\\)")
    for path in PAGES:
        if path == "/embed":
            continue
        app = run_page(path, lang=lang)
        assert app.caption[-1].value.replace("\\;", ";") == expected.replace("\\;", ";"), path


def test_a_new_checked_date_changes_every_data_as_of_line(tmp_path):
    package = _package_checked_on(tmp_path, "2026-12-05")
    assert package.as_of == dt.date(2026, 12, 5)
    assert "5 Desember 2026" in cite.data_as_of_line(package, "id")
    assert "December 5, 2026" in cite.site_citation(package, "en")
    readme = zipfile.ZipFile(io.BytesIO(files.data_zip(package, "en"))).read(f"{files.ZIP_FOLDER}/README.md")
    assert "December 5, 2026" in readme.decode("utf-8")
    site = static.build(tmp_path / "site", package, today=dt.date(2026, 12, 6))
    assert "Data per 5 Desember 2026" in (site / "id" / "manfaat.html").read_text(encoding="utf-8")
    unchecked = data.DataPackage(package.directory, package.tables)  # a copy whose descriptor has no "checked"
    assert unchecked.as_of == max(package.sources["accessed"])
