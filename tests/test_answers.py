"""Reading the check's answers from typed text and URLs, absurd ones included."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsostek import i18n
from jamsostek.check import answers

TODAY = dt.date(2026, 11, 23)
THIS_MONTH = dt.date(2026, 11, 1)
NEWEST = dt.date(2027, 11, 1)  # twelve months ahead of today (the rules' newest month, March 2027, is earlier)
LOWEST = 1_000_000
DEFAULTS = {
    "work": "ojol",
    "income": LOWEST,
    "programs": frozenset({"jkk", "jkm"}),
    "month": THIS_MONTH,
    "city_paid": False,
}


@pytest.mark.parametrize(
    ("typed", "rupiah"),
    [
        ("1.500.000", 1_500_000),
        ("1,5 juta", 1_500_000),
        ("1500000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp1.500.000", 1_500_000),
        ("rp. 1.500.000", 1_500_000),
        ("2jt", 2_000_000),
        ("2 JUTA", 2_000_000),
        ("1.5 juta", 1_500_000),
        ("1,500,000", 1_500_000),
        ("1.500.000,00", 1_500_000),
        ("1,500,000.00", 1_500_000),
        ("750rb", 750_000),
        ("750 ribu", 750_000),
        ("800k", 800_000),
        ("Rp 2.000.000 / bulan", 2_000_000),
        ("1,5 juta per bulan", 1_500_000),
        ("  3000000  ", 3_000_000),
        ("0", 0),
        ("1.500", 1_500),
        ("-5", -5),
        ("1" + "0" * 20, 10**20),
    ],
)
def test_income_typed_the_usual_ways(typed, rupiah):
    assert answers.parse_income(typed) == rupiah


@pytest.mark.parametrize(
    "typed", ["", "abc", "satu juta", "10^20", "1e6", "1.50.000", "1,5 miliar", "1..5", "12,34,56", "9" * 100, "Rp"]
)
def test_unreadable_income_is_none(typed):
    assert answers.parse_income(typed) is None


def query(**params):
    return answers.from_query(params, LOWEST, TODAY, NEWEST)


def test_a_full_link():
    got = query(work="ojol", income="1000000", programs="jkk,jkm,jht", month="2026-11", city_paid="0")
    assert got == answers.Answers("ojol", 1_000_000, frozenset({"jkk", "jkm", "jht"}), THIS_MONTH, False, ())
    assert got.to_query() == {
        "work": "ojol",
        "income": "1000000",
        "programs": "jkk,jkm,jht",
        "month": "2026-11",
        "city_paid": "0",
    }


@pytest.mark.parametrize(
    ("params", "month"),
    [
        ({"date": "2026-03-31"}, dt.date(2026, 3, 1)),  # a link shared before the month question: its day's month
        ({"date": "2020-08-01"}, dt.date(2020, 8, 1)),
        ({"date": "2016-01-01"}, dt.date(2016, 1, 1)),  # before the site's rules: the rules say so, not a correction
        ({"month": "2019-06"}, dt.date(2019, 6, 1)),
        ({"month": "2027-11"}, NEWEST),
        ({"month": "2027-04", "date": "2025-01-01"}, dt.date(2027, 4, 1)),  # the new form wins
    ],
)
def test_the_contribution_month_from_a_link(params, month):
    got = query(work="ojol", income="1000000", programs="jkk,jkm", city_paid="0", **params)
    assert got.month == month and got.corrections == ()
    assert got.to_query()["month"] == f"{month.year:04d}-{month.month:02d}" and "date" not in got.to_query()


def test_the_newest_month_is_the_later_of_the_rules_and_twelve_months_ahead():
    assert answers.newest_month(TODAY, dt.date(2027, 3, 1)) == NEWEST
    assert answers.newest_month(TODAY, dt.date(2029, 5, 1)) == dt.date(2029, 5, 1)
    assert answers.from_query({}, LOWEST, TODAY).month == THIS_MONTH


def test_a_first_visit_has_defaults_and_no_corrections():
    assert query() == answers.Answers("ojol", LOWEST, frozenset({"jkk", "jkm"}), THIS_MONTH, False, ())


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"work": "pilot"}, "work", "work"),
        ({"work": "<script>"}, "work", "work"),
        ({"income": "-5"}, "income", "income-range"),
        ({"income": "1" + "0" * 20}, "income", "income-range"),
        ({"income": "abc"}, "income", "income"),
        ({"income": "1e20"}, "income", "income"),
        ({"programs": "jkk,jp"}, "programs", "programs"),
        ({"month": "2999-01"}, "month", "month-range"),
        ({"month": "2027-12"}, "month", "month-range"),
        ({"date": "2999-01-01"}, "date", "month-range"),
        ({"month": "2026-13"}, "month", "month"),
        ({"month": "11/2026"}, "month", "month"),
        ({"month": "2026-11-23"}, "month", "month"),
        ({"date": "2026-02-30"}, "date", "month"),
        ({"date": "23/11/2026"}, "date", "month"),
        ({"date": "20261123"}, "date", "month"),
        ({"city_paid": "maybe"}, "city_paid", "city_paid"),
        ({"work": ["ojol", "kurir"]}, "work", "duplicate"),
        ({"income": ["1000000", "2000000"]}, "income", "duplicate"),
    ],
)
def test_absurd_values_get_the_default_and_a_correction(params, field, message):
    full = {"work": "umkm", "income": "2000000", "programs": "jkk,jkm", "city_paid": "0"}
    if "date" not in params:
        full["month"] = "2026-05"
    got = query(**(full | params))
    assert (field, message) in [(c.field, c.message) for c in got.corrections]
    attribute = {"programs": "programmes", "date": "month"}.get(field, field)
    assert getattr(got, attribute) == DEFAULTS[{"date": "month"}.get(field, field)]
    for lang in i18n.LANGUAGES:  # every correction can be said in both languages
        assert all(text.strip() for text in answers.correction_texts(got, lang, LOWEST))


def test_defaults_after_bad_values():
    got = query(work="pilot", income="-5", programs="xyz", month="2999-01", city_paid="2")
    assert (got.work, got.income, got.programmes, got.month, got.city_paid) == (
        "ojol",
        LOWEST,
        frozenset({"jkk", "jkm"}),
        THIS_MONTH,
        False,
    )
    assert len(got.corrections) == 5


def test_repeated_same_value_is_fine_and_different_takes_the_first():
    assert query(work=["kurir", "kurir"]).work == "kurir"
    assert not [c for c in query(work=["kurir", "kurir"]).corrections if c.message == "duplicate"]
    assert query(work=["kurir", "sopir"]).work == "kurir"
    assert query(income=["2000000", "3000000"]).income == 2_000_000


def test_missing_answers_in_a_partial_link_are_said():
    got = query(work="kurir")
    [missing] = [c for c in got.corrections if c.message == "missing"]
    assert missing.value.split(",") == ["income", "programs", "month", "city_paid"]
    [text] = answers.correction_texts(got, "id", LOWEST)
    assert "penghasilan per bulan, program, bulan iuran, apakah Pemkot membayar" in text
    old = query(work="kurir", income="1000000", programs="jkk,jkm", date="2026-05-01", city_paid="0")
    assert old.corrections == ()  # an old link's date counts as its month


def test_jkk_and_jkm_are_always_in():
    assert query(programs="jht").programmes == frozenset({"jkk", "jkm", "jht"})
    assert query(programs="").programmes == frozenset({"jkk", "jkm"})


@pytest.mark.parametrize(("raw", "paid"), [("1", True), ("0", False), ("true", True), ("ya", True), ("tidak", False)])
def test_city_paid(raw, paid):
    assert query(city_paid=raw).city_paid is paid


def test_correction_texts_are_translated_and_show_the_value():
    got = query(work="pilot", income="abc")
    for lang in ("id", "en"):
        texts = answers.correction_texts(got, lang, LOWEST)
        assert any("“pilot”" in t for t in texts) and any(i18n.money(LOWEST, lang) in t for t in texts)
    indonesian = answers.correction_texts(got, "id", LOWEST)
    assert any("Kami tidak mengenal pekerjaan" in t for t in indonesian)


def test_long_values_are_shortened_in_messages():
    got = query(work="x" * 500)
    assert len(got.corrections[0].value) <= answers.SHOWN_RAW + 1


def test_share_link_reopens_the_same_answers():
    got = query(work="kurir", income="2500000", programs="jkk,jkm,jht", date="2026-05-01", city_paid="1")
    link = answers.share_link("http://host/cek-iuran?work=ojol&date=2020-01-01", got, "en")
    assert link.startswith("http://host/cek-iuran?") and "lang=en" in link and "month=2026-05" in link
    assert "date=" not in link and link.count("work=") == 1
    reopened = answers.from_query(parse_qs(urlsplit(link).query), LOWEST, TODAY, NEWEST)
    assert reopened == got


@pytest.mark.parametrize(
    ("base", "start"),
    [(None, "/cek-iuran?"), ("", "/cek-iuran?"), ("http://h/cek iuran(x)", "http://h/cek%20iuran%28x%29?")],
)
def test_share_link_is_a_safe_markdown_target(base, start):
    link = answers.share_link(base, query(), "id")
    assert link.startswith(start) and not set(" ()[]<>") & set(link)


@given(
    st.dictionaries(st.sampled_from([*answers.KEYS, "date", "lang", "x"]), st.lists(st.text(max_size=80), max_size=3))
)
def test_any_query_gives_valid_answers(params):
    got = answers.from_query(params, LOWEST, TODAY, NEWEST)
    assert got.work in answers.WORK_KINDS
    assert 0 <= got.income <= answers.MAX_INCOME
    assert {"jkk", "jkm"} <= got.programmes <= {"jkk", "jkm", "jht"}
    assert got.month.day == 1 and got.month <= NEWEST
