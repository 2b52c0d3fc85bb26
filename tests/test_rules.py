"""The rules engine over a table of cases, and its properties (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsostek import rules

D = dt.date
CORE = frozenset({"jkk", "jkm"})
ALL = frozenset({"jkk", "jkm", "jht"})

# work, income, programmes, date, city pays -> total per month, discount applied (id or None)
CASES = [
    ("ojol", 1_000_000, CORE, D(2026, 11, 23), False, 8_400, "pp50-transport"),
    ("ojol", 1_000_000, CORE, D(2025, 6, 1), False, 16_800, None),
    ("ojol", 1_000_000, ALL, D(2026, 11, 23), False, 28_400, "pp50-transport"),
    ("umkm", 1_000_000, CORE, D(2026, 3, 15), False, 16_800, None),
    ("umkm", 1_000_000, CORE, D(2026, 4, 10), False, 8_400, "pp50-other"),
    # first and last days of the transport period, and the day after
    ("kurir", 1_000_000, CORE, D(2025, 12, 31), False, 16_800, None),
    ("kurir", 1_000_000, CORE, D(2026, 1, 1), False, 8_400, "pp50-transport"),
    ("sopir", 1_000_000, CORE, D(2027, 3, 31), False, 8_400, "pp50-transport"),
    ("ojek-pangkalan", 1_000_000, CORE, D(2027, 4, 1), False, 16_800, None),
    # first and last days of the other-work period, and the day after
    ("mandiri-lain", 1_000_000, CORE, D(2026, 3, 31), False, 16_800, None),
    ("mandiri-lain", 1_000_000, CORE, D(2026, 4, 1), False, 8_400, "pp50-other"),
    ("umkm", 1_000_000, CORE, D(2026, 12, 31), False, 8_400, "pp50-other"),
    ("umkm", 1_000_000, CORE, D(2027, 1, 1), False, 16_800, None),
    # below the lowest level: costed at Rp1,000,000
    ("ojol", 400_000, CORE, D(2025, 6, 1), False, 16_800, None),
    ("ojol", 0, ALL, D(2025, 6, 1), False, 36_800, None),
    # 1% of 3,000,000 = 30,000 + 6,800
    ("ojol", 3_000_000, CORE, D(2025, 6, 1), False, 36_800, None),
    # the highest JKK contribution, Rp207,000, and half of it in the discount
    ("ojol", 50_000_000, CORE, D(2025, 6, 1), False, 213_800, None),
    ("ojol", 50_000_000, CORE, D(2026, 6, 1), False, 106_900, "pp50-transport"),
    # JHT is 2% without a ceiling and never discounted
    ("ojol", 50_000_000, ALL, D(2026, 6, 1), False, 1_106_900, "pp50-transport"),
    # a wage employee: no BPU cost; a city-paid participant pays nothing and gets no discount
    ("karyawan", 1_000_000, CORE, D(2026, 11, 23), False, 0, None),
    ("ojol", 1_000_000, CORE, D(2026, 11, 23), True, 0, None),
    ("umkm", 1_000_000, ALL, D(2025, 6, 1), True, 0, None),
]


@pytest.mark.parametrize(("work", "income", "programmes", "on", "city", "total", "discount_id"), CASES)
def test_total_on_a_date(package, work, income, programmes, on, city, total, discount_id):
    result = rules.quote(package, rules.Question(work, income, programmes, on, city))
    assert result.total == total
    assert (result.discount or {}).get("id") == discount_id
    assert result.total == sum(line.due for line in result.lines)


def test_discount_reason_and_lines(package):
    applied = rules.quote(package, rules.Question("ojol", 1_000_000, ALL, D(2026, 11, 23)))
    assert applied.discount_reason == "applied"
    assert {line.programme: (line.normal, line.due) for line in applied.lines} == {
        "jkk": (10_000, 5_000),
        "jkm": (6_800, 3_400),
        "jht": (20_000, 20_000),
    }
    assert all(line.basis and line.source_id for line in applied.lines)
    assert applied.per_year == 12 * 28_400
    assert applied.discount["basis"].startswith("PP 50/2025")
    outside = rules.quote(package, rules.Question("ojol", 1_000_000, CORE, D(2025, 6, 1)))
    assert outside.discount_reason == "outside-period" and outside.total_normal == outside.total


def test_employee_is_not_eligible(package):
    result = rules.quote(package, rules.Question("karyawan", 1_000_000, ALL, D(2026, 11, 23)))
    assert (result.eligible, result.reason, result.discount_reason, result.lines) == (False, "employee", "employee", ())


def test_city_paid_pays_nothing_and_gets_no_discount(package):
    result = rules.quote(package, rules.Question("ojol", 1_000_000, CORE, D(2026, 11, 23), budget_paid=True))
    assert result.eligible and result.reason == "budget-paid" and result.discount_reason == "budget-paid"
    assert result.discount is None and result.total == 0 and result.total_normal == 16_800


def test_income_below_lowest_is_raised_and_said(package):
    result = rules.quote(package, rules.Question("ojol", 250_000, CORE, D(2025, 6, 1)))
    assert (result.income_used, result.income_raised) == (1_000_000, True)
    assert not rules.quote(package, rules.Question("ojol", 1_000_000, CORE, D(2025, 6, 1))).income_raised


def test_highest_contribution_is_flagged(package):
    capped = rules.quote(package, rules.Question("ojol", 20_700_000, CORE, D(2025, 6, 1)))
    assert capped.capped and capped.lines[0].normal == 207_000
    below = rules.quote(package, rules.Question("ojol", 20_600_000, CORE, D(2025, 6, 1)))
    assert not below.capped and below.lines[0].normal == 206_000


def test_benefits_at_income(package):
    result = rules.quote(package, rules.Question("ojol", 2_000_000, CORE, D(2026, 11, 23)))
    paid = result.benefits
    assert paid["jkk-death-multiple"] == 96_000_000
    assert paid["jkk-disability-multiple"] == 112_000_000
    assert paid["jkk-income-first-12-months-pct"] == 2_000_000
    assert paid["jkm-total"] == 42_000_000
    assert paid["jkm-lump-sum"] + paid["jkm-periodic"] + paid["jkm-funeral"] == paid["jkm-total"]
    assert paid["jkk-medical"] is None
    unsure = {b.id for b in result.benefit_items if b.unsure}
    assert {"jkk-return-to-work", "jkk-income-first-12-months-pct"} <= unsure
    assert "jkk-death-multiple" not in unsure
    assert {b.programme for b in result.benefits_of("jkm")} == {"jkm", "both"}


def test_benefits_at_lowest_income_when_income_is_below(package):
    result = rules.quote(package, rules.Question("ojol", 10, CORE, D(2026, 11, 23)))
    assert result.benefits["jkk-death-multiple"] == 48_000_000


def test_sources_are_known(package):
    result = rules.quote(package, rules.Question("umkm", 1_000_000, ALL, D(2026, 5, 1)))
    known = set(package.sources["id"])
    assert result.source_ids and set(result.source_ids) <= known
    assert "R-PP50" in result.source_ids


questions = st.builds(
    rules.Question,
    work=st.sampled_from(rules.WORK_KINDS),
    income=st.integers(min_value=0, max_value=10**9),
    programmes=st.sets(st.sampled_from(rules.PROGRAMMES)).map(frozenset),
    on=st.dates(min_value=D(2016, 1, 1), max_value=D(2031, 12, 31)),
    budget_paid=st.booleans(),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(question=questions)
def test_total_is_never_negative_and_is_the_sum_of_its_lines(package, question):
    result = rules.quote(package, question)
    assert result.total >= 0
    assert result.total == sum(line.due for line in result.lines)
    assert result.total_normal == sum(line.normal for line in result.lines)


@SETTINGS
@given(question=questions)
def test_a_discount_never_costs_more(package, question):
    result = rules.quote(package, question)
    assert result.total <= result.total_normal
    assert all(line.due <= line.normal for line in result.lines)


@SETTINGS
@given(question=questions, extra=st.integers(min_value=0, max_value=10**9))
def test_more_income_never_costs_less(package, question, extra):
    lower = rules.quote(package, question)
    higher = rules.quote(package, rules.Question(question.work, question.income + extra, *_rest(question)))
    assert higher.total >= lower.total
    assert higher.total_normal >= lower.total_normal


def _rest(question: rules.Question) -> tuple:
    return question.programmes, question.on, question.budget_paid
