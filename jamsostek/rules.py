"""Eligibility, monthly contributions, discounts and benefits of a BPU participant on a given date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from jamsostek import clock
from jamsostek.data import DataPackage, Need
from jamsostek.data.cache import per_package

WORK_KINDS: tuple[str, ...] = ("ojol", "ojek-pangkalan", "kurir", "sopir", "umkm", "mandiri-lain", "karyawan")
TRANSPORT_EXAMPLE = "ojol"  # the kind of work the home page quotes
TRANSPORT_WORK = frozenset({"ojol", "ojek-pangkalan", "kurir", "sopir"})
EMPLOYEE_WORK = frozenset({"karyawan"})
PROGRAMMES: tuple[str, ...] = ("jkk", "jkm", "jht")
CORE_PROGRAMMES = frozenset({"jkk", "jkm"})
UNSURE = "unsure"  # a benefit FACTS.md marks [?]: the page says "check with BPJS Ketenagakerjaan"
LOWEST_INCOME = "lowest-income"
NEEDS = (
    Need("rules", "id", LOWEST_INCOME, "the check prices incomes below it at this level"),
    *(Need("contributions", "programme", p, "the check prices every programme") for p in PROGRAMMES),
)


@dataclass(frozen=True)
class Question:
    """What a visitor tells the check."""

    work: str
    income: int
    programmes: frozenset[str] = CORE_PROGRAMMES
    on: dt.date = field(default_factory=clock.today)
    budget_paid: bool = False


@dataclass(frozen=True)
class Line:
    """One programme's monthly contribution: normal and due after any discount."""

    programme: str
    normal: int
    due: int
    basis: str
    source_id: str
    certainty: str
    discount_id: str | None = None
    capped: bool = False  # the contribution hit its highest amount (JKK: max_amount)


@dataclass(frozen=True)
class Benefit:
    """One thing a programme pays, with its amount at the income used (None: no fixed amount)."""

    id: str
    programme: str
    kind: str
    value: float | None
    amount: int | None
    basis: str
    source_id: str
    certainty: str

    @property
    def unsure(self) -> bool:
        """FACTS.md marks it unsure: say "check with BPJS Ketenagakerjaan"."""
        return self.certainty == UNSURE


@dataclass(frozen=True)
class Quote:
    """The answer to a Question; everything the check page shows comes from here."""

    question: Question
    eligible: bool
    reason: str  # "bpu", "employee", "budget-paid"
    income_used: int
    income_raised: bool
    lines: tuple[Line, ...]
    discount: dict | None
    discount_reason: str  # "applied", "budget-paid", "outside-period", "employee"
    benefits: dict[str, int | None]
    benefit_items: tuple[Benefit, ...] = ()

    @property
    def total(self) -> int:
        """What the participant pays per month."""
        return sum(line.due for line in self.lines)

    @property
    def total_normal(self) -> int:
        """What they would pay per month without a discount."""
        return sum(line.normal for line in self.lines)

    @property
    def per_year(self) -> int:
        """Twelve times this month's total (the discount period may end sooner)."""
        return 12 * self.total

    @property
    def capped(self) -> bool:
        """Whether a contribution hit its highest amount at this income."""
        return any(line.capped for line in self.lines)

    def benefits_of(self, programme: str) -> tuple[Benefit, ...]:
        """The benefits of one programme, including those shared by JKK and JKM ("both")."""
        return tuple(b for b in self.benefit_items if b.programme in (programme, "both"))

    @property
    def source_ids(self) -> list[str]:
        """Every source behind the lines, the discount and the benefits, in order of first use."""
        ids = [line.source_id for line in self.lines] + ([self.discount["source_id"]] if self.discount else [])
        return list(dict.fromkeys(ids + [b.source_id for b in self.benefit_items]))


