"""The check's form as pure functions: the month select, and which side wins between the URL and the widgets."""

from __future__ import annotations

import datetime as dt

import pytest

from jamsostek.check import answers, form

TODAY = dt.date(2026, 11, 29)
SETUP = form.Setup(lowest=1_000_000, today=TODAY, first=dt.date(2019, 12, 1), newest=dt.date(2027, 11, 1))
LOWEST = SETUP.lowest


def test_the_setup_comes_from_the_data_and_the_clock(package):
    assert form.setup(package, TODAY) == SETUP
    later = form.setup(package, dt.date(2030, 2, 3))
    assert later.newest == dt.date(2031, 2, 1) and later.first == SETUP.first


def test_the_months_newest_first_down_to_december_2019_then_before():
    options = SETUP.month_options
    assert options[:3] == ["2027-11", "2027-10", "2027-09"]
    assert options[-3:] == ["2020-01", "2019-12", "2019-11"]
    assert len(options) == len(set(options)) == 96 + 1  # December 2019 to November 2027, and "before"
    assert SETUP.before == "2019-11"


@pytest.mark.parametrize(
    ("value", "lang", "label"),
    [
        ("2026-11", "id", "November 2026"),
        ("2027-03", "id", "Maret 2027"),
        ("2027-03", "en", "March 2027"),
        ("2019-11", "id", "Sebelum Desember 2019"),
        ("2019-11", "en", "Before December 2019"),
    ],
)
def test_month_labels(value, lang, label):
    assert SETUP.month_label(value, lang) == label


def answers_from(**params) -> answers.Answers:
    return answers.from_query(params, LOWEST, TODAY, SETUP.newest)


# URL parameters -> the widgets' values (work, income text, JHT ticked, month, city pays)
SEEDS = [
    ({}, ("ojol", "1.000.000", False, "2026-11", False)),
    ({"work": "umkm", "income": "1500000", "programs": "jkk,jkm,jht", "month": "2026-04", "city_paid": "1"},
     ("umkm", "1.500.000", True, "2026-04", True)),
    ({"date": "2027-03-31"}, ("ojol", "1.000.000", False, "2027-03", False)),  # an old link
    ({"month": "2019-12"}, ("ojol", "1.000.000", False, "2019-12", False)),
    ({"month": "2018-05"}, ("ojol", "1.000.000", False, "2019-11", False)),  # before the first: "before"
    ({"date": "2016-01-01"}, ("ojol", "1.000.000", False, "2019-11", False)),
    ({"month": "2031-01"}, ("ojol", "1.000.000", False, "2026-11", False)),  # too far ahead: this month
]  # fmt: skip


@pytest.mark.parametrize(("params", "widgets"), SEEDS)
def test_widgets_take_the_links_answers(params, widgets):
    state = form.widget_state(answers_from(**params), "id", SETUP)
    assert tuple(state[key] for key in form.WIDGETS) == widgets


def state(work="ojol", income="1.000.000", jht=False, month="2026-11", city=False) -> dict:
    return dict(zip(form.WIDGETS, (work, income, jht, month, city), strict=True))


# widgets (and the month the URL holds now) -> the URL the form writes
WRITES = [
    (state(), None, {"work": "ojol", "income": "1000000", "programs": "jkk,jkm", "month": "2026-11", "city_paid": "0"}),
    (state(income="1,5 juta", jht=True, city=True), None,
     {"work": "ojol", "income": "1500000", "programs": "jkk,jkm,jht", "month": "2026-11", "city_paid": "1"}),
    (state(income="abc"), None, {"income": "abc"}),  # unreadable: goes as typed, to be corrected
    (state(month="2020-08"), None, {"month": "2020-08"}),
    (state(month="2019-11"), dt.date(2018, 5, 1), {"month": "2018-05"}),  # a link's own earlier month stays
    (state(month="2019-11"), dt.date(2026, 1, 1), {"month": "2019-11"}),  # "before" chosen in the select
    (state(month=None), None, {"month": "2026-11"}),
]  # fmt: skip


@pytest.mark.parametrize(("widgets", "current", "written"), WRITES)
def test_the_url_the_widgets_write(widgets, current, written):
    query = form.query_from_widgets(widgets, SETUP, current)
    assert set(query) == set(answers.KEYS)
    assert {key: query[key] for key in written} == written


def test_what_the_form_writes_reads_back_as_the_same_answers():
    for params, _ in SEEDS:
        given = answers_from(**params)
        widgets = form.widget_state(given, "id", SETUP)
        again = answers_from(**form.query_from_widgets(widgets, SETUP, given.month))
        assert (again.work, again.income, again.programmes, again.month, again.city_paid) == (
            given.work,
            given.income,
            given.programmes,
            given.month,
            given.city_paid,
        )


URL = {"work": ["ojol"], "income": ["1000000"], "programs": ["jkk,jkm"], "month": ["2026-11"], "city_paid": ["0"]}
FULL = dict.fromkeys(form.WIDGETS, "x")


@pytest.mark.parametrize(
    ("remembered", "query", "widgets", "seed"),
    [
        (None, URL, {}, True),  # a first visit
        (form.url_key("id", URL), URL, FULL, False),  # a rerun after the form wrote the URL
        (form.url_key("id", URL), URL | {"month": ["2020-08"]}, FULL, True),  # the URL changed (a shared link)
        (form.url_key("id", URL), URL | {"date": ["2020-08-01"]}, FULL, True),  # an old key appeared
        (form.url_key("en", URL), URL, FULL, True),  # the language changed
        (form.url_key("id", URL), URL, {"check_work": "ojol"}, True),  # a widget has no value yet
    ],
)
def test_when_the_widgets_take_the_url(remembered, query, widgets, seed):
    assert form.must_seed(remembered, form.url_key("id", query), widgets) is seed


def test_old_keys_are_dropped_once_the_form_writes():
    assert form.dropped_keys({"date": "2026-11-23", "work": "ojol"}) == ["date"]
    assert form.dropped_keys(URL) == []
