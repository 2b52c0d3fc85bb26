"""The check's outcome as sentences in the page's language, all from a rules.Quote (no Streamlit)."""

from __future__ import annotations

from jamsostek import i18n
from jamsostek.content import escape_markdown
from jamsostek.data import DataPackage, Need
from jamsostek.i18n import N_
from jamsostek.labels import BENEFIT_KINDS, PROGRAMME_NAMES, name
from jamsostek.rules import CORE_PROGRAMMES, Quote, discount_periods, rule_value

FULL_PAY_MONTHS = "jkk-full-pay-months"
NEEDS = (Need("rules", "id", FULL_PAY_MONTHS, "the check says how long JKK pays full income"),)
CHECK_WITH_BPJS = N_("check with BPJS Ketenagakerjaan")
BUDGET_PAID_NO_DISCOUNT = N_(
    "No discount: it is not for participants whose contributions the state or city budget pays "
    "(PP 50/2025 Article 3(5)). You pay nothing yourself."
)

# What each programme pays: (programme, benefit ids the sentence uses, sentence). Placeholders are
# benefit ids with "_" for "-"; "<id>_amount" is the amount at the income used.
BENEFIT_SENTENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("jkk", ("jkk-medical",), N_("Hospital care as medically needed, with no cost ceiling.")),
    (
        "jkk",
        ("jkk-income-first-12-months-pct", "jkk-income-after-12-months-pct"),
        N_(
            "While you cannot work: {jkk_income_first_12_months_pct_amount} per month for the first {full_months} "
            "months, then {jkk_income_after_12_months_pct_amount} per month until you recover."
        ),
    ),
    (
        "jkk",
        ("jkk-death-multiple",),
        N_("Death from a work accident: {jkk_death_multiple_amount} ({jkk_death_multiple} × your income)."),
    ),
    (
        "jkk",
        ("jkk-disability-multiple",),
        N_("Total permanent disability: {jkk_disability_multiple_amount} ({jkk_disability_multiple} × your income)."),
    ),
    ("jkk", ("jkk-funeral", "jkk-periodic"), N_("Funeral cost {jkk_funeral} and a periodic benefit {jkk_periodic}.")),
    (
        "jkk",
        ("jkk-transport-land", "jkk-transport-sea", "jkk-transport-air"),
        N_(
            "Transport to hospital: up to {jkk_transport_land} by land, {jkk_transport_sea} by sea, "
            "{jkk_transport_air} by air."
        ),
    ),
    (
        "jkk",
        ("scholarship-total", "scholarship-children"),
        N_("A scholarship for up to {scholarship_children} children, up to {scholarship_total} in total."),
    ),
    (
        "jkk",
        ("jkk-return-to-work",),
        N_("Support to return to work: it is not certain that self-employed participants get it."),
    ),
    (
        "jkm",
        ("jkm-total", "jkm-lump-sum", "jkm-periodic", "jkm-funeral"),
        N_(
            "Death not from a work accident: {jkm_total} to your family: {jkm_lump_sum} at once, {jkm_periodic} "
            "periodic benefit (paid at once) and {jkm_funeral} funeral cost."
        ),
    ),
    (
        "jkm",
        ("scholarship-total", "scholarship-children", "jkm-scholarship-min-years"),
        N_(
            "After at least {jkm_scholarship_min_years} years of contributions, also the scholarship for "
            "{scholarship_children} children (up to {scholarship_total})."
        ),
    ),
    ("jht", ("jht-savings",), N_("Your savings: everything you paid in plus investment returns, paid as a lump sum.")),
)


def _formatted(quote: Quote, package: DataPackage, lang: str) -> dict[str, str]:
    """Every benefit's value and amount as text, keyed as the sentences name them."""
    values = {"full_months": i18n.number(rule_value(package, FULL_PAY_MONTHS), lang)}
    for item in quote.benefit_items:
        key = item.id.replace("-", "_")
        if item.value is not None:
            values[key] = i18n.format_value(BENEFIT_KINDS.get(item.kind, "number"), item.value, lang)
        if item.amount is not None:
            values[key + "_amount"] = i18n.money(item.amount, lang)
    return values


