"""Eligibility, monthly contributions, discounts and benefits of a BPU participant for a contribution month.

The rules are rows of ``data/`` with validity dates, read by month in ``rulebook``. A month before the
site's first (PP 82/2019, December 2019) gets no amounts; a month after the newest rule gets today's rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from jamsostek import clock
from jamsostek.data import DataPackage, Need
from jamsostek.data.cache import per_package
from jamsostek.months import add_months, month_start, span
from jamsostek.rulebook import (  # noqa: F401  (re-exported: pages and exports ask ``rules``)
    INCOME_KINDS,
    LOWEST_INCOME,
    TRANSPORT_WORK,
    UNSURE,
    Benefit,
    benefit_items,
    benefits_at,
    discount_on,
    discount_periods,
    first_day,
    first_month,
    highest_income,
    last_known_month,
    lowest_income,
    rows,
    rule_value,
    sector,
)

WORK_KINDS: tuple[str, ...] = ("ojol", "ojek-pangkalan", "kurir", "sopir", "umkm", "mandiri-lain", "karyawan")
TRANSPORT_EXAMPLE = "ojol"  # the kind of work the home page quotes
EMPLOYEE_WORK = frozenset({"karyawan"})
PROGRAMMES: tuple[str, ...] = ("jkk", "jkm", "jht")
CORE_PROGRAMMES = frozenset({"jkk", "jkm"})
NEEDS = tuple(Need("contributions", "programme", p, "the check prices every programme") for p in PROGRAMMES)
CITY_PAYS = CORE_PROGRAMMES  # FACTS.md §7: the city's scheme pays JKK and JKM; nothing says it pays JHT
YEAR_MONTHS = 12
ESTIMATE, AT_MOST = "estimate", "at-most"  # marks on an amount: between the table's known points; its ceiling


@dataclass(frozen=True)
class Question:
    """What a visitor tells the check; ``month`` may be any day of the contribution month."""

    work: str
    income: int
    programmes: frozenset[str] = CORE_PROGRAMMES
    month: dt.date = field(default_factory=clock.today)
    budget_paid: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "month", month_start(self.month))
        object.__setattr__(self, "programmes", frozenset(self.programmes) | CORE_PROGRAMMES)


@dataclass(frozen=True)
class Line:
    """One programme's monthly contribution: normal and due after any discount (None: not known at this income)."""

    programme: str
    normal: int | None
    due: int | None
    basis: str
    source_id: str
    certainty: str
    discount_id: str | None = None
    capped: bool = False  # the contribution hit its highest amount (JKK: max_amount)
    estimate: bool = False  # between the known points of the JKK table (1% of the income, FACTS.md §4)
    at_most: bool = False  # income above the highest the site can price: the highest amount, "at most"
    payer: str = "you"  # "you", or "city" when Pemkot Jambi pays it

    @property
    def mark(self) -> str:
        """How sure the amount is: ``estimate``, ``at-most`` or "" (as the sources give it)."""
        return ESTIMATE if self.estimate else AT_MOST if self.at_most else ""


@dataclass(frozen=True)
class MonthCost:
    """What the participant pays in one contribution month, how sure it is, and whether a line is unknown."""

    month: dt.date
    total: int
    mark: str
    complete: bool


def _summary(month: dt.date, lines: tuple[Line, ...] | list[Line]) -> MonthCost:
    """The participant's own lines summed: an estimate or ceiling in any of them marks the total."""
    own = [line for line in lines if line.payer == "you"]
    known = [line for line in own if line.due is not None]
    marks = {line.mark for line in known if line.due}
    mark = ESTIMATE if ESTIMATE in marks else AT_MOST if AT_MOST in marks else ""
    return MonthCost(month, sum(line.due for line in known), mark, len(known) == len(own))


@dataclass(frozen=True)
class Quote:
    """The answer to a Question; everything the check page shows comes from here."""

    question: Question
    status: str  # "priced", "employee", "no-rules" (a month before the site's first)
    eligible: bool
    reason: str  # "bpu", "employee", "budget-paid"
    income_used: int
    income_raised: bool
    above_top: bool  # income above the highest the site can price (JHT and income-based benefits: ask)
    lines: tuple[Line, ...]
    discount: dict | None
    discount_reason: str  # "applied", "budget-paid" (a discount runs, not for you), "none", "employee", "no-rules"
    benefit_items: tuple[Benefit, ...] = ()
    year: tuple[MonthCost, ...] = ()  # this month and the next 11, each priced with its own month's rules
    after: MonthCost | None = None  # the first month after the discount applied ends
    later: bool = False  # the month is after the newest rule the data holds: today's rules, which may change

    @property
    def cost(self) -> MonthCost:
        """This month's total, mark and completeness."""
        return _summary(self.question.month, self.lines)

    @property
    def total(self) -> int:
        """What the participant pays per month (the known lines)."""
        return self.cost.total

    @property
    def total_normal(self) -> int:
        """What they would pay per month without a discount (the known lines)."""
        return sum(line.normal for line in self.lines if line.payer == "you" and line.normal is not None)

    @property
    def per_year(self) -> int:
        """The sum of the 12 contribution months from this one, each priced with its own rules."""
        return sum(month.total for month in self.year)

    @property
    def year_cost(self) -> MonthCost:
        """The 12 months' sum, marked as an estimate or a ceiling when any month is."""
        marks = {month.mark for month in self.year}
        mark = ESTIMATE if ESTIMATE in marks else AT_MOST if AT_MOST in marks else ""
        return MonthCost(self.question.month, self.per_year, mark, all(month.complete for month in self.year))

    @property
    def changes(self) -> tuple[MonthCost, ...]:
        """The months within the 12 whose total differs from the month before."""
        return tuple(
            b for a, b in zip(self.year, self.year[1:], strict=False) if (a.total, a.mark) != (b.total, b.mark)
        )

    @property
    def capped(self) -> bool:
        """Whether a contribution hit its highest amount at this income."""
        return any(line.capped for line in self.lines)

    @property
    def benefits(self) -> dict[str, int | None]:
        """Each benefit's amount by id."""
        return {item.id: item.amount for item in self.benefit_items}

    def benefits_of(self, programme: str) -> tuple[Benefit, ...]:
        """The benefits of one programme, including those shared by JKK and JKM ("both")."""
        return tuple(b for b in self.benefit_items if b.programme in (programme, "both"))

    @property
    def source_ids(self) -> list[str]:
        """Every source behind the lines, the discount and the benefits, in order of first use."""
        ids = [line.source_id for line in self.lines] + ([self.discount["source_id"]] if self.discount else [])
        return list(dict.fromkeys(ids + [b.source_id for b in self.benefit_items]))