def _valid_on(frame: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    starts = [(v is None or v <= on) for v in frame["valid_from"]]
    ends = [(v is None or v >= on) for v in frame["valid_to"]]
    return frame[[a and b for a, b in zip(starts, ends, strict=True)]]


def lowest_income(package: DataPackage) -> int:
    """The lowest declared income level, Rp1,000,000 per the sources."""
    rules = package.rules
    return int(rules.loc[rules["id"] == LOWEST_INCOME, "value"].iloc[0])


def contribution(package: DataPackage, programme: str, income: int, on: dt.date) -> Line | None:
    """The normal monthly contribution of one programme at a declared income on a date."""
    rows = _valid_on(package.contributions, on)
    rows = rows[rows["programme"] == programme]
    if rows.empty:
        return None
    row = rows.iloc[0]
    capped = False
    if row["method"] == "flat":
        amount = int(row["amount"])
    else:
        base = max(income, int(row["min_income"])) if pd.notna(row["min_income"]) else income
        amount = round(base * float(row["rate_pct"]) / 100)
        if pd.notna(row["max_amount"]) and amount >= int(row["max_amount"]):
            amount, capped = int(row["max_amount"]), True
    return Line(programme, amount, amount, row["basis"], row["source_id"], row["certainty"], capped=capped)


def sector(work: str) -> str:
    """The discount sector of a kind of work: ``transport`` or ``other``."""
    return "transport" if work in TRANSPORT_WORK else "other"


def discount_on(package: DataPackage, work: str, on: dt.date) -> dict | None:
    """The discount in force for this kind of work on a date, if any."""
    rows = _valid_on(package.discounts, on)
    rows = rows[rows["sector"].isin([sector(work), "all"])]
    return None if rows.empty else rows.iloc[0].to_dict()


def discount_periods(package: DataPackage, work: str) -> list[dict]:
    """Every discount this kind of work can get, on any date (to say when, if not today)."""
    rows = package.discounts[package.discounts["sector"].isin([sector(work), "all"])]
    return [row.to_dict() for _, row in rows.iterrows()]


def rule_value(package: DataPackage, rule_id: str) -> float:
    """One value from rules.csv (e.g. ``jkk-full-pay-months``)."""
    rules = package.rules
    return float(rules.loc[rules["id"] == rule_id, "value"].iloc[0])


def _apply(line: Line, discount: dict) -> Line:
    if line.programme not in discount["programmes"].split():
        return line
    due = round(line.normal * (100 - float(discount["percent_off"])) / 100)
    return replace(line, due=due, discount_id=discount["id"])


def _amount(kind: str, value: float | None, income: int) -> int | None:
    if value is None:
        return None
    if kind == "multiple-of-income":
        return round(value * income)
    if kind == "percent-of-income":
        return round(value * income / 100)
    return round(value)


def benefit_items(package: DataPackage, income: int, on: dt.date) -> tuple[Benefit, ...]:
    """Every benefit in force on a date, with its amount at a declared income."""
    items = []
    for _, row in _valid_on(package.benefits, on).iterrows():
        value = None if pd.isna(row["value"]) else float(row["value"])
        amount = _amount(row["kind"], value, income)
        certainty = row.get("certainty") or "news"
        items.append(
            Benefit(row["id"], row["programme"], row["kind"], value, amount, row["basis"], row["source_id"], certainty)
        )
    return tuple(items)


def benefits_at(package: DataPackage, income: int, on: dt.date) -> dict[str, int | None]:
    """What each benefit pays at a declared income: amounts in rupiah, multiples applied."""
    return {item.id: item.amount for item in benefit_items(package, income, on)}


def _priced(package: DataPackage, question: Question, income: int) -> tuple[list[Line], dict | None, str]:
    """The chosen programmes' lines after the discount (or none), and why."""
    chosen = [p for p in PROGRAMMES if p in question.programmes | CORE_PROGRAMMES]
    lines = [line for p in chosen if (line := contribution(package, p, income, question.on))]
    discount = discount_on(package, question.work, question.on)
    if question.budget_paid:
        lines = [replace(line, due=0) for line in lines]
        excluded = discount is not None and bool(discount["excludes_budget_paid"])
        return lines, (None if excluded else discount), "budget-paid"
    if discount is None:
        return lines, None, "outside-period"
    return [_apply(line, discount) for line in lines], discount, "applied"


@per_package(maxsize=512)
def quote(package: DataPackage, question: Question) -> Quote:
    """Eligibility, the monthly cost of each chosen programme, the discount and the benefits.

    Remembered per package content and question: the check page asks the same question on every rerun,
    and the pandas look-ups behind an answer were most of that page's script time (bench/PROFILE.txt).
    """
    return _quote(package, question)


def _quote(package: DataPackage, question: Question) -> Quote:
    floor = lowest_income(package)
    income_used = max(question.income, floor)
    raised = question.income < floor
    items = benefit_items(package, income_used, question.on)
    benefits = {item.id: item.amount for item in items}
    if question.work in EMPLOYEE_WORK:
        return Quote(question, False, "employee", income_used, raised, (), None, "employee", benefits, items)
    lines, discount, discount_reason = _priced(package, question, income_used)
    reason = "budget-paid" if question.budget_paid else "bpu"
    return Quote(question, True, reason, income_used, raised, tuple(lines), discount, discount_reason, benefits, items)


@per_package(maxsize=8)
def home_cost_section(package: DataPackage, on: dt.date) -> str:
    """Which cost text the home page shows on a date: ``cost-discount`` while the transport discount runs."""
    return "cost-discount" if discount_on(package, TRANSPORT_EXAMPLE, on) is not None else "cost-normal"