def benefit_sentences(quote: Quote, package: DataPackage, lang: str) -> dict[str, list[str]]:
    """What each chosen programme pays at the income used, one sentence per benefit, unsure ones flagged."""
    _ = i18n.gettext(lang)
    values = _formatted(quote, package, lang)
    unsure = {item.id for item in quote.benefit_items if item.unsure}
    known = {item.id for item in quote.benefit_items}
    result: dict[str, list[str]] = {}
    chosen = quote.question.programmes | CORE_PROGRAMMES
    for programme, ids, sentence in BENEFIT_SENTENCES:
        if programme not in chosen or not set(ids) <= known:
            continue
        text = _(sentence).format(**values)
        if unsure & set(ids):
            text += " " + _("Sources differ or are unsure: {advice}.").format(advice=_(CHECK_WITH_BPJS))
        result.setdefault(programme, []).append(escape_markdown(text))
    return result


def total_lines(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """Under the total: per year, and the amount without the discount when there is one."""
    _ = i18n.gettext(lang)
    lines = [_("**Per year:** {amount}").format(amount=escape_markdown(i18n.money(quote.per_year, lang)))]
    if quote.total != quote.total_normal and quote.discount_reason == "applied":
        normal = escape_markdown(i18n.money(quote.total_normal, lang))
        lines.append(_("Without the discount: {amount} per month").format(amount=normal))
    return lines


def lines_table(quote: Quote, package: DataPackage, lang: str) -> str:
    """A small Markdown table: programme, normal amount, what you pay; per month."""
    _ = i18n.gettext(lang)
    head = [_("Programme"), _("Normal"), _("You pay")]
    rows = [
        [name(PROGRAMME_NAMES, line.programme, lang), i18n.money(line.normal, lang), i18n.money(line.due, lang)]
        for line in quote.lines
    ]
    cells = [[escape_markdown(c) for c in row] for row in [head, *rows]]
    cells[1:] = [[row[0], row[1], f"**{row[2]}**"] for row in cells[1:]]
    table = ["| " + " | ".join(cells[0]) + " |", "|---|--:|--:|"]
    return "\n".join(table + ["| " + " | ".join(row) + " |" for row in cells[1:]])


def basis_lines(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """The legal basis and source of each line; estimates say so."""
    _ = i18n.gettext(lang)
    out = []
    for line in quote.lines:
        text = _("{programme}: {basis} [{source}]").format(
            programme=line.programme.upper(), basis=line.basis, source=line.source_id
        )
        if line.certainty == "estimate":
            text += " · " + _("estimate")
        out.append(escape_markdown(text))
    return out


def _period(row: dict, lang: str) -> tuple[str, str]:
    return i18n.month(row["valid_from"], lang), i18n.month(row["valid_to"], lang)


def discount_text(quote: Quote, package: DataPackage, lang: str) -> str:
    """The discount applied (name, share, period, basis) or why there is none."""
    _ = i18n.gettext(lang)
    if quote.discount_reason == "applied":
        row = quote.discount
        start, end = _period(row, lang)
        text = _("{name}: {percent} off {programmes}, contribution months {start} to {end}. Legal basis: {basis}.")
        text = text.format(
            name=row["label_" + lang],
            percent=i18n.percent(row["percent_off"], lang),
            programmes=" + ".join(p.upper() for p in row["programmes"].split()),
            start=start,
            end=end,
            basis=row["basis"],
        )
        return escape_markdown(text + " " + _("JHT is never discounted."))
    if quote.discount_reason == "budget-paid":
        return escape_markdown(_(BUDGET_PAID_NO_DISCOUNT))
    if quote.discount_reason == "employee":
        return ""
    spans = [_period(row, lang) for row in discount_periods(package, quote.question.work)]
    periods = [_("{start} to {end}").format(start=start, end=end) for start, end in spans]
    text = _("No discount on this date. For your kind of work the discount covers contribution months {periods}.")
    return escape_markdown(text.format(periods=", ".join(periods)))


def income_notes(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """Notes on the income used: raised to the lowest level, or JKK at its highest contribution."""
    _ = i18n.gettext(lang)
    notes = []
    if quote.income_raised:
        notes.append(
            _("An income below {lowest} is counted at the lowest level, {lowest}.").format(
                lowest=i18n.money(quote.income_used, lang)
            )
        )
    for line in quote.lines:
        if line.capped:
            notes.append(
                _(
                    "{programme} is at its highest contribution, {amount} per month. Which income the benefits "
                    "use above this level: check with BPJS Ketenagakerjaan."
                ).format(programme=line.programme.upper(), amount=i18n.money(line.normal, lang))
            )
    return [escape_markdown(n) for n in notes]
