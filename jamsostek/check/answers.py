"""The check's answers read from a URL or typed text: parsed, bounded, and corrected kindly.

Bounds, and why:
- income: whole rupiah from 0 up to ``MAX_INCOME`` (Rp1,000,000,000 per month). A self-employed
  driver declaring more than a billion a month is a typo, not an answer; below the lowest level
  is allowed (the rules cost it at the lowest level and say so).
- month: the contribution month, ``month=2026-11``; links shared before it existed carry
  ``date=2026-11-23`` and open that day's month. Any month up to ``newest_month`` (the later of the
  newest rule's month and ``MONTHS_AHEAD`` months from today) is answered; a month before the site's
  first gets the page's "no rules before" sentence from the rules, not a correction.
- any raw value longer than ``MAX_RAW`` characters is refused before parsing.
A value that is missing, unknown, out of bounds or given twice with different values falls back
to the default and leaves a ``Correction`` for the page to show; nothing here raises.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from jamsostek import clock, i18n, months
from jamsostek.i18n import N_
from jamsostek.rules import CORE_PROGRAMMES, PROGRAMMES, WORK_KINDS

MAX_INCOME = 1_000_000_000
MONTHS_AHEAD = 12
MAX_RAW = 60
SHOWN_RAW = 30
DEFAULT_WORK = WORK_KINDS[0]
KEYS = ("work", "income", "programs", "month", "city_paid")
OLD_KEYS = ("date",)  # links shared before the month question: ``date=YYYY-MM-DD``, read as its month
MULTIPLIERS = {"juta": 1_000_000, "jt": 1_000_000, "million": 1_000_000, "mio": 1_000_000, "m": 1_000_000}
MULTIPLIERS |= {"ribu": 1_000, "rb": 1_000, "k": 1_000, "thousand": 1_000}
NOISE = re.compile(r"^(rp\.?|idr)|/\s*(bulan|bln|month)$|per\s*(bulan|month)$")
NUMBER = re.compile(r"^(-?)(\d[\d.,]*)([a-z]*)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES, NO = {"1", "true", "yes", "ya", "y"}, {"0", "false", "no", "tidak", "n", ""}

FIELD_NAMES = {
    "work": N_("kind of work"),
    "income": N_("monthly income"),
    "programs": N_("programmes"),
    "month": N_("contribution month"),
    "date": N_("contribution month"),  # an old link's date=
    "city_paid": N_("whether the city pays"),
}
MESSAGES = {
    "missing": N_("The link did not give: {field}. We used the usual answers; check them below."),
    "duplicate": N_("The link gave more than one answer for the {field}; we used the first one."),
    "work": N_("We do not know the kind of work “{value}”, so we chose the first one. Please pick yours."),
    "income": N_("We could not read the income “{value}”, so we used {default}. Type it like 1.500.000 or 1,5 juta."),
    "income-range": N_("The income “{value}” is outside what we can check, so we used {default}."),
    "programs": N_("We do not know the programme “{value}”; you can choose JKK, JKM and JHT."),
    "month": N_("We could not read the month “{value}”, so we used this month. Choose the month below."),
    "month-range": N_("The month “{value}” is further ahead than we can check, so we used this month."),
    "city_paid": N_("We could not read “{value}” for the city question, so we assumed the city does not pay."),
}


@dataclass(frozen=True)
class Correction:
    """One answer we could not use as given: which, what it was, and the message id."""

    field: str
    value: str
    message: str


@dataclass(frozen=True)
class Answers:
    """The check's five answers, always valid, with the corrections made to reach them."""

    work: str
    income: int
    programmes: frozenset[str]
    month: dt.date  # the contribution month's first day
    city_paid: bool
    corrections: tuple[Correction, ...] = field(default=())

    def to_query(self) -> dict[str, str]:
        """The answers as query parameters, for the URL and the share link."""
        return {
            "work": self.work,
            "income": str(self.income),
            "programs": programmes_param(self.programmes),
            "month": months.key(self.month),
            "city_paid": "1" if self.city_paid else "0",
        }


