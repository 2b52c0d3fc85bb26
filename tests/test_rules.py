"""The rules engine over tables of contribution months and answers, and its properties (hypothesis)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsostek import i18n, months, rules
from jamsostek.check import outcome

M = dt.date  # a contribution month: its first day
CORE = frozenset({"jkk", "jkm"})
ALL = frozenset({"jkk", "jkm", "jht"})
TOP = 20_700_000  # FACTS.md §4: Rp207,000 is 1% of Rp20,700,000, the highest income the site prices

# work, income, programmes, month, city pays -> total per month, discount applied (id or None)
CASES = [
    # the site's first month (PP 82/2019, in force 2 December 2019)
    ("ojol", 1_000_000, CORE, M(2019, 12, 1), False, 16_800, None),
    # PP 49/2020 (COVID-19): contribution months August 2020 to January 2021, every kind of work, 1% of normal
    ("ojol", 1_000_000, CORE, M(2020, 7, 1), False, 16_800, None),
    ("ojol", 1_000_000, CORE, M(2020, 8, 1), False, 168, "pp49-20"),
    ("umkm", 1_000_000, CORE, M(2020, 8, 1), False, 168, "pp49-20"),
    ("karyawan", 1_000_000, CORE, M(2020, 8, 1), False, 0, None),
    ("kurir", 1_000_000, ALL, M(2021, 1, 1), False, 20_168, "pp49-20"),  # JHT is not in PP 49/2020's discount
    ("mandiri-lain", 1_000_000, CORE, M(2021, 1, 1), False, 168, "pp49-20"),
    ("ojol", 1_000_000, CORE, M(2021, 2, 1), False, 16_800, None),
    # PP 50/2025, transport: January 2026 to March 2027
    ("kurir", 1_000_000, CORE, M(2025, 12, 1), False, 16_800, None),
    ("kurir", 1_000_000, CORE, M(2026, 1, 1), False, 8_400, "pp50-transport"),
    ("sopir", 1_000_000, CORE, M(2027, 3, 1), False, 8_400, "pp50-transport"),
    ("ojek-pangkalan", 1_000_000, CORE, M(2027, 4, 1), False, 16_800, None),
    # PP 50/2025, other work: April to December 2026
    ("mandiri-lain", 1_000_000, CORE, M(2026, 3, 1), False, 16_800, None),
    ("mandiri-lain", 1_000_000, CORE, M(2026, 4, 1), False, 8_400, "pp50-other"),
    ("umkm", 1_000_000, CORE, M(2026, 12, 1), False, 8_400, "pp50-other"),
    ("umkm", 1_000_000, CORE, M(2027, 1, 1), False, 16_800, None),
    # incomes: below the lowest level (counted at Rp1,000,000), the highest the site prices, and above it
    ("ojol", 500_000, CORE, M(2025, 6, 1), False, 16_800, None),
    ("ojol", 500_000, ALL, M(2026, 11, 1), False, 28_400, "pp50-transport"),
    ("ojol", 20_700_000, ALL, M(2025, 6, 1), False, 627_800, None),  # 207,000 + 6,800 + 414,000
    ("ojol", 50_000_000, CORE, M(2025, 6, 1), False, 213_800, None),
    ("ojol", 50_000_000, ALL, M(2026, 6, 1), False, 106_900, "pp50-transport"),  # + JHT: ask BPJS
    # a wage employee pays no BPU contribution; a city-paid participant pays JHT only, and gets no PP 50 discount
    ("karyawan", 1_000_000, CORE, M(2026, 11, 1), False, 0, None),
    ("ojol", 1_000_000, CORE, M(2026, 11, 1), True, 0, None),
    ("ojol", 1_000_000, ALL, M(2026, 11, 1), True, 20_000, None),
    ("umkm", 5_000_000, ALL, M(2025, 6, 1), True, 100_000, None),
    # a month after the newest rule is priced with the rules known today
    ("ojol", 1_000_000, CORE, M(2031, 1, 1), False, 16_800, None),
]


@pytest.mark.parametrize(("work", "income", "programmes", "month", "city", "total", "discount_id"), CASES)
def test_total_in_a_month(package, work, income, programmes, month, city, total, discount_id):
    result = rules.quote(package, rules.Question(work, income, programmes, month, city))
    assert result.total == total
    assert (result.discount or {}).get("id") == discount_id
    assert result.total == sum(line.due for line in result.lines if line.payer == "you" and line.due is not None)


@pytest.mark.parametrize("day", [1, 15, 31])
def test_any_day_of_a_month_is_that_month(package, day):
    """Links shared with a day keep asking for that day's month: the discount's last month ends on its last day."""
    question = rules.Question("sopir", 1_000_000, CORE, M(2027, 3, day))
    assert question.month == M(2027, 3, 1)
    assert rules.quote(package, question).total == 8_400


@pytest.mark.parametrize("month", [M(2019, 11, 1), M(2019, 6, 1), M(2016, 1, 1), M(1990, 5, 1)])
def test_a_month_before_december_2019_gets_no_amounts(package, month):
    result = rules.quote(package, rules.Question("ojol", 1_000_000, ALL, month))
    assert result.status == "no-rules" and result.discount_reason == "no-rules"
    assert (result.lines, result.benefit_items, result.year, result.after) == ((), (), (), None)
    assert rules.first_month(package) == M(2019, 12, 1) and rules.first_day(package) == M(2019, 12, 2)


def test_the_first_month_has_the_benefits_of_pp_82_2019(package):
    """PP 82/2019 took effect on 2 December 2019: December 2019 is answered with its amounts, whole."""
    result = rules.quote(package, rules.Question("ojol", 1_000_000, ALL, M(2019, 12, 1)))
    assert result.benefits["jkm-total"] == 42_000_000 and result.benefits["jkk-death-multiple"] == 48_000_000
    assert len(result.benefit_items) == len(package.benefits)


# work, income, programmes, month -> the next 12 months' sum; the months where the price changes, and to what
YEARS = [
    # across the end of the transport discount (the example): 5 x 8,400 + 7 x 16,800
    ("ojol", 1_000_000, CORE, M(2026, 11, 1), 159_600, [(M(2027, 4, 1), 16_800)]),
    # across the end of the other-work discount: 13,750 + 3,400 once, then 11 x (27,500 + 6,800)
    ("umkm", 2_750_000, CORE, M(2026, 12, 1), 394_450, [(M(2027, 1, 1), 34_300)]),
    # with JHT across the end of the transport discount: 3 x 503,400 + 9 x 606,800
    ("sopir", 20_000_000, ALL, M(2027, 1, 1), 6_971_400, [(M(2027, 4, 1), 606_800)]),
    # across the start of the other-work discount: 3 x 16,800 + 9 x 8,400
    ("umkm", 1_000_000, CORE, M(2026, 1, 1), 126_000, [(M(2026, 4, 1), 8_400)]),
    # across the start and the end of PP 49/2020
    ("ojol", 1_000_000, CORE, M(2020, 1, 1), 118_440, [(M(2020, 8, 1), 168)]),
    ("ojol", 1_000_000, CORE, M(2020, 12, 1), 168_336, [(M(2021, 2, 1), 16_800)]),
    # no change within the year
    ("ojol", 1_000_000, CORE, M(2027, 6, 1), 201_600, []),
]


@pytest.mark.parametrize(("work", "income", "programmes", "month", "year", "changes"), YEARS)
def test_the_next_12_months_each_priced_with_its_own_rules(package, work, income, programmes, month, year, changes):
    result = rules.quote(package, rules.Question(work, income, programmes, month))
    assert result.per_year == year
    assert [(c.month, c.total) for c in result.changes] == changes
    assert [m.month for m in result.year] == months.span(month, 12)


def test_what_it_costs_after_the_discount(package):
    transport = rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2026, 11, 1)))
    assert (transport.after.month, transport.after.total) == (M(2027, 4, 1), 16_800)
    covid = rules.quote(package, rules.Question("umkm", 2_000_000, ALL, M(2020, 9, 1)))
    assert (covid.after.month, covid.after.total, covid.after.mark) == (M(2021, 2, 1), 66_800, rules.ESTIMATE)
    assert rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2027, 4, 1))).after is None


def test_discount_lines_and_reasons(package):
    applied = rules.quote(package, rules.Question("ojol", 1_000_000, ALL, M(2026, 11, 1)))
    assert applied.discount_reason == "applied"
    assert {line.programme: (line.normal, line.due) for line in applied.lines} == {
        "jkk": (10_000, 5_000),
        "jkm": (6_800, 3_400),
        "jht": (20_000, 20_000),
    }
    assert all(line.basis and line.source_id for line in applied.lines)
    assert applied.discount["basis"].startswith("PP 50/2025")
    covid = rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2020, 10, 1)))
    assert {line.programme: line.due for line in covid.lines} == {"jkk": 100, "jkm": 68}
    assert covid.discount["condition_id"] and covid.discount["condition_en"]
    outside = rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2025, 6, 1)))
    assert outside.discount_reason == "none" and outside.total_normal == outside.total


def test_employee_is_not_eligible_and_gets_no_benefit_list(package):
    result = rules.quote(package, rules.Question("karyawan", 1_500_000, ALL, M(2026, 6, 1)))
    assert (result.eligible, result.status, result.reason, result.lines) == (False, "employee", "employee", ())
    assert result.benefit_items == () and result.year == ()


@pytest.mark.parametrize(("programmes", "total"), [(CORE, 0), (ALL, 20_000)])
def test_city_pays_jkk_and_jkm_not_jht(package, programmes, total):
    result = rules.quote(package, rules.Question("ojol", 1_000_000, programmes, M(2026, 6, 1), budget_paid=True))
    assert result.eligible and result.reason == "budget-paid" and result.discount_reason == "budget-paid"
    assert result.discount is None and result.total == total and result.per_year == 12 * total
    assert {line.programme: line.payer for line in result.lines} == {
        p: ("city" if p in ("jkk", "jkm") else "you") for p in programmes
    }
    paid = result.benefits  # the city registers the income: benefits from it are not priced
    assert paid["jkk-death-multiple"] is None and paid["jkm-total"] == 42_000_000


def test_income_below_lowest_is_raised_and_said(package):
    result = rules.quote(package, rules.Question("ojol", 500_000, CORE, M(2025, 6, 1)))
    assert (result.income_used, result.income_raised) == (1_000_000, True)
    assert not rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2025, 6, 1))).income_raised


# income -> JKK line: normal amount, mark; JHT normal (None: ask BPJS); income-based benefits priced
INCOMES = [
    (500_000, 10_000, "", 20_000, True),
    (1_000_000, 10_000, "", 20_000, True),
    (1_500_000, 15_000, rules.ESTIMATE, 30_000, True),
    (20_600_000, 206_000, rules.ESTIMATE, 412_000, True),
    (20_700_000, 207_000, "", 414_000, True),
    (20_700_001, 207_000, rules.AT_MOST, None, False),
    (50_000_000, 207_000, rules.AT_MOST, None, False),
]


@pytest.mark.parametrize(("income", "jkk", "mark", "jht", "priced"), INCOMES)
def test_marks_and_the_highest_income(package, income, jkk, mark, jht, priced):
    result = rules.quote(package, rules.Question("ojol", income, ALL, M(2025, 6, 1)))
    lines = {line.programme: line for line in result.lines}
    assert (lines["jkk"].normal, lines["jkk"].mark, lines["jht"].normal) == (jkk, mark, jht)
    assert result.above_top is not priced and result.cost.complete is priced
    assert (result.benefits["jkk-death-multiple"] is not None) is priced
    assert result.benefits["jkk-funeral"] == 10_000_000  # fixed amounts are always known
    assert rules.highest_income(package, M(2025, 6, 1)) == TOP


def test_benefits_at_income(package):
    result = rules.quote(package, rules.Question("ojol", 2_000_000, CORE, M(2026, 11, 1)))
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


def test_sources_are_known(package):
    result = rules.quote(package, rules.Question("umkm", 1_000_000, ALL, M(2026, 5, 1)))
    assert result.source_ids and set(result.source_ids) <= set(package.sources["id"])
    assert "R-PP50" in result.source_ids
    covid = rules.quote(package, rules.Question("umkm", 1_000_000, ALL, M(2020, 9, 1)))
    assert "R-PP49-20" in covid.source_ids


def test_months_after_the_newest_rule_say_so(package):
    assert rules.last_known_month(package) == M(2027, 3, 1)
    assert not rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2027, 3, 1))).later
    assert rules.quote(package, rules.Question("ojol", 1_000_000, CORE, M(2027, 4, 1))).later


def test_rule_values_by_month(package):
    assert rules.rule_value(package, "claim-years", M(2026, 1, 1)) == 5
    assert rules.rule_value(package, "jkk-full-pay-months") == 12
    assert rules.lowest_income(package) == 1_000_000


questions = st.builds(
    rules.Question,
    work=st.sampled_from(rules.WORK_KINDS),
    income=st.integers(min_value=0, max_value=10**9),
    programmes=st.sets(st.sampled_from(rules.PROGRAMMES)).map(frozenset),
    month=st.dates(min_value=M(2019, 1, 1), max_value=M(2031, 12, 31)),
    budget_paid=st.booleans(),
)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(question=questions)
def test_the_12_month_sum_is_the_sum_of_its_months(package, question):
    result = rules.quote(package, question)
    alone = [rules.quote(package, replace(question, month=m.month)) for m in result.year]
    assert result.per_year == sum(q.total for q in alone)
    assert [m.total for m in result.year] == [q.total for q in alone]
    assert len(result.year) == (12 if result.status == "priced" else 0)


@SETTINGS
@given(question=questions)
def test_no_benefit_exceeds_its_multiple_of_the_highest_income(package, question):
    result = rules.quote(package, question)
    for item in result.benefit_items:
        if item.kind == "multiple-of-income" and item.amount is not None:
            assert item.amount <= item.value * TOP
        if item.kind == "percent-of-income" and item.amount is not None:
            assert item.amount <= item.value * TOP / 100


@SETTINGS
@given(question=questions.map(lambda q: replace(q, programmes=ALL, budget_paid=True)))
def test_a_city_paid_result_with_jht_is_never_rp0(package, question):
    result = rules.quote(package, question)
    if result.status != "priced":
        return
    assert result.total > 0 or not result.cost.complete
    for lang in i18n.LANGUAGES:
        assert outcome.total_value(result, package, lang) != i18n.money(0, lang)


@SETTINGS
@given(question=questions)
def test_total_is_never_negative_and_a_discount_never_costs_more(package, question):
    result = rules.quote(package, question)
    assert result.total >= 0
    assert result.total <= result.total_normal
    assert all(line.due <= line.normal for line in result.lines if line.normal is not None)


@SETTINGS
@given(question=questions, extra=st.integers(min_value=0, max_value=10**9))
def test_more_income_never_costs_less_on_any_line_priced_at_both(package, question, extra):
    lower = rules.quote(package, question)
    higher = rules.quote(package, replace(question, income=question.income + extra))
    below = {line.programme: line for line in lower.lines if line.due is not None}
    for line in higher.lines:
        if line.due is not None and line.programme in below:
            assert line.due >= below[line.programme].due
