"""The one table of names: programmes, areas, kinds of work, figures, rules, benefits, units and bases.

Every name is a message id, translated where it is shown. A data id the table does not know yet is
shown as itself, so new data never breaks a page.
"""

from __future__ import annotations

import re

from jamsostek import i18n
from jamsostek.i18n import N_

AREA_NAMES = {"kota-jambi": N_("Kota Jambi"), "prov-jambi": N_("Jambi Province"), "indonesia": N_("Indonesia")}
PROGRAMME_NAMES = {
    "jkk": N_("JKK (work accident)"),
    "jkm": N_("JKM (death)"),
    "jht": N_("JHT (old-age savings)"),
    "both": N_("JKK and JKM"),
}
WORK_NAMES = {
    "ojol": N_("Online motorbike taxi or delivery driver (ojol)"),
    "ojek-pangkalan": N_("Motorbike taxi at a stand (ojek pangkalan)"),
    "kurir": N_("Courier"),
    "sopir": N_("Driver (car, minibus, truck)"),
    "umkm": N_("Small business (UMKM), self-employed"),
    "mandiri-lain": N_("Other self-employed work"),
    "karyawan": N_("Employee with a wage from an employer"),
}
KIND_NAMES = {
    "coverage": N_("Coverage"),
    "target": N_("Target"),
    "figure": N_("Other figure"),
    "contribution": N_("Contribution"),
    "discount": N_("Discount"),
    "benefit": N_("Benefit"),
    "rule": N_("Rule"),
    "statement": N_("Fact"),
}
OBSERVATION_NAMES = {"observation": N_("Coverage"), "target": N_("Target"), "today": N_("Today (end of the axis)")}
SECTOR_NAMES = {"transport": N_("transport workers"), "other": N_("other sectors"), "all": N_("all sectors")}
FIGURE_NAMES = {
    "city-scheme-vulnerable": N_("Vulnerable workers whose contributions the city pays"),
    "city-scheme-religious": N_("Religious workers whose contributions the city pays"),
    "national-active": N_("Active participants, all of Indonesia"),
    "national-active-bpu": N_("Active self-employed (BPU) participants, all of Indonesia"),
    "ojol-registered": N_("Online motorbike taxi drivers registered"),
    "ojol-total": N_("Online motorbike taxi drivers in total"),
    "ojol-registered-pct": N_("Share of online motorbike taxi drivers registered"),
    "national-active-q1": N_("Active participants, all of Indonesia, end of the first quarter"),
    "national-active-bpu-q1": N_("Active self-employed (BPU) participants, all of Indonesia, end of the first quarter"),
    "national-active-april": N_("Active participants, all of Indonesia"),
    "national-active-bpu-april": N_("Active self-employed (BPU) participants, all of Indonesia"),
    "ojol-registered-may": N_("Online motorbike taxi drivers registered"),
    "ojol-target-may": N_("Online motorbike taxi drivers BPJS Ketenagakerjaan aims to cover"),
    "ojol-registered-pct-may": N_("Share of online motorbike taxi drivers registered"),
    "ojol-claims-from": N_("Claims paid to online motorbike taxi drivers: counted from the year"),
    "ojol-claims-paid": N_("Claims paid to online motorbike taxi drivers or their families"),
    "ojol-claims-recipients": N_("Online motorbike taxi drivers or families who received a claim"),
    "ojol-claims-jkm-paid": N_("JKM claims paid to online motorbike taxi drivers' families"),
    "ojol-claims-jkm-recipients": N_("Families of online motorbike taxi drivers who received JKM"),
    "ojol-claims-jkk-paid": N_("JKK claims paid to online motorbike taxi drivers or their families"),
    "ojol-claims-jkk-recipients": N_("Online motorbike taxi drivers or families who received JKK"),
    "ojol-claims-scholarship-paid": N_("Scholarships paid to children of online motorbike taxi drivers"),
    "ojol-claims-scholarship-recipients": N_("Scholarship recipients among online motorbike taxi drivers' children"),
    "city-scheme-listed": N_("Vulnerable workers listed for the city's scheme"),
    "city-scheme-verified": N_("Vulnerable workers verified for the city's scheme"),
    "city-scheme-plan-2026": N_("Workers the city plans to pay for the following year"),
    "city-gap-stated-low": N_("Coverage still missing for the target then, per the branch: from"),
    "city-gap-stated-high": N_("Coverage still missing for the target then, per the branch: up to"),
}
STATEMENT_NAMES = {
    "city-scheme-basis": N_("Legal basis of the city's scheme"),
    "city-scheme-2026": N_("The city's scheme: covered so far and what comes next"),
    "city-scheme-rt": N_("Neighbourhood heads (Ketua RT) covered by the city"),
    "branch-office": N_("Where the BPJS Ketenagakerjaan Jambi branch office is"),
    "scholarship-conditions": N_("When the children's scholarship is paid"),
}
# Units with a number: (one, other), so English says "1 working day" and "2 working days".
UNIT_NAMES = {
    "workers": (N_("{n} worker"), N_("{n} workers")),
    "participants": (N_("{n} participant"), N_("{n} participants")),
    "drivers": (N_("{n} driver"), N_("{n} drivers")),
    "recipients": (N_("{n} recipient"), N_("{n} recipients")),
    "hours": (N_("{n} hour"), N_("{n} hours")),
    "months": (N_("{n} month"), N_("{n} months")),
    "years": (N_("{n} year"), N_("{n} years")),
    "working-days": (N_("{n} working day"), N_("{n} working days")),
    "day-of-month": (N_("day {n} of the month"), N_("day {n} of the month")),
}
RULE_NAMES = {
    "report-accident-hours": N_("Report a work accident within"),
    "pay-by-day": N_("Pay each month by"),
    "arrears-limit-months": N_("Longest you may be behind on payments and keep JKK and JKM"),
    "max-jobs": N_("Jobs one self-employed participant may list"),
    "membership-days": N_("Membership number issued within"),
    "claim-years": N_("Claim within"),
    "lowest-income": N_("Lowest declared income level"),
    "jkk-full-pay-months": N_("JKK: months of full income while unable to work"),
}
BENEFIT_NAMES = {
    "jkk-medical": N_("JKK: medical care"),
    "jkk-income-first-12-months-pct": N_("JKK: income while unable to work, first 12 months"),
    "jkk-income-after-12-months-pct": N_("JKK: income while unable to work, after 12 months"),
    "jkk-death-multiple": N_("JKK: death from a work accident"),
    "jkk-disability-multiple": N_("JKK: total permanent disability"),
    "jkk-funeral": N_("JKK: funeral cost"),
    "jkk-periodic": N_("JKK: benefit of the periodic kind (paid at once)"),
    "jkk-transport-land": N_("JKK: transport to hospital by land, up to"),
    "jkk-transport-sea": N_("JKK: transport to hospital by sea, up to"),
    "jkk-transport-air": N_("JKK: transport to hospital by air, up to"),
    "scholarship-total": N_("Scholarship, in total, up to"),
    "scholarship-primary-per-year": N_("Scholarship per child per year: kindergarten and primary"),
    "scholarship-junior-per-year": N_("Scholarship per child per year: junior secondary"),
    "scholarship-senior-per-year": N_("Scholarship per child per year: senior secondary"),
    "scholarship-university-per-year": N_("Scholarship per child per year: university or training"),
    "scholarship-children": N_("Scholarship: children covered, at most"),
    "jkm-total": N_("JKM: total paid to the family"),
    "jkm-lump-sum": N_("JKM: lump sum"),
    "jkm-periodic": N_("JKM: benefit of the periodic kind (paid at once)"),
    "jkm-funeral": N_("JKM: funeral cost"),
    "jkm-scholarship-min-years": N_("JKM: years paid before the scholarship applies"),
    "jht-savings": N_("JHT: savings paid out"),
    "jkk-return-to-work": N_("JKK: return-to-work programme"),
    "jkk-income-first-months": N_("JKK: months of full income while unable to work"),
    "scholarship-primary-years": N_("Scholarship: years of kindergarten and primary school, at most"),
    "scholarship-junior-years": N_("Scholarship: years of junior secondary school, at most"),
    "scholarship-senior-years": N_("Scholarship: years of senior secondary school, at most"),
    "scholarship-university-years": N_("Scholarship: years of university or training, at most"),
    "scholarship-max-child-age": N_("Scholarship: the child must be younger than"),
}
BENEFIT_TEXTS = {
    "no-ceiling": N_("As medically needed, with no cost ceiling"),
    "savings": N_("The contributions paid plus investment returns"),
    "check": N_("Check with BPJS Ketenagakerjaan"),
}
CERTAINTY_NOTES = {
    "estimate": N_("Estimate; check with BPJS Ketenagakerjaan."),
    "news": N_("From the news; not yet checked against the regulation's text."),
    "official": N_("Per BPJS Ketenagakerjaan; not yet checked against the regulation's text."),
    "unsure": N_("Not certain; check with BPJS Ketenagakerjaan."),
    "regulation": "",
}
# How a value of each kind of benefit (benefits.csv ``kind``) or unit (rules.csv, figures.csv ``unit``) is formatted.
BENEFIT_KINDS = {"amount": "money", "percent-of-income": "percent", "multiple-of-income": "number", "count": "number"}
UNIT_KINDS = {"percent": "percent", "rupiah": "money", "year": "year"}
BILLION = 1_000_000_000
# Indonesian legal references in natural English: "Pasal 4 ayat (1)" -> "Article 4(1)".
LEGAL_ENGLISH = (
    (re.compile(r"Pasal (\d+) ayat (\(\w+\)(?:-\(\w+\))?)"), r"Article \1\2"),
    (re.compile(r"Pasal (\d+(?:, \d+)+)"), r"Articles \1"),
    (re.compile(r"Pasal (\d+)"), r"Article \1"),
    (re.compile(r"\bLampiran\b"), "Annex"),
    (re.compile(r"\bjo\. "), "as amended by "),
    (re.compile(r"\bdan\b"), "and"),
    (re.compile(r"\(menurut BPJS\)"), "(per BPJS)"),
    (re.compile(r"^(PP \S+) (Articles? .*)$"), r"\2 of \1"),
)