def programmes_param(programmes: Iterable[str]) -> str:
    """The programmes as the URL writes them: ``jkk,jkm`` or ``jkk,jkm,jht``."""
    return ",".join(p for p in PROGRAMMES if p in set(programmes) | CORE_PROGRAMMES)


def _shown(raw: str) -> str:
    return raw if len(raw) <= SHOWN_RAW else raw[:SHOWN_RAW] + "…"


def _group(digits: str, sep: str) -> str | None:
    """``1.500.000`` -> ``1500000`` when every group after the first has three digits."""
    head, *rest = digits.split(sep)
    ok = head.isdigit() and len(head) <= 3 and all(len(g) == 3 and g.isdigit() for g in rest)
    return head + "".join(rest) if ok else None


def _number(text: str, has_unit: bool) -> float | None:
    """A number written the Indonesian or the English way; None when it can't be read."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        whole, _, frac = text.rpartition(decimal)
        whole = _group(whole, "," if decimal == "." else ".")
        return float(f"{whole}.{frac}") if whole is not None and frac.isdigit() else None
    sep = "." if dots else "," if commas else ""
    if not sep:
        return float(text) if text.isdigit() else None
    whole, _, frac = text.rpartition(sep)
    if text.count(sep) == 1 and (has_unit or len(frac) != 3):
        return float(f"{whole}.{frac}") if whole.isdigit() and frac.isdigit() else None
    grouped = _group(text, sep)
    return float(grouped) if grouped is not None else None


def parse_income(text: str) -> int | None:
    """Rupiah from ``1.500.000``, ``1,5 juta``, ``Rp 1.500.000``, ``2jt``, ``1,500,000``; None if unreadable."""
    if len(text) > MAX_RAW:
        return None
    cleaned = NOISE.sub("", NOISE.sub("", text.strip().lower()).strip().replace(" ", ""))
    match = NUMBER.match(cleaned)
    if not match or (match.group(3) and match.group(3) not in MULTIPLIERS):
        return None
    value = _number(match.group(2), bool(match.group(3)))
    sign = -1 if match.group(1) else 1
    return None if value is None else sign * round(value * MULTIPLIERS.get(match.group(3), 1))


def _one(params: Mapping[str, object], key: str, fixes: list[Correction]) -> str | None:
    """The first value of a parameter, as text; notes a repeat that disagrees."""
    raw = params.get(key)
    values = [raw] if isinstance(raw, str) else [str(v) for v in raw or ()]
    if len(set(values)) > 1:
        fixes.append(Correction(key, _shown(values[0]), "duplicate"))
    return values[0].strip() if values else None


def _work(raw: str | None, fixes: list[Correction]) -> str:
    if raw is None or raw.lower() in WORK_KINDS:
        return (raw or DEFAULT_WORK).lower()
    fixes.append(Correction("work", _shown(raw), "work"))
    return DEFAULT_WORK


def _income(raw: str | None, default: int, fixes: list[Correction]) -> int:
    if raw is None:
        return default
    value = parse_income(raw)
    if value is None:
        fixes.append(Correction("income", _shown(raw), "income"))
    elif not 0 <= value <= MAX_INCOME:
        fixes.append(Correction("income", _shown(raw), "income-range"))
    return value if value is not None and 0 <= value <= MAX_INCOME else default


def _programmes(raw: str | None, fixes: list[Correction]) -> frozenset[str]:
    tokens = [t for t in re.split(r"[\s,;+]+", (raw or "").lower()) if t]
    unknown = [t for t in tokens if t not in PROGRAMMES]
    if unknown:
        fixes.append(Correction("programs", _shown(", ".join(unknown)), "programs"))
    return CORE_PROGRAMMES | frozenset(t for t in tokens if t in PROGRAMMES)


def newest_month(today: dt.date, last_rule_month: dt.date) -> dt.date:
    """The newest month the check answers: the newest rule's month or ``MONTHS_AHEAD`` months from today."""
    return max(months.month_start(last_rule_month), months.add_months(months.month_start(today), MONTHS_AHEAD))


