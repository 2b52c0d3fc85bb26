"""The rule tables read by contribution month: which rows hold in a month, the site's first and last months.

``data/`` holds each rule with ``valid_from`` and ``valid_to``. The site holds rules from the earliest benefit
row on (PP 82/2019, in force 2 December 2019); a month after the newest dated row gets today's rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from jamsostek.data import DataPackage, Need
from jamsostek.data.cache import per_package
from jamsostek.months import month_end, month_start

TRANSPORT_WORK = frozenset({"ojol", "ojek-pangkalan", "kurir", "sopir"})
INCOME_KINDS = frozenset({"multiple-of-income", "percent-of-income"})
UNSURE = "unsure"  # a benefit FACTS.md marks [?]: the page says "check with BPJS Ketenagakerjaan"
LOWEST_INCOME = "lowest-income"
NEEDS = (Need("rules", "id", LOWEST_INCOME, "the check and the home page price the lowest income level"),)


def rows_in(frame: pd.DataFrame, month: dt.date, by: str | None = None) -> pd.DataFrame:
    """The rows that hold in a contribution month (one per ``by`` value when given), in the file's order.

    A row holds in a month when its validity touches any day of it (PP 82/2019 took effect on 2 December
    2019, and December 2019 is priced with it). Should two rows for the same thing touch one month, the
    newer one (later ``valid_from``) wins; the data checks keep rows of one thing from overlapping.
    """
    first, last = month_start(month), month_end(month)
    starts = [v is None or v <= last for v in frame["valid_from"]]
    ends = [v is None or v >= first for v in frame["valid_to"]]
    held = frame[[a and b for a, b in zip(starts, ends, strict=True)]]
    if by is None or held.empty:
        return held
    newest: dict[object, tuple[dt.date, object]] = {}
    for index, thing, start in zip(held.index, held[by], held["valid_from"], strict=True):
        if thing not in newest or (start or dt.date.min) >= newest[thing][0]:
            newest[thing] = (start or dt.date.min, index)
    return held.loc[[index for index in held.index if newest[held.at[index, by]][1] == index]]


@per_package(maxsize=8)
def first_day(package: DataPackage) -> dt.date:
    """The first day the site holds rules for: the earliest benefit row (PP 82/2019, 2 December 2019)."""
    return min(package.benefits["valid_from"])


def first_month(package: DataPackage) -> dt.date:
    """The first contribution month the check answers (the month of ``first_day``)."""
    return month_start(first_day(package))


@per_package(maxsize=8)
def last_known_month(package: DataPackage) -> dt.date:
    """The newest month any dated rule names; later months are priced with the rules known today."""
    dates = []
    for table in ("contributions", "discounts", "benefits", "rules"):
        frame = package.tables[table]
        dates += [d for column in ("valid_from", "valid_to") for d in frame[column] if d is not None]
    return month_start(max(dates))


@per_package(maxsize=256)
def rule_value(package: DataPackage, rule_id: str, month: dt.date | None = None) -> float:
    """One value from rules.csv (e.g. ``jkk-full-pay-months``): the row holding in ``month``, else the newest."""
    rules = package.rules
    rows = rules[rules["id"] == rule_id]
    held = rows_in(rows, month) if month is not None else rows
    rows = held if not held.empty else rows
    order = [v or dt.date.min for v in rows["valid_from"]]
    return float(rows.assign(_order=order).sort_values("_order", kind="stable")["value"].iloc[-1])


def lowest_income(package: DataPackage) -> int:
    """The lowest declared income level, Rp1,000,000 per the sources."""
    return int(rule_value(package, LOWEST_INCOME))


@per_package(maxsize=1024)
def rows(package: DataPackage, table: str, month: dt.date) -> tuple[dict, ...]:
    """The rows of a rule table holding in a month, as plain dicts (looked up once per month, not per line)."""
    by = {"contributions": "programme", "benefits": "id"}.get(table)
    return tuple(row.to_dict() for _, row in rows_in(package.tables[table], month_start(month), by).iterrows())


def highest_income(package: DataPackage, month: dt.date) -> int | None:
    """The highest declared income the site can price: where a capped rate (JKK, Rp207,000 at 1%) reaches its cap."""
    tops = [
        round(int(row["max_amount"]) * 100 / float(row["rate_pct"]))
        for row in rows(package, "contributions", month)
        if row["method"] == "rate" and pd.notna(row["max_amount"]) and pd.notna(row["rate_pct"])
    ]
    return min(tops) if tops else None


def sector(work: str) -> str:
    """The discount sector of a kind of work: ``transport`` or ``other``."""
    return "transport" if work in TRANSPORT_WORK else "other"


def discount_on(package: DataPackage, work: str, month: dt.date) -> dict | None:
    """The discount for this kind of work in a contribution month, if any."""
    return next((r for r in rows(package, "discounts", month) if r["sector"] in (sector(work), "all")), None)


def discount_periods(package: DataPackage, work: str) -> list[dict]:
    """Every discount this kind of work can get, oldest first (to say when, if not in the chosen month)."""
    frame = package.discounts[package.discounts["sector"].isin([sector(work), "all"])]
    return sorted((row.to_dict() for _, row in frame.iterrows()), key=lambda row: row["valid_from"])


@dataclass(frozen=True)
class Benefit:
    """One thing a programme pays, with its amount at the income used (None: no fixed or known amount)."""

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

    @property
    def needs_income(self) -> bool:
        """Whether the amount is computed from the declared income (a multiple or a percentage of it)."""
        return self.kind in INCOME_KINDS


def _amount(kind: str, value: float | None, income: int | None) -> int | None:
    if value is None or (kind in INCOME_KINDS and income is None):
        return None
    if kind == "multiple-of-income":
        return round(value * income)
    if kind == "percent-of-income":
        return round(value * income / 100)
    return round(value)


def benefit_items(package: DataPackage, income: int | None, month: dt.date) -> tuple[Benefit, ...]:
    """Every benefit that holds in a month, with its amount at a declared income (None: income not known)."""
    items = []
    for row in rows(package, "benefits", month):
        value = None if pd.isna(row["value"]) else float(row["value"])
        amount = _amount(row["kind"], value, income)
        certainty = row.get("certainty") or "news"
        items.append(
            Benefit(row["id"], row["programme"], row["kind"], value, amount, row["basis"], row["source_id"], certainty)
        )
    return tuple(items)


def benefits_at(package: DataPackage, income: int, month: dt.date) -> dict[str, int | None]:
    """What each benefit pays at a declared income: amounts in rupiah, multiples applied."""
    return {item.id: item.amount for item in benefit_items(package, income, month)}
