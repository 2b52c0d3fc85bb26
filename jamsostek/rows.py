"""How each kind of data row reads in the journalist's table: its value, date, base and caveat, in one language.

Dates as precisely as the source gives them; "about" where the source rounds; a target's year and whether it
has ended on the day asked; legal references in the page's language ("Article 4(1)" in English).
"""

from __future__ import annotations

import datetime as dt

from jamsostek import coverage, i18n
from jamsostek.data import DataPackage
from jamsostek.labels import (
    BENEFIT_NAMES,
    FIGURE_NAMES,
    PROGRAMME_NAMES,
    RULE_NAMES,
    SECTOR_NAMES,
    STATEMENT_NAMES,
    basis_name,
    benefit_value,
    certainty_note,
    legal_basis,
    name,
    with_unit,
)


def _about(kind: str, value: object, lang: str, approximate: object) -> str:
    return i18n.format_value(("about-" if approximate is True else "") + kind, value, lang)


def _caveats(*texts: str | None) -> str:
    return " ".join(t for t in texts if isinstance(t, str) and t)


def _note(package: DataPackage, area: str, as_of, lang: str) -> str:
    notes = package.notes
    rows = notes[(notes["area"] == area) & (notes["as_of"] == as_of)]
    return "" if rows.empty else rows.iloc[0][f"note_{lang}"]


def _period(row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    start, end = row.get("valid_from"), row.get("valid_to")
    if i18n.missing(start) and i18n.missing(end):
        return _("in force")
    if i18n.missing(end):
        return _("from {date}").format(date=i18n.date(start, lang))
    if i18n.missing(start):
        return _("until {date}").format(date=i18n.date(end, lang))
    return f"{i18n.month(start, lang)} – {i18n.month(end, lang)}"


def _coverage_base(package: DataPackage, row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    base = basis_name(package, row["basis"], lang)
    if not i18n.missing(row["covered"]):
        covered = _about("number", row["covered"], lang, row.get("approximate"))
        base = _("{covered} participants").format(covered=covered) + " · " + base
    if not i18n.missing(row["workforce"]):
        workforce = _about("number", row["workforce"], lang, row.get("approximate"))
        base = _("out of {workforce}").format(workforce=workforce) + " · " + base
    if isinstance(row.get("inferred_basis"), str) and row["inferred_basis"]:
        fits = basis_name(package, row["inferred_basis"], lang)
        base += " · " + _("fits the base {basis} (our calculation)").format(basis=fits)
    return base


def coverage_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    _ = i18n.gettext(lang)
    return {
        "figure": _("Workers covered by Jamsostek"),
        "value": _about("percent", row["coverage_pct"], lang, row.get("approximate")),
        "as_of": i18n.when(row["as_of"], row["precision"], lang),
        "base": _coverage_base(package, row, lang),
        "caveat": _note(package, row["area"], row["as_of"], lang),
    }


def target_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    """A target's value, its year and whether the year has ended on ``today``, and its caveat."""
    _ = i18n.gettext(lang)
    target = next(t for t in coverage.targets(package, row["area"]) if t.id == row["id"])
    value = i18n.percent(target.pct, lang)
    if target.workers is not None:
        workers = _about("number", target.workers, lang, target.approximate)
        value += " " + _("({workers} workers)").format(workers=workers)
    stated = i18n.when(target.stated, target.precision, lang)
    if target.year is None:
        when = _("stated {date}; the year is not stated").format(date=stated)
    elif target.ended(today):
        when = _("{year}; the year has ended").format(year=target.year)
    else:
        when = _("for {year}").format(year=target.year)
    base = basis_name(package, target.basis, lang) if target.basis else ""
    return {"figure": _("Coverage target"), "value": value, "as_of": when, "base": base, "caveat": target.note[lang]}


def figure_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    return {
        "figure": name(FIGURE_NAMES, row["id"], lang),
        "value": with_unit(float(row["value"]), row["unit"], lang, row.get("approximate") is True),
        "as_of": i18n.when(row["as_of"], row["precision"], lang),
        "caveat": row.get(f"note_{lang}") or "",
    }


def statement_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    return {
        "figure": name(STATEMENT_NAMES, row["id"], lang),
        "value": row[f"text_{lang}"],
        "as_of": i18n.when(row["as_of"], row["precision"], lang),
    }


def _source_kind(package: DataPackage, source_id: str) -> str:
    return package.source(source_id).get("kind") or "news"


def rule_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    """A rule: "in force" only when read in the regulation; a level only the news gives is "per the source"."""
    _ = i18n.gettext(lang)
    kind = _source_kind(package, row["source_id"])
    regulation = kind == "regulation"
    return {
        "figure": name(RULE_NAMES, row["id"], lang),
        "value": with_unit(float(row["value"]), row["unit"], lang),
        "as_of": _("in force") if regulation else _("per the source"),
        "base": "" if row["basis"] == row["source_id"] else legal_basis(row["basis"], lang),
        "caveat": "" if regulation else certainty_note(kind, lang),
    }


def _contribution_value(row: dict, lang: str) -> str:
    _ = i18n.gettext(lang)
    if row["method"] == "flat":
        return _("{amount} per month").format(amount=i18n.money(row["amount"], lang))
    text = _("{rate} of declared income per month").format(rate=i18n.percent(row["rate_pct"], lang))
    if not i18n.missing(row["max_amount"]):
        text += "; " + _("at most {amount}").format(amount=i18n.money(row["max_amount"], lang))
    return text


def contribution_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    return {
        "figure": name(PROGRAMME_NAMES, row["programme"], lang),
        "value": _contribution_value(row, lang),
        "as_of": _period(row, lang),
        "base": legal_basis(row["basis"], lang),
        "caveat": certainty_note(row["certainty"], lang),
    }


def discount_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    _ = i18n.gettext(lang)
    programmes = ", ".join(name(PROGRAMME_NAMES, p, lang) for p in row["programmes"].split())
    sector = name(SECTOR_NAMES, row["sector"], lang)
    label = row.get(f"label_{lang}") or _("Discount for {sector}: {programmes}").format(
        sector=sector, programmes=programmes
    )
    budget = _("Not for participants whose contributions are paid from the state or regional budget.")
    return {
        "figure": label,
        "value": _("{percent} off").format(percent=i18n.percent(row["percent_off"], lang)),
        "as_of": _period(row, lang),
        "base": legal_basis(row["basis"], lang),
        "caveat": _caveats(budget if row["excludes_budget_paid"] else "", _("Benefits are not reduced.")),
    }


def benefit_fields(package: DataPackage, row: dict, lang: str, today: dt.date) -> dict:
    return {
        "figure": name(BENEFIT_NAMES, row["id"], lang),
        "value": benefit_value(row["kind"], row["value"], lang),
        "as_of": _period(row, lang),
        "base": legal_basis(row["basis"], lang),
        "caveat": certainty_note(row.get("certainty"), lang),
    }