def _month(raw: str | None, old: str | None, today: dt.date, newest: dt.date, fixes: list[Correction]) -> dt.date:
    """The month from ``month=2026-11``, else from an old link's ``date=2026-11-23``; this month if unreadable."""
    this_month = months.month_start(today)
    if raw is None and old is None:
        return this_month
    field, text = ("month", raw) if raw is not None else ("date", old)
    value = months.parse(text) if field == "month" else _old_date(text)
    if value is None:
        fixes.append(Correction(field, _shown(text), "month"))
        return this_month
    if value > newest:
        fixes.append(Correction(field, _shown(text), "month-range"))
        return this_month
    return value


def _old_date(text: str) -> dt.date | None:
    try:
        return months.month_start(dt.date.fromisoformat(text)) if ISO_DATE.match(text) else None
    except ValueError:
        return None


def _city_paid(raw: str | None, fixes: list[Correction]) -> bool:
    if raw is None or raw.lower() in YES | NO:
        return raw is not None and raw.lower() in YES
    fixes.append(Correction("city_paid", _shown(raw), "city_paid"))
    return False


def from_query(
    params: Mapping[str, object], default_income: int, today: dt.date | None = None, newest: dt.date | None = None
) -> Answers:
    """Answers from query parameters (a value may be a string or a list of strings).

    ``newest`` is the newest month the check answers (``newest_month``; by default ``MONTHS_AHEAD`` from today).
    """
    today = today or clock.today()
    newest = newest or newest_month(today, today)
    fixes: list[Correction] = []
    raw = {key: _one(params, key, fixes) for key in (*KEYS, *OLD_KEYS)}
    missing = [key for key in KEYS if raw[key] is None and not (key == "month" and raw["date"] is not None)]
    if present(params) and missing:
        fixes.append(Correction("missing", ",".join(missing), "missing"))
    return Answers(
        work=_work(raw["work"], fixes),
        income=_income(raw["income"], default_income, fixes),
        programmes=_programmes(raw["programs"], fixes),
        month=_month(raw["month"], raw["date"], today, newest, fixes),
        city_paid=_city_paid(raw["city_paid"], fixes),
        corrections=tuple(fixes),
    )


def correction_texts(answers: Answers, lang: str, default_income: int) -> list[str]:
    """Each correction as a sentence in the page's language (the raw value shown as given)."""
    translate = i18n.gettext(lang)
    default = i18n.money(default_income, lang)
    texts = []
    for fix in answers.corrections:
        fields = fix.value.split(",") if fix.message == "missing" else [fix.field]
        field = ", ".join(translate(FIELD_NAMES[name]) for name in fields)
        texts.append(translate(MESSAGES[fix.message]).format(value=fix.value, field=field, default=default))
    return texts


def share_link(base: str | None, answers: Answers, lang: str) -> str:
    """The page's address (without its own query) with every answer and the language, to copy and send."""
    parts = urlsplit(base or "")
    address = urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")) if parts.path else "/cek-iuran"
    return f"{quote(address, safe=':/')}?{urlencode(answers.to_query() | {'lang': lang})}"


def widget_income(typed: str) -> str:
    """What a typed income puts in the URL: rupiah digits when readable, else the text as typed."""
    value = parse_income(typed)
    return str(value) if value is not None and 0 <= value <= MAX_INCOME else typed[:MAX_RAW]


def present(params: Iterable[str]) -> bool:
    """Whether a URL carries any answer at all (a first visit carries none)."""
    return any(key in (*KEYS, *OLD_KEYS) for key in params)
