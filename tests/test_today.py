"""The site on three days: this month's cost, the discount, the newest figure's age and past targets follow the clock.

Every test sets the clock itself (``set_today``), so none depends on the real date.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from jamsostek import catalog, charts, i18n
from jamsostek.exports import card, static
from tests.conftest import page_text, run_page

# day: (this month, cost, newest figure's age, lines on the home page (id), lines that must not be there)
DAYS = {
    "2026-11-29": (
        "November 2026",
        "Rp8.400",
        "18 bulan lalu",
        ["**diskon 50%** sampai **Maret 2027**", "berakhir lebih cepat: **Desember 2026**", "tidak mengurangi manfaat"],
        ["Saat ini tidak ada diskon", "sudah berakhir pada **Maret 2027**"],
    ),
    "2027-04-01": (
        "April 2027",
        "Rp16.800",
        "22 bulan lalu",
        ["Saat ini tidak ada diskon", "sudah berakhir pada **Maret 2027**", "diskon sudah berakhir pada Desember 2026"],
        ["sedang **diskon", "tidak mengurangi manfaat"],
    ),
    "2028-01-15": (
        "Januari 2028",
        "Rp16.800",
        "2 tahun dan 7 bulan lalu",
        ["Saat ini tidak ada diskon", "sudah berakhir pada **Maret 2027**"],
        ["sedang **diskon", "18 bulan lalu"],
    ),
}
PRESENT_TENSE_GAP = ("perlu sekitar **9.000 pekerja lagi**", "masih perlu sekitar 9.000")


def _text(app) -> str:
    return page_text(app).replace("\\", "")


@pytest.mark.parametrize("day", DAYS)
def test_home_page_on_the_day(day, set_today):
    month, cost, age, present, absent = DAYS[day]
    set_today(day)
    app = run_page("/", lang="id")
    assert not app.exception
    assert app.metric[0].label == f"Iuran Anda bulan {month}" and app.metric[0].value == f"{cost} per bulan"
    text = _text(app)
    for line in present:
        assert line in text, line
    for line in absent:
        assert line not in text, line
    assert f"per **22 Mei 2025** ({age})" in text and "Kami belum menemukan angka yang lebih baru" in text
    # the September 2024 story stays, dated, with its target marked as past; never "still needed" today
    assert "**Sebelumnya, per 10 September 2024:**" in text and "Tahun 2024 sudah berakhir" in text
    assert not any(phrase in text for phrase in PRESENT_TENSE_GAP)
    assert "55% (disebut Mei 2025; tahunnya tidak disebut)" in text


@pytest.mark.parametrize(
    "day, national, ended",
    [
        ("2026-11-29", "34,99% (untuk 2026)", ["2024: target 53%", "2025: target 55%"]),
        ("2027-04-01", "43,92% (untuk 2029)", ["2024: target 53%", "2025: target 55%"]),
    ],
)
def test_coverage_page_on_the_day(day, national, ended, set_today):
    set_today(day)
    app = run_page("/cakupan", lang="id")
    assert not app.exception
    text = _text(app)
    assert "**Target 2024 sudah lewat.**" in text and "kami **tidak menghitung**" in text
    assert f"Target nasional yang masih berlaku: {national}" in text
    for line in ended:
        assert line in text, line
    assert "Apakah target yang tahunnya sudah berakhir itu tercapai, tidak diumumkan" in text
    assert not any(phrase in text for phrase in PRESENT_TENSE_GAP)


@pytest.mark.parametrize("day, age", [("2026-11-29", "18 months"), ("2028-01-15", "2 years and 7 months")])
def test_share_card_and_chart_exports_carry_the_age_on_the_day(day, age, package, set_today):
    set_today(day)
    reference = i18n.date(dt.date.fromisoformat(day), "en")
    assert f"{age} before {reference}" in card.card_lines(package, "en")["sub"]
    for chart_id in ("progress", "history"):
        subtitle = charts.view(chart_id, package, "en", 640).subtitle
        assert f"{age} before {reference}" in subtitle, chart_id
        assert "No newer figure" in subtitle or "no newer figure" in subtitle, chart_id


def test_the_journalists_table_marks_ended_targets_on_the_day(package, set_today):
    def target_dates(day: str) -> dict[str, str]:
        set_today(day)
        table = catalog.figure_table(package, "en")
        rows = table[table["kind_id"] == "target"]
        return dict(zip(rows["figure"] + " " + rows["value"], rows["as_of"], strict=True))

    november = target_dates("2026-11-29")
    assert november["Indonesia: Coverage target 34.99%"] == "for 2026"
    assert november["Kota Jambi: Coverage target 53%"] == "2024; the year has ended"
    assert november["Kota Jambi: Coverage target 55%"] == "stated May 2025; the year is not stated"
    assert target_dates("2027-04-01")["Indonesia: Coverage target 34.99%"] == "2026; the year has ended"


@pytest.mark.parametrize("day", ["2026-11-29", "2028-01-15"])
def test_light_version_on_the_day(day, package, tmp_path, set_today):
    today = set_today(day)
    site = static.build(tmp_path / "site", package, base_url="https://example.org", today=today)
    home = (site / "id" / "index.html").read_text(encoding="utf-8")
    month, cost, age, present, _absent = DAYS[day]
    assert f"Iuran Anda bulan {month}" in home and f"{cost} per bulan" in home
    assert age in home and "Tahun 2024 sudah berakhir" in home
    plain = re.sub(r"<[^>]+>", "", home)
    for line in present:
        assert line.replace("**", "") in plain, line
    coverage = (site / "id" / "cakupan.html").read_text(encoding="utf-8")
    assert i18n.date(today, "id") in coverage  # the history chart's axis runs to the build day
    # the discount's legal article is small print (not in the sentence a driver reads), while a discount runs
    assert ("<small>" in home) == (day == "2026-11-29")
