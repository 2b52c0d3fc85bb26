"""The check page opened with shared links (the month form and old ``date=`` links), driven through its widgets."""

from __future__ import annotations

import pytest

from tests.conftest import page_text, run_page

FULL = {"programs": "jkk,jkm", "city_paid": "0"}
TOTAL = ("Total per bulan", "Total per month")


def param(app, key: str) -> str:
    """One query parameter of the app's URL (AppTest keeps a value or a list of values)."""
    value = app.query_params[key]
    return value if isinstance(value, str) else value[-1]


def total(app) -> str:
    [metric] = [m for m in app.metric if m.label in TOTAL]
    return metric.value.replace("\u00a0", " ")


def elements(app) -> list[tuple[str, str]]:
    """Every element of the page's main area in the order a visitor reads it: (type, text)."""
    out: list[tuple[str, str]] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "children", None):
                walk(child)
            else:
                value = getattr(child, "value", None)
                out.append((getattr(child, "type", ""), str(value if value is not None else child.label)))

    walk(app.main)
    return out


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        # the new form, month=YYYY-MM
        ({"work": "ojol", "income": "1000000", "month": "2026-11"}, "id", "Rp8.400"),
        ({"work": "ojol", "income": "1000000", "month": "2026-11"}, "en", "Rp8,400"),
        ({"work": "ojol", "income": "1000000", "month": "2026-11", "programs": "jkk,jkm,jht"}, "en", "Rp28,400"),
        ({"work": "umkm", "income": "1000000", "month": "2026-03"}, "en", "Rp16,800"),
        ({"work": "umkm", "income": "1000000", "month": "2026-04"}, "id", "Rp8.400"),
        ({"work": "ojol", "income": "1000000", "month": "2020-08"}, "id", "Rp168"),
        ({"work": "umkm", "income": "1000000", "month": "2021-01"}, "en", "Rp168"),
        ({"work": "ojol", "income": "1000000", "month": "2021-02"}, "en", "Rp16,800"),
        ({"work": "ojol", "income": "1000000", "month": "2019-12"}, "id", "Rp16.800"),
        ({"work": "kurir", "income": "1,5 juta", "month": "2025-06"}, "id", "± Rp21.800"),
        ({"work": "kurir", "income": "1,5 juta", "month": "2025-06"}, "en", "about Rp21,800"),
        ({"work": "sopir", "income": "20700000", "month": "2025-06"}, "en", "Rp213,800"),
        ({"work": "sopir", "income": "90000000", "month": "2025-06"}, "en", "at most Rp213,800"),
        ({"work": "sopir", "income": "50000000", "month": "2027-03", "programs": "jkk,jkm,jht"}, "id",
         "paling banyak Rp106.900 + JHT"),
        ({"work": "ojol", "income": "1000000", "month": "2026-11", "city_paid": "1"}, "id", "Rp0"),
        ({"work": "ojol", "income": "1000000", "month": "2026-11", "city_paid": "1", "programs": "jkk,jkm,jht"}, "en",
         "Rp20,000"),
        # links shared before the month question: date=YYYY-MM-DD opens that day's month
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23"}, "id", "Rp8.400"),
        ({"work": "ojol", "income": "1000000", "date": "2026-11-23"}, "en", "Rp8,400"),
        ({"work": "sopir", "income": "1000000", "date": "2027-03-31"}, "id", "Rp8.400"),
        ({"work": "sopir", "income": "1000000", "date": "2027-04-01"}, "en", "Rp16,800"),
        ({"work": "umkm", "income": "1000000", "date": "2020-09-15"}, "en", "Rp168"),
    ],
)  # fmt: skip
def test_total_for_a_link(query, lang, expected):
    app = run_page("/cek-iuran", **(FULL | query), lang=lang)
    assert not app.exception
    assert total(app) == expected
    assert not app.warning, [w.value for w in app.warning]
    assert param(app, "month") == query.get("month", query.get("date", "")[:7])
    assert "date" not in app.query_params  # the page writes the new form


