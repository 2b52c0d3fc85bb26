"""What each programme pays, as the check's sentences: at the income used, or without amounts when it is not known.

A benefit computed from the income (48 x income, 100% of income) is shown as an amount only when the site knows
the income it is computed from: not above the highest income it can price, and not for a city-paid participant
(the city registers the income; FACTS.md §7). Helpers take ``(quote, package, lang)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from jamsostek import i18n, rules
from jamsostek.content import escape_markdown
from jamsostek.data import DataPackage, Need
from jamsostek.i18n import N_
from jamsostek.labels import BENEFIT_KINDS, PROGRAMME_NAMES, name
from jamsostek.rules import CORE_PROGRAMMES, Quote

FULL_PAY_MONTHS = "jkk-full-pay-months"
NEEDS = (Need("rules", "id", FULL_PAY_MONTHS, "the check says how long JKK pays full income"),)
NOT_CERTAIN = N_("This is not certain. Check with BPJS Ketenagakerjaan.")


@dataclass(frozen=True)
class Sentence:
    """One benefit sentence: the programme, the benefit ids it names, and its words.

    Placeholders are benefit ids with "_" for "-"; ``<id>_amount`` is the amount at the income used.
    ``without_income`` is said instead when an amount computed from the income is not known.
    """

    programme: str
    ids: tuple[str, ...]
    text: str
    without_income: str | None = None
    says_unsure: bool = False  # the words already say it is not certain


SENTENCES: tuple[Sentence, ...] = (
    Sentence("jkk", ("jkk-medical",), N_("Hospital care as medically needed, with no cost ceiling.")),
    Sentence(
        "jkk",
        ("jkk-income-first-12-months-pct", "jkk-income-after-12-months-pct"),
        N_(
            "While you cannot work: {jkk_income_first_12_months_pct_amount} per month for the first {full_months} "
            "months, then {jkk_income_after_12_months_pct_amount} per month until you recover."
        ),
        N_(
            "While you cannot work: {jkk_income_first_12_months_pct} of the income registered for you for the first "
            "{full_months} months, then {jkk_income_after_12_months_pct} until you recover."
        ),
    ),
    Sentence(
        "jkk",
        ("jkk-death-multiple",),
        N_("Death from a work accident: {jkk_death_multiple_amount} ({jkk_death_multiple} × your income)."),
        N_("Death from a work accident: {jkk_death_multiple} × the income registered for you."),
    ),
    Sentence(
        "jkk",
        ("jkk-disability-multiple",),
        N_("Total permanent disability: {jkk_disability_multiple_amount} ({jkk_disability_multiple} × your income)."),
        N_("Total permanent disability: {jkk_disability_multiple} × the income registered for you."),
    ),
    Sentence(
        "jkk",
        ("jkk-funeral", "jkk-periodic"),
        N_("Funeral cost {jkk_funeral}, and {jkk_periodic} paid at once (not in instalments)."),
    ),
    Sentence(
        "jkk",
        ("jkk-transport-land", "jkk-transport-sea", "jkk-transport-air"),
        N_(
            "Transport to hospital: up to {jkk_transport_land} by land, {jkk_transport_sea} by sea, "
            "{jkk_transport_air} by air."
        ),
    ),
    Sentence(
        "jkk",
        ("scholarship-total", "scholarship-children"),
        N_(
            "If you die or are left totally and permanently disabled by a work accident: a scholarship for up to "
            "{scholarship_children} children, up to {scholarship_total} in total."
        ),
    ),
    Sentence(
        "jkk",
        ("jkk-return-to-work",),
        N_(
            "Help to work again after an accident: it is not clear whether self-employed participants get it. "
            "Check with BPJS Ketenagakerjaan."
        ),
        says_unsure=True,
    ),
    Sentence(
        "jkm",
        ("jkm-total", "jkm-lump-sum", "jkm-periodic", "jkm-funeral"),
        N_(
            "Death from any other cause: {jkm_total} to your family ({jkm_lump_sum} at once, {jkm_periodic} "
            "benefit paid at once and {jkm_funeral} funeral cost)."
        ),
    ),
    Sentence(
        "jkm",
        ("scholarship-total", "scholarship-children", "jkm-scholarship-min-years"),
        N_(
            "If you die after paying contributions for at least {jkm_scholarship_min_years} years: also the "
            "scholarship for up to {scholarship_children} children (up to {scholarship_total})."
        ),
    ),
    Sentence(
        "jht",
        ("jht-savings",),
        N_("Your savings: everything you paid in plus the investment returns, paid out at once."),
    ),
)


def _values(quote: Quote, package: DataPackage, lang: str) -> dict[str, str]:
    """Every benefit's value and known amount as text, keyed as the sentences name them."""
    month = quote.question.month
    values = {"full_months": i18n.number(rules.rule_value(package, FULL_PAY_MONTHS, month), lang)}
    for item in quote.benefit_items:
        key = item.id.replace("-", "_")
        if item.value is not None:
            values[key] = i18n.format_value(BENEFIT_KINDS.get(item.kind, "number"), item.value, lang)
        if item.amount is not None:
            values[key + "_amount"] = i18n.money(item.amount, lang)
    return values


def heading(quote: Quote, package: DataPackage, lang: str) -> str:
    """The benefits' heading: at the income used, or without an income when amounts from it are not known."""
    _ = i18n.gettext(lang)
    if quote.above_top or quote.reason == "budget-paid":
        return _("Benefits")
    return _("Benefits at an income of {income} per month").format(income=i18n.money(quote.income_used, lang))


def note(quote: Quote, package: DataPackage, lang: str) -> str:
    """Why amounts from the income are missing: the city registered it, or it is above what the site can price."""
    _ = i18n.gettext(lang)
    if quote.reason == "budget-paid":
        return _(
            "Benefits computed from income depend on the income Pemkot Jambi registered for you. Ask Pemkot Jambi "
            "or BPJS Ketenagakerjaan which income that is."
        )
    if quote.above_top:
        return _("Benefits computed from income: ask BPJS Ketenagakerjaan which income they use.")
    return ""


def sentences(quote: Quote, package: DataPackage, lang: str) -> dict[str, list[str]]:
    """What each chosen programme pays, one sentence per benefit, unsure ones flagged; keyed by the programme's name."""
    _ = i18n.gettext(lang)
    values = _values(quote, package, lang)
    items = {item.id: item for item in quote.benefit_items}
    result: dict[str, list[str]] = {}
    for sentence in SENTENCES:
        if sentence.programme not in quote.question.programmes | CORE_PROGRAMMES or not set(sentence.ids) <= set(items):
            continue
        missing = any(items[i].needs_income and items[i].amount is None for i in sentence.ids)
        if missing and sentence.without_income is None:
            continue
        text = _(sentence.without_income if missing else sentence.text).format(**values)
        if any(items[i].unsure for i in sentence.ids) and not sentence.says_unsure:
            text += " " + _(NOT_CERTAIN)
        heading = escape_markdown(name(PROGRAMME_NAMES, sentence.programme, lang))
        result.setdefault(heading, []).append(escape_markdown(text))
    return result
