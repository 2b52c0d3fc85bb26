"""The check page opened with query parameters, driven through its widgets, and fed strange URLs."""

from __future__ import annotations

import pytest

from tests.conftest import page_text, run_page

FULL = {"programs": "jkk,jkm", "city_paid": "0"}


def param(app, key: str) -> str:
    """One query parameter of the app's URL (AppTest keeps a value or a list of values)."""
    value = app.query_params[key]
    return value if isinstance(value, str) else value[-1]


def total(app) -> str:
    [metric] = [m for m in app.metric if m.label in ("Total per bulan", "Total per month")]
    return metric.value


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23"}, "id", "Rp8.400"),
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23"}, "en", "Rp8,400"),
        ({"work": "ojol", "income": "1000000", "date": "2025-06-01"}, "id", "Rp16.800"),
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23", "programs": "jkk,jkm,jht"}, "en", "Rp28,400"),
        ({"work": "umkm", "income": "1000000", "date": "2026-03-15"}, "en", "Rp16,800"),
        ({"work": "umkm", "income": "1000000", "date": "2026-04-10"}, "id", "Rp8.400"),
        ({"work": "kurir", "income": "1,5 juta", "date": "2025-06-01"}, "id", "Rp21.800"),
        ({"work": "sopir", "income": "90000000", "date": "2025-06-01"}, "en", "Rp213,800"),
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23", "city_paid": "1"}, "id", "Rp0"),
    ],
)
def test_total_for_a_link(query, lang, expected):
    app = run_page("/cek-iuran", **(FULL | query), lang=lang)
    assert not app.exception
    assert total(app) == expected
    assert not app.warning, [w.value for w in app.warning]


def test_outcome_in_indonesian():
    app = run_page("/cek-iuran", work="ojol", income="1000000", date="2026-11-23", **FULL, lang="id")
    text = page_text(app)
    assert "Ya, Anda bisa ikut sebagai peserta mandiri" in text
    assert "Rp10\\.000" in text and "Rp5\\.000" in text  # JKK normal and discounted
    assert "Januari 2026" in text and "Maret 2027" in text and "PP 50/2025" in text
    assert "Rp48\\.000\\.000" in text and "Rp42\\.000\\.000" in text
    assert "tanyakan ke BPJS Ketenagakerjaan" in text
    assert "Lampiran II PP 44/2015" in text
    assert "**Per tahun:** Rp100\\.800" in text
    links = [(x.proto.label, x.proto.page, x.proto.query_string) for x in app.get("page_link")]
    # one in the next steps, one in the page menu every page ends with
    assert links.count(("Cara daftar", "cara-daftar", "lang=id")) == 2, links


def test_employee_sees_no_cost():
    app = run_page("/cek-iuran", work="karyawan", income="3000000", date="2026-11-23", **FULL, lang="en")
    assert not app.metric
    assert "your employer must register you" in page_text(app)


def test_city_paid_pays_nothing():
    app = run_page("/cek-iuran", work="ojol", income="1000000", date="2026-11-23", programs="jkk,jkm", city_paid="1")
    assert total(app) == "Rp0"
    assert "Anda tidak membayar apa pun sendiri" in page_text(app)


def test_low_income_is_said():
    app = run_page("/cek-iuran", work="ojol", income="500000", date="2025-06-01", **FULL, lang="en")
    assert total(app) == "Rp16,800"
    assert "counted at the lowest level, Rp1,000,000" in page_text(app)


def test_widgets_update_the_url():
    app = run_page("/cek-iuran", work="ojol", income="1000000", date="2026-11-23", **FULL, lang="id")
    app.text_input(key="check_income").input("1,5 juta").run()
    assert param(app, "income") == "1500000"
    app.selectbox(key="check_work").select("umkm").run()
    assert param(app, "work") == "umkm"
    app.checkbox(key="check_jht").check().run()
    assert param(app, "programs") == "jkk,jkm,jht"
    assert param(app, "lang") == "id"
    assert not app.exception
    # umkm on 2026-11-23 is in the other-work discount: 15,000 / 2 + 3,400 + 30,000
    assert total(app) == "Rp40.900"
    assert app.text_input(key="check_income").value == "1,5 juta"


def test_a_first_visit_writes_a_shareable_url():
    app = run_page("/cek-iuran", lang="en")
    assert not app.exception and not app.warning
    assert param(app, "work") == "ojol" and param(app, "programs") == "jkk,jkm"
    assert "lang=en" in app.code[0].value and "work=ojol" in app.code[0].value


@pytest.mark.parametrize(
    "query",
    [
        {"work": "pilot", "income": "-5", "programs": "jp", "date": "1800-01-01", "city_paid": "maybe"},
        {"income": "1" + "0" * 20},
        {"income": "abc<script>alert(1)</script>"},
        {"date": "2026-02-30", "work": "[x](http://evil)"},
        {"income": "9" * 5000},
        {"programs": ",,,", "city_paid": ""},
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_strange_urls_get_a_correction_not_a_traceback(query, lang):
    app = run_page("/cek-iuran", **query, lang=lang)
    assert not app.exception
    assert app.warning
    assert total(app) in ("Rp8.400", "Rp8,400", "Rp16.800", "Rp16,800")
    assert all("<script>" not in w.value and "](" not in w.value for w in app.warning)


def test_changing_language_keeps_the_answers():
    app = run_page("/cek-iuran", work="umkm", income="2jt", date="2026-05-01", programs="jkk,jkm,jht", city_paid="0")
    assert total(app) == "Rp53.400"  # 20,000 / 2 + 3,400 + 40,000
    app.query_params["lang"] = "en"  # what the app's language switch does: it keeps the other parameters
    app.run()
    assert not app.exception
    assert total(app) == "Rp53,400"
    assert app.selectbox(key="check_work").value == "umkm" and app.checkbox(key="check_jht").value
    assert param(app, "income") == "2000000" and param(app, "work") == "umkm"