def name(names: dict[str, str], key: str, lang: str) -> str:
    """A translated name from one of the tables above, or the id itself when the data has a new one."""
    label = names.get(key)
    return i18n.gettext(lang)(label) if label else key


def area_name(area: str, lang: str) -> str:
    """An area's name in the page's language."""
    return name(AREA_NAMES, area, lang)


def basis_name(package, basis: str, lang: str) -> str:
    """A base's label from bases.csv in the page's language (the id itself if it is not listed)."""
    bases = package.bases
    rows = bases.loc[bases["id"] == basis, f"label_{lang}"]
    return str(rows.iloc[0]) if len(rows) else basis


def unit_kind(unit: str, value: float) -> str:
    """The formatting kind of a value in a unit: amounts of a billion rupiah or more in words (``Rp68,9 miliar``)."""
    if unit == "rupiah" and value >= BILLION:
        return "money-words"
    return UNIT_KINDS.get(unit, "number")


def with_unit(value: float, unit: str, lang: str, approximate: bool = False) -> str:
    """A figure with its unit: ``48,64%``, ``Rp1.000.000``, ``3.000 pekerja``, ``1 working day``; "about" if rounded."""
    if unit in UNIT_KINDS:
        text = i18n.format_value(unit_kind(unit, value), value, lang)
    else:
        text = i18n.format_value("number", value, lang)
        if unit in UNIT_NAMES:
            one, other = UNIT_NAMES[unit]
            text = i18n.gettext(lang)(one if value == 1 else other).format(n=text)
    _ = i18n.gettext(lang)
    return _("about {value}").format(value=text) if approximate else text