def test_a_discounted_result_reads_in_order_in_indonesian():
    app = run_page("/cek-iuran", work="ojol", income="1000000", month="2026-11", **FULL, lang="id")
    order = [text for kind, text in elements(app) if kind in ("header", "metric", "markdown", "caption", "success")]
    where = {key: next(i for i, text in enumerate(order) if key in text) for key in [
        "Hasil untuk bulan iuran November 2026", "Ya, Anda bisa ikut", "Rp8.400", "Untuk JKK",
        "**Diskon 50%**", "Mulai April 2027\\: Rp16\\.800 per bulan", "**Jumlah 12 bulan iuran**",
        "Manfaat pada penghasilan", "Dasar hukum",
    ]}  # fmt: skip
    assert list(where.values()) == sorted(where.values()), where
    text = page_text(app)
    assert "sampai bulan iuran Maret 2027" in text and "Diskon tidak mengurangi manfaat" in text
    assert "(November 2026 sampai Oktober 2027): **Rp159\\.600**" in text
    assert "- mulai April 2027" not in text  # the discount's line just said it
    assert "BPU, Bukan Penerima Upah" in text and "batas usia peserta" in text and "warga negara asing" in text
    assert "PP: Peraturan Pemerintah" in text and "PP 50/2025 Pasal 4 ayat \\(1\\)" in text
    assert "Rp48\\.000\\.000" in text and "Rp42\\.000\\.000" in text
    assert "potongan" not in text.lower() and "Per tahun" not in text
    links = [(x.proto.label, x.proto.page, x.proto.query_string) for x in app.get("page_link")]
    assert links == [("Cara daftar", "cara-daftar", "lang=id")], links  # in the next steps
    menu = [e.proto.body for e in app.get("html") if e.proto.body.startswith('<nav class="jsj-menu"')]
    assert len(menu) == 1 and '<a href="/cara-daftar?lang=id">Cara daftar</a>' in menu[0]  # and the page menu


def test_an_estimate_is_marked_where_it_is_read():
    app = run_page("/cek-iuran", work="umkm", income="2750000", month="2026-12", **FULL, lang="id")
    assert total(app) == "± Rp17.150"
    text = page_text(app).replace("\u00a0", " ")
    assert "± Rp27\\.500" in text and "**± Rp13\\.750**" in text  # the JKK line, normal and due
    assert "**± Rp394\\.450**" in text and "Mulai Januari 2027\\: ± Rp34\\.300 per bulan" in text
    assert "± artinya kira-kira" in text and "bisa berbeda" in text and "sedikit" not in text


def test_a_wage_employee_gets_no_cost_and_no_benefit_list():
    app = run_page("/cek-iuran", work="karyawan", income="3000000", month="2026-11", **FULL, lang="en")
    assert not app.metric and not app.exception
    text = page_text(app)
    assert "not** a self-employed participant" in text and "Ask your employer or BPJS Ketenagakerjaan" in text
    assert "must register" not in text and "Benefits" not in text and "Hospital care" not in text


@pytest.mark.parametrize(("programs", "expected"), [("jkk,jkm", "Rp0"), ("jkk,jkm,jht", "Rp20.000")])
def test_city_paid(programs, expected):
    app = run_page("/cek-iuran", work="ojol", income="1000000", month="2026-06", programs=programs, city_paid="1")
    assert total(app) == expected
    text = page_text(app)
    assert "Pemkot Jambi membayar JKK \\(kecelakaan kerja\\) dan JKM \\(kematian\\)" in text
    assert "tidak diketahui apakah Pemkot juga membayarnya" in text and "22 Mei 2025" in text
    assert "penghasilan yang didaftarkan Pemkot Jambi untuk Anda" in text
    assert "× penghasilan yang didaftarkan untuk Anda" in text and "Rp48\\.000\\.000" not in text
    assert ("Anda tidak membayar iuran sendiri" in text) is (expected == "Rp0")
    assert "Diskon tidak berlaku untuk Anda" in text


def test_before_december_2019_there_are_no_amounts():
    app = run_page("/cek-iuran", work="ojol", income="1000000", date="2019-06-01", **FULL, lang="id")
    assert not app.exception and not app.metric and not app.warning
    text = page_text(app)
    assert "Hasil untuk bulan iuran Juni 2019" in text
    assert "tidak menyimpan aturan untuk bulan iuran sebelum Desember 2019" in text and "2 Desember 2019" in text
    texts = [text for _, text in elements(app)]
    start = texts.index("Hasil untuk bulan iuran Juni 2019")
    end = next(i for i, text in enumerate(texts) if "Bagikan hasil ini" in text)
    assert end == start + 2 and "Rp" not in texts[start + 1]  # the heading, the sentence, then sharing
    assert app.selectbox(key="check_month").value == "2019-11"  # shown as "Before December 2019"
    assert param(app, "month") == "2019-06"  # the link keeps its own month