def contribution(package: DataPackage, programme: str, income: int, month: dt.date) -> Line | None:
    """The normal monthly contribution of one programme at a declared income in a contribution month."""
    row = next((r for r in rows(package, "contributions", month) if r["programme"] == programme), None)
    if row is None:
        return None
    basis = (row["basis"], row["source_id"], row["certainty"])
    if row["method"] == "flat":
        return Line(programme, int(row["amount"]), int(row["amount"]), *basis)
    floor = int(row["min_income"]) if pd.notna(row["min_income"]) else 0
    base, top, has_max = max(income, floor), highest_income(package, month), pd.notna(row["max_amount"])
    if top is not None and base > top and not has_max:
        return Line(programme, None, None, *basis)  # above what the sources let us price: ask BPJS
    amount = round(base * float(row["rate_pct"]) / 100)
    capped = bool(has_max and amount >= int(row["max_amount"]))
    amount = int(row["max_amount"]) if capped else amount
    estimate = row["certainty"] == ESTIMATE and not capped and base != floor
    at_most = capped and top is not None and base > top
    return Line(programme, amount, amount, *basis, capped=capped, estimate=estimate, at_most=at_most)


def _apply(line: Line, discount: dict) -> Line:
    if line.programme not in discount["programmes"].split() or line.normal is None:
        return line
    due = round(line.normal * (100 - float(discount["percent_off"])) / 100)
    return replace(line, due=due, discount_id=discount["id"])


def _priced(package: DataPackage, question: Question, income: int) -> tuple[tuple[Line, ...], dict | None, str]:
    """The chosen programmes' lines in the question's month after the discount (or none), and why.

    A city-paid participant's JKK and JKM are the city's; JHT stays theirs. PP 50/2025 is not for them
    (``excludes_budget_paid``); a discount that does not say changes nothing they pay themselves.
    """
    month = question.month
    lines = [line for p in PROGRAMMES if p in question.programmes and (line := contribution(package, p, income, month))]
    discount = discount_on(package, question.work, month)
    if question.budget_paid:
        lines = [replace(line, due=0, payer="city") if line.programme in CITY_PAYS else line for line in lines]
        excluded = discount is not None and discount["excludes_budget_paid"] is True
        return tuple(lines), None, "budget-paid" if excluded else "none"
    if discount is None:
        return tuple(lines), None, "none"
    return tuple(_apply(line, discount) for line in lines), discount, "applied"


def _month_cost(package: DataPackage, question: Question, month: dt.date, income: int) -> MonthCost:
    return _summary(month, _priced(package, replace(question, month=month), income)[0])


@per_package(maxsize=512)
def quote(package: DataPackage, question: Question) -> Quote:
    """Eligibility, the monthly cost of each chosen programme, the discount, the next 12 months and the benefits.

    Remembered per package content and question: the check page asks the same question on every rerun,
    and the pandas look-ups behind an answer were most of that page's script time (bench/PROFILE.txt).
    """
    return _quote(package, question)


def _quote(package: DataPackage, question: Question) -> Quote:
    floor, month = lowest_income(package), question.month
    income, raised = max(question.income, floor), question.income < floor
    employee = question.work in EMPLOYEE_WORK
    reason = "employee" if employee else "budget-paid" if question.budget_paid else "bpu"
    if month < first_month(package):
        return Quote(question, "no-rules", not employee, reason, income, raised, False, (), None, "no-rules")
    top = highest_income(package, month)
    above = top is not None and income > top
    if employee:
        return Quote(question, "employee", False, reason, income, raised, above, (), None, "employee")
    lines, discount, why = _priced(package, question, income)
    known_income = None if above or question.budget_paid else income
    items = benefit_items(package, known_income, month)
    year = tuple(_month_cost(package, question, m, income) for m in span(month, YEAR_MONTHS))
    after = None
    if discount is not None:
        after = _month_cost(package, question, add_months(month_start(discount["valid_to"]), 1), income)
    later = month > last_known_month(package)
    return Quote(
        question, "priced", True, reason, income, raised, above, lines, discount, why, items, year, after, later
    )


@per_package(maxsize=8)
def home_cost_section(package: DataPackage, on: dt.date) -> str:
    """Which cost text the home page shows on a date: ``cost-discount`` while the transport discount runs."""
    return "cost-discount" if discount_on(package, TRANSPORT_EXAMPLE, on) is not None else "cost-normal"
