"""Eligibility, monthly contributions, discounts and benefits of a BPU participant on a given date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from jamsostek.data import DataPackage


def N_(message: str) -> str:
    """Mark a message for the catalogue; it is translated where it is shown."""
    return message


WORK_LABELS: dict[str, str] = {
    "ojol": N_("Online motorbike taxi or delivery driver (ojol)"),
    "ojek-pangkalan": N_("Base-station motorbike taxi (ojek pangkalan)"),
    "kurir": N_("Courier"),
    "sopir": N_("Driver (car, minibus, truck)"),
    "umkm": N_("Small business (UMKM), self-employed"),
    "mandiri-lain": N_("Other self-employed work"),
    "karyawan": N_("Employee with a wage from an employer"),
}
WORK_KINDS: tuple[str, ...] = tuple(WORK_LABELS)
TRANSPORT_WORK = frozenset({"ojol", "ojek-pangkalan", "kurir", "sopir"})
EMPLOYEE_WORK = frozenset({"karyawan"})
PROGRAMMES: tuple[str, ...] = ("jkk", "jkm", "jht")
CORE_PROGRAMMES = frozenset({"jkk", "jkm"})


@dataclass(frozen=True)
class Question:
    """What a visitor tells the check."""

    work: str
    income: int
    programmes: frozenset[str] = CORE_PROGRAMMES
    on: dt.date = field(default_factory=dt.date.today)
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
    discount_reason: str  # "applied", "budget-paid", "outside-period", "not-eligible"
    benefits: dict[str, int | None]

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


def _valid_on(frame: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    starts = [(v is None or v <= on) for v in frame["valid_from"]]
    ends = [(v is None or v >= on) for v in frame["valid_to"]]
    return frame[[a and b for a, b in zip(starts, ends, strict=True)]]


def lowest_income(package: DataPackage) -> int:
    """The lowest declared income level, Rp1,000,000 per the sources."""
    rules = package.rules
    return int(rules.loc[rules["id"] == "lowest-income", "value"].iloc[0])


def contribution(package: DataPackage, programme: str, income: int, on: dt.date) -> Line | None:
    """The normal monthly contribution of one programme at a declared income on a date."""
    rows = _valid_on(package.contributions, on)
    rows = rows[rows["programme"] == programme]
    if rows.empty:
        return None
    row = rows.iloc[0]
    if row["method"] == "flat":
        amount = int(row["amount"])
    else:
        base = max(income, int(row["min_income"])) if pd.notna(row["min_income"]) else income
        amount = round(base * float(row["rate_pct"]) / 100)
        if pd.notna(row["max_amount"]):
            amount = min(amount, int(row["max_amount"]))
    return Line(programme, amount, amount, row["basis"], row["source_id"], row["certainty"])


def discount_on(package: DataPackage, work: str, on: dt.date) -> dict | None:
    """The discount in force for this kind of work on a date, if any."""
    sector = "transport" if work in TRANSPORT_WORK else "other"
    rows = _valid_on(package.discounts, on)
    rows = rows[rows["sector"].isin([sector, "all"])]
    return None if rows.empty else rows.iloc[0].to_dict()


def _apply(line: Line, discount: dict) -> Line:
    if line.programme not in discount["programmes"].split():
        return line
    due = round(line.normal * (100 - float(discount["percent_off"])) / 100)
    return Line(line.programme, line.normal, due, line.basis, line.source_id, line.certainty, discount["id"])


def benefits_at(package: DataPackage, income: int, on: dt.date) -> dict[str, int | None]:
    """What each benefit pays at a declared income: amounts in rupiah, multiples applied."""
    result: dict[str, int | None] = {}
    for _, row in _valid_on(package.benefits, on).iterrows():
        value = None if pd.isna(row["value"]) else float(row["value"])
        if row["kind"] == "multiple-of-income" and value is not None:
            result[row["id"]] = round(value * income)
        elif row["kind"] == "percent-of-income" and value is not None:
            result[row["id"]] = round(value * income / 100)
        else:
            result[row["id"]] = None if value is None else round(value)
    return result


def quote(package: DataPackage, question: Question) -> Quote:
    """Eligibility, the monthly cost of each chosen programme, the discount and the benefits."""
    floor = lowest_income(package)
    income_used = max(question.income, floor)
    benefits = benefits_at(package, income_used, question.on)
    if question.work in EMPLOYEE_WORK:
        return Quote(question, False, "employee", income_used, False, (), None, "not-eligible", benefits)
    chosen = [p for p in PROGRAMMES if p in question.programmes | CORE_PROGRAMMES]
    lines = [line for p in chosen if (line := contribution(package, p, income_used, question.on))]
    discount = discount_on(package, question.work, question.on)
    if question.budget_paid:
        reason, discount_reason = "budget-paid", "budget-paid"
        lines = [Line(x.programme, x.normal, 0, x.basis, x.source_id, x.certainty) for x in lines]
        discount = None
    elif discount is None:
        reason, discount_reason = "bpu", "outside-period"
    else:
        reason, discount_reason = "bpu", "applied"
        lines = [_apply(line, discount) for line in lines]
    raised = question.income < floor
    return Quote(question, True, reason, income_used, raised, tuple(lines), discount, discount_reason, benefits)
