"""The one table of names: programmes, areas, kinds of work, figures, rules, benefits, units and bases.

Every name is a message id, translated where it is shown. A data id the table does not know yet is
shown as itself, so new data never breaks a page.
"""

from __future__ import annotations

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
    "ojek-pangkalan": N_("Base-station motorbike taxi (ojek pangkalan)"),
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
}
OBSERVATION_NAMES = {"observation": N_("Coverage"), "target": N_("Target")}
SECTOR_NAMES = {"transport": N_("transport workers"), "other": N_("other sectors"), "all": N_("all sectors")}
FIGURE_NAMES = {
    "city-scheme-vulnerable": N_("Vulnerable workers whose contributions the city pays"),
    "city-scheme-religious": N_("Religious workers whose contributions the city pays"),
    "national-active": N_("Active participants, all of Indonesia"),
    "national-active-bpu": N_("Active self-employed (BPU) participants, all of Indonesia"),
    "ojol-registered": N_("Online motorbike taxi drivers registered"),
    "ojol-total": N_("Online motorbike taxi drivers in total"),
    "ojol-registered-pct": N_("Share of online motorbike taxi drivers registered"),
}
UNIT_NAMES = {
    "workers": N_("{n} workers"),
    "participants": N_("{n} participants"),
    "drivers": N_("{n} drivers"),
    "hours": N_("{n} hours"),
    "months": N_("{n} months"),
    "years": N_("{n} years"),
    "working-days": N_("{n} working day(s)"),
    "day-of-month": N_("day {n} of the month"),
}
RULE_NAMES = {
    "report-accident-hours": N_("Report a work accident within"),
    "pay-by-day": N_("Pay each month by"),
    "arrears-limit-months": N_("Longest arrears that still keep JKK and JKM"),
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
    "jkk-periodic": N_("JKK: periodic benefit"),
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
    "jkm-periodic": N_("JKM: periodic benefit (paid at once)"),
    "jkm-funeral": N_("JKM: funeral cost"),
    "jkm-scholarship-min-years": N_("JKM: years paid before the scholarship applies"),
    "jht-savings": N_("JHT: savings paid out"),
    "jkk-return-to-work": N_("JKK: support to return to work"),
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
    "news": N_("As reported in the news; not read in the regulation itself."),
    "unsure": N_("Not established for certain; check with BPJS Ketenagakerjaan."),
    "regulation": "",
}
# How a value of each kind of benefit (benefits.csv ``kind``) or unit (rules.csv, figures.csv ``unit``) is formatted.
BENEFIT_KINDS = {"amount": "money", "percent-of-income": "percent", "multiple-of-income": "number", "count": "number"}
UNIT_KINDS = {"percent": "percent", "rupiah": "money"}


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


def with_unit(value: float, unit: str, lang: str) -> str:
    """A figure with its unit: ``48,64%``, ``Rp1.000.000``, ``3.000 pekerja``, ``48 jam``."""
    if unit in UNIT_KINDS:
        return i18n.format_value(UNIT_KINDS[unit], value, lang)
    number = i18n.format_value("number", value, lang)
    return i18n.gettext(lang)(UNIT_NAMES[unit]).format(n=number) if unit in UNIT_NAMES else number


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