def legal_basis(text: str | None, lang: str) -> str:
    """A legal basis from the data (written in Indonesian) as the page's language writes it: ``Article 4(1)``."""
    text = text or ""
    if lang != "en":
        return text
    for pattern, replacement in LEGAL_ENGLISH:
        text = pattern.sub(replacement, text)
    return text


def benefit_value(kind: str, value: object, lang: str) -> str:
    """What a benefit pays, in words or as an amount, from its kind and value ("" when not known)."""
    _ = i18n.gettext(lang)
    if kind in BENEFIT_TEXTS:
        return _(BENEFIT_TEXTS[kind])
    if i18n.missing(value):
        return ""
    if kind == "percent-of-income":
        return _("{percent} of declared income").format(percent=i18n.format_value("percent", value, lang))
    if kind == "multiple-of-income":
        return _("{times} × declared income").format(times=i18n.format_value("number", value, lang))
    if kind in ("years", "months"):
        return with_unit(float(value), kind, lang)
    return i18n.format_value(BENEFIT_KINDS.get(kind, "number"), value, lang)


def certainty_note(certainty: str | None, lang: str) -> str:
    """The caveat for a row's certainty ("" for a rule read in the regulation)."""
    note = CERTAINTY_NOTES.get(certainty or "", "")
    return i18n.gettext(lang)(note) if note else ""
