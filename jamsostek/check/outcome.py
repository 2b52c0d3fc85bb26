"""The check's outcome as sentences in the page's language, all from a rules.Quote (no Streamlit).

Every helper takes ``(quote, package, lang)``. Amounts that are estimates (JKK between the table's known
points) or ceilings (JKK above the highest income the site can price) carry their mark where they are shown.
"""

from __future__ import annotations

from jamsostek import i18n, months, rules
from jamsostek.content import escape_markdown
from jamsostek.data import DataPackage
from jamsostek.i18n import N_
from jamsostek.labels import PROGRAMME_NAMES, name
from jamsostek.rules import AT_MOST, ESTIMATE, MonthCost, Quote

MARKS = {ESTIMATE: N_("about {amount}"), AT_MOST: N_("at most {amount}")}


def _money(amount: int, mark: str, lang: str) -> str:
    """An amount with its mark: ``Rp8.400``, ``± Rp17.150`` (an estimate), ``paling banyak Rp213.800`` (a ceiling)."""
    text = i18n.money(amount, lang)
    return i18n.gettext(lang)(MARKS[mark]).format(amount=text) if mark in MARKS else text


def _cost_text(cost: MonthCost, lang: str) -> str:
    """A month's (or a year's) total as shown: marked, and "+ JHT" when JHT could not be priced."""
    _ = i18n.gettext(lang)
    if cost.complete:
        return _money(cost.total, cost.mark, lang)
    if cost.total == 0:
        return _("Ask BPJS Ketenagakerjaan")
    return _("{amount} + JHT").format(amount=_money(cost.total, cost.mark, lang))


def heading(quote: Quote, package: DataPackage, lang: str) -> str:
    """The result's heading, naming the contribution month."""
    _ = i18n.gettext(lang)
    return _("Your result for the contribution month {month}").format(month=i18n.month(quote.question.month, lang))


def no_rules_text(quote: Quote, package: DataPackage, lang: str) -> str:
    """For a month before the site's first: that it holds no rules then, and no amounts."""
    _ = i18n.gettext(lang)
    text = _(
        "This site holds no rules for contribution months before {first}: the rules we have apply from {day}. "
        "So we show no contribution or benefit for {month}. Ask BPJS Ketenagakerjaan."
    )
    first, day = i18n.month(rules.first_month(package), lang), i18n.date(rules.first_day(package), lang)
    return escape_markdown(text.format(first=first, day=day, month=i18n.month(quote.question.month, lang)))


def total_value(quote: Quote, package: DataPackage, lang: str) -> str:
    """The big number: what the participant pays this month."""
    return _cost_text(quote.cost, lang)


def year_total(quote: Quote, package: DataPackage, lang: str) -> str:
    """The next 12 contribution months' sum as shown (marked like the months in it)."""
    return _cost_text(quote.year_cost, lang)


def _names(programmes: list[str], lang: str) -> str:
    _ = i18n.gettext(lang)
    named = [name(PROGRAMME_NAMES, p, lang) for p in programmes]
    return named[0] if len(named) == 1 else _("{first} and {last}").format(first=", ".join(named[:-1]), last=named[-1])


def covers(quote: Quote, package: DataPackage, lang: str) -> str:
    """What the total pays for, and what the city pays or nobody could price."""
    _ = i18n.gettext(lang)
    yours = [line.programme for line in quote.lines if line.payer == "you" and line.due is not None]
    city = [line.programme for line in quote.lines if line.payer == "city"]
    unknown = [line.programme for line in quote.lines if line.payer == "you" and line.due is None]
    parts = [_("For {programmes}.").format(programmes=_names(yours, lang))] if yours else []
    if city:
        parts.append(_("Pemkot Jambi pays {programmes}.").format(programmes=_names(city, lang)))
        if not yours and not unknown:
            parts.append(_("You pay no contribution yourself."))
    if unknown:
        top = i18n.money(rules.highest_income(package, quote.question.month) or 0, lang)
        text = _("{programmes}: ask BPJS Ketenagakerjaan; we cannot price an income above {top}.")
        parts.append(text.format(programmes=_names(unknown, lang), top=top))
    return escape_markdown(" ".join(parts))


def _line_cells(line: rules.Line, lang: str) -> tuple[str, str]:
    _ = i18n.gettext(lang)
    if line.payer == "city":
        return "", _("paid by Pemkot")
    if line.due is None:
        return "", _("ask BPJS")
    return _money(line.normal, line.mark, lang), _money(line.due, line.mark if line.due else "", lang)


def lines_table(quote: Quote, package: DataPackage, lang: str) -> str:
    """A small Markdown table per programme: what you pay (and the normal amount when a discount applies)."""
    _ = i18n.gettext(lang)
    discounted = any(line.discount_id for line in quote.lines)
    head = [_("Programme"), _("Normal"), _("You pay")] if discounted else [_("Programme"), _("You pay")]
    rows = []
    for line in quote.lines:
        normal, due = _line_cells(line, lang)
        rows.append([name(PROGRAMME_NAMES, line.programme, lang), *([normal] if discounted else []), due])
    cells = [[escape_markdown(c) for c in row] for row in [head, *rows]]
    cells[1:] = [[*row[:-1], f"**{row[-1]}**"] for row in cells[1:]]
    table = ["| " + " | ".join(cells[0]) + " |", "|---|" + "--:|" * (len(head) - 1)]
    return "\n".join(table + ["| " + " | ".join(row) + " |" for row in cells[1:]])


