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
LOWEST = 1_000_000
DEFAULTS = {"work": "ojol", "income": LOWEST, "programs": frozenset({"jkk", "jkm"}), "date": TODAY, "city_paid": False}


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
    return answers.from_query(params, LOWEST, TODAY)


def test_a_full_link():
    got = query(work="ojol", income="1000000", programs="jkk,jkm,jht", date="2026-11-23", city_paid="0")
    assert got == answers.Answers("ojol", 1_000_000, frozenset({"jkk", "jkm", "jht"}), TODAY, False, ())
    assert got.to_query() == {
        "work": "ojol",
        "income": "1000000",
        "programs": "jkk,jkm,jht",
        "date": "2026-11-23",
        "city_paid": "0",
    }


def test_a_first_visit_has_defaults_and_no_corrections():
    assert query() == answers.Answers("ojol", LOWEST, frozenset({"jkk", "jkm"}), TODAY, False, ())


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
        ({"date": "1800-01-01"}, "date", "date-range"),
        ({"date": "2999-01-01"}, "date", "date-range"),
        ({"date": "2026-02-30"}, "date", "date"),
        ({"date": "23/11/2026"}, "date", "date"),
        ({"date": "20261123"}, "date", "date"),
        ({"city_paid": "maybe"}, "city_paid", "city_paid"),
        ({"work": ["ojol", "kurir"]}, "work", "duplicate"),
        ({"income": ["1000000", "2000000"]}, "income", "duplicate"),
    ],
)
def test_absurd_values_get_the_default_and_a_correction(params, field, message):
    full = {"work": "umkm", "income": "2000000", "programs": "jkk,jkm", "date": "2026-05-01", "city_paid": "0"}
    got = query(**(full | params))
    assert (field, message) in [(c.field, c.message) for c in got.corrections]
    attribute = {"programs": "programmes", "date": "on"}.get(field, field)
    assert getattr(got, attribute) == DEFAULTS[field]


def test_defaults_after_bad_values():
    got = query(work="pilot", income="-5", programs="xyz", date="1800-01-01", city_paid="2")
    assert (got.work, got.income, got.programmes, got.on, got.city_paid) == (
        "ojol",
        LOWEST,
        frozenset({"jkk", "jkm"}),
        TODAY,
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
    assert missing.value.split(",") == ["income", "programs", "date", "city_paid"]
    [text] = answers.correction_texts(got, "id", LOWEST)
    assert "penghasilan per bulan, program, tanggal, apakah Pemkot membayar" in text


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
    link = answers.share_link("http://host/cek-iuran", got, "en")
    assert link.startswith("http://host/cek-iuran?") and "lang=en" in link
    reopened = answers.from_query(parse_qs(urlsplit(link).query), LOWEST, TODAY)
    assert reopened == got


@given(st.dictionaries(st.sampled_from([*answers.KEYS, "lang", "x"]), st.lists(st.text(max_size=80), max_size=3)))
def test_any_query_gives_valid_answers(params):
    got = answers.from_query(params, LOWEST, TODAY)
    assert got.work in answers.WORK_KINDS
    assert 0 <= got.income <= answers.MAX_INCOME
    assert {"jkk", "jkm"} <= got.programmes <= {"jkk", "jkm", "jht"}
    lo, hi = answers.date_bounds(TODAY)
    assert lo <= got.on <= hi