def test_a_month_after_the_newest_rule_says_the_rules_may_change():
    app = run_page("/cek-iuran", work="ojol", income="1000000", month="2027-06", **FULL, lang="en")
    assert total(app) == "Rp16,800"
    assert "For months after March 2027 we use the rules known today\\. They may change\\." in page_text(app)


def test_low_income_is_said():
    app = run_page("/cek-iuran", work="ojol", income="500000", month="2025-06", **FULL, lang="en")
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
    # umkm in November 2026 is in the other-work discount: 15,000 / 2 + 3,400 + 30,000
    assert total(app) == "± Rp40.900"
    assert app.text_input(key="check_income").value == "1,5 juta"
    app.selectbox(key="check_month").select("2027-01").run()
    assert param(app, "month") == "2027-01" and "date" not in app.query_params
    assert total(app) == "± Rp51.800"  # 15,000 + 6,800 + 30,000: the discount ended in December 2026


def test_the_month_select_offers_every_month_newest_first(set_today):
    set_today("2026-11-29")
    app = run_page("/cek-iuran", lang="id")
    select = app.selectbox(key="check_month")
    assert select.options[0] == "November 2027" and select.options[-2:] == ["Desember 2019", "Sebelum Desember 2019"]
    assert select.value == "2026-11"  # this month, from the site's clock


def test_a_first_visit_writes_a_shareable_url_with_a_plain_link_and_whatsapp(set_today):
    set_today("2026-11-29")
    app = run_page("/cek-iuran", lang="en")
    assert not app.exception and not app.warning
    assert param(app, "work") == "ojol" and param(app, "programs") == "jkk,jkm" and param(app, "month") == "2026-11"
    assert not app.code and not app.get("date_input")  # no code block (its highlighter) and no date picker
    [link] = [m.value.split("\n\n")[-1] for m in app.markdown if "\n\n[Link to this result](" in m.value]
    assert link.startswith("[Link to this result](") and link.endswith(")")
    assert "lang=en" in link and "work=ojol" in link and "month=2026-11" in link
    [button] = app.get("link_button")
    assert button.proto.url.startswith("https://wa.me/?text=My%20Jamsostek%20contribution%20for%20November%202026")
    assert "Rp8%2C400%20per%20month" in button.proto.url and "month%3D2026-11" in button.proto.url


@pytest.mark.parametrize(
    "query",
    [
        {"work": "pilot", "income": "-5", "programs": "jp", "city_paid": "maybe"},
        {"income": "1" + "0" * 20},
        {"income": "abc<script>alert(1)</script>"},
        {"work": "[x](http://evil)"},
        {"income": "9" * 5000},
        {"programs": ",,,", "city_paid": ""},
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_strange_urls_get_a_correction_not_a_traceback(query, lang):
    app = run_page("/cek-iuran", **({"month": "2026-11"} | query), lang=lang)
    assert not app.exception
    assert app.warning
    assert total(app) == {"id": "Rp8.400", "en": "Rp8,400"}[lang]  # ojol at the lowest level, November 2026
    assert all("<script>" not in w.value and "](" not in w.value for w in app.warning)


@pytest.mark.parametrize("month", ["2026-13", "2999-01", "<b>"])
def test_a_strange_month_gets_this_month_and_a_correction(month, set_today):
    set_today("2026-11-29")
    app = run_page("/cek-iuran", work="ojol", income="1000000", month=month, **FULL, lang="en")
    assert not app.exception and total(app) == "Rp8,400"
    assert any("this month" in w.value for w in app.warning)
    assert param(app, "month") == "2026-11"


def test_changing_language_keeps_the_answers():
    app = run_page("/cek-iuran", work="umkm", income="2jt", month="2026-05", programs="jkk,jkm,jht", city_paid="0")
    assert total(app) == "± Rp53.400"  # 20,000 / 2 + 3,400 + 40,000
    app.query_params["lang"] = "en"  # what the app's language switch does: it keeps the other parameters
    app.run()
    assert not app.exception
    assert total(app) == "about Rp53,400"
    assert app.selectbox(key="check_work").value == "umkm" and app.checkbox(key="check_jht").value
    assert app.selectbox(key="check_month").value == "2026-05"
    assert param(app, "income") == "2000000" and param(app, "work") == "umkm"