def discount_text(quote: Quote, package: DataPackage, lang: str) -> str:
    """The discount in the month (how much, on what, until when, for whom), or why there is none."""
    _ = i18n.gettext(lang)
    if quote.discount_reason == "applied":
        row = quote.discount
        text = _("**Discount {percent}** on {programmes}, up to the contribution month {end}.").format(
            percent=i18n.percent(row["percent_off"], lang),
            programmes=_names(row["programmes"].split(), lang),
            end=i18n.month(row["valid_to"], lang),
        )
        parts = [text, _("The discount does not reduce the benefits.")]
        not_discounted = [line.programme for line in quote.lines if line.programme not in row["programmes"].split()]
        if not_discounted:
            parts.append(_("No discount on {programmes}.").format(programmes=_names(not_discounted, lang)))
        if row.get(f"condition_{lang}"):
            parts.append(escape_markdown(row[f"condition_{lang}"]))
        return " ".join(parts)
    if quote.discount_reason == "budget-paid":
        return escape_markdown(_("The discount is not for you: your JKK and JKM are paid from a government budget."))
    if quote.discount_reason != "none" or quote.reason == "budget-paid":
        return ""
    spans = [(row["valid_from"], row["valid_to"]) for row in rules.discount_periods(package, quote.question.work)]
    periods = [_("{start} to {end}").format(start=i18n.month(a, lang), end=i18n.month(b, lang)) for a, b in spans]
    text = _("No discount in this month. For your kind of work, the discount covers the contribution months {periods}.")
    return escape_markdown(text.format(periods="; ".join(periods))) if periods else ""


def after_text(quote: Quote, package: DataPackage, lang: str) -> str:
    """What the participant pays once the discount has ended."""
    if quote.after is None:
        return ""
    _ = i18n.gettext(lang)
    text = _("From {month}: {amount} per month.")
    return escape_markdown(text.format(month=i18n.month(quote.after.month, lang), amount=_cost_text(quote.after, lang)))


def year_lines(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """The next 12 contribution months' sum, each month priced with its own rules, and where the price changes."""
    _ = i18n.gettext(lang)
    if not quote.year or quote.per_year == 0 and quote.year_cost.complete:
        return []
    last = months.add_months(quote.question.month, len(quote.year) - 1)
    head = _("**Total for 12 contribution months** ({start} to {end}): **{amount}**").format(
        start=i18n.month(quote.question.month, lang),
        end=i18n.month(last, lang),
        amount=escape_markdown(year_total(quote, package, lang)),
    )
    change = _("from {month}: {amount} per month")
    said = quote.after  # the discount's line already says what its first month after costs
    changes = [c for c in quote.changes if c != said]
    lines = [change.format(month=i18n.month(c.month, lang), amount=_cost_text(c, lang)) for c in changes]
    return [head, *(escape_markdown(line) for line in lines)]


def notes(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """Notes on the answer: the income used, a price the site cannot give, and rules that may change."""
    _ = i18n.gettext(lang)
    month, out = quote.question.month, []
    if quote.income_raised:
        text = _("An income below {lowest} is counted at the lowest level, {lowest}.")
        out.append(text.format(lowest=i18n.money(quote.income_used, lang)))
    if quote.above_top:
        line = next(line for line in quote.lines if line.capped)
        text = _(
            "The JKK contribution is at most {amount} per month. If your income is above {top}, ask BPJS "
            "Ketenagakerjaan which income they use for JHT and for the benefits."
        )
        top = i18n.money(rules.highest_income(package, month) or 0, lang)
        out.append(text.format(amount=i18n.money(line.normal, lang), top=top))
    if quote.later:
        text = _("For months after {month} we use the rules known today. They may change.")
        out.append(text.format(month=i18n.month(rules.last_known_month(package), lang)))
    if month == rules.first_month(package) and rules.first_day(package) != month:
        text = _("The benefits below apply to accidents and deaths from {day}.")
        out.append(text.format(day=i18n.date(rules.first_day(package), lang)))
    return [escape_markdown(note) for note in out]


def basis_lines(quote: Quote, package: DataPackage, lang: str) -> list[str]:
    """The legal basis and source of each line and of the discount, for the small print."""
    _ = i18n.gettext(lang)
    out = []
    for line in quote.lines:
        text = _("{programme}: {basis} [{source}]").format(
            programme=line.programme.upper(), basis=line.basis, source=line.source_id
        )
        out.append(text + (" · " + _("estimate") if line.estimate else ""))
    discount = quote.discount
    if quote.discount_reason == "budget-paid":  # the discount that runs this month, to say it is not for them
        discount = rules.discount_on(package, quote.question.work, quote.question.month)
    if discount is not None:
        text = _("{label}: {basis} [{source}]").format(
            label=discount[f"label_{lang}"], basis=discount["basis"], source=discount["source_id"]
        )
        if discount["excludes_budget_paid"] is True:
            text += "; " + _("not for participants whose contributions the state or regional budget pays")
        out.append(text)
    return [escape_markdown(text) for text in out]


def share_text(quote: Quote, package: DataPackage, lang: str) -> str:
    """The WhatsApp message before the link: the month's total in the page's language."""
    _ = i18n.gettext(lang)
    if quote.status != "priced":
        return _("Check your Jamsostek contribution and benefits:")
    text = _("My Jamsostek contribution for {month}: {amount} per month. Check yours:")
    return text.format(month=i18n.month(quote.question.month, lang), amount=total_value(quote, package, lang))


def discount_block(quote: Quote, package: DataPackage, lang: str) -> str:
    """The discount and, on the next line, what the month costs once it has ended (Markdown)."""
    return "  \n".join(filter(None, [discount_text(quote, package, lang), after_text(quote, package, lang)]))


def year_block(quote: Quote, package: DataPackage, lang: str) -> str:
    """The 12 months' sum, then each change of price as a list item (Markdown)."""
    head, *changes = year_lines(quote, package, lang) or [""]
    return "\n".join([head, *(f"- {change}" for change in changes)])
