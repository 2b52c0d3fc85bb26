"""Names of the data's ids (figures, rules, benefits, kinds) for the journalist's table; translated where shown."""

from __future__ import annotations

from jamsostek.rules import N_

KIND_NAMES = {
    "coverage": N_("Coverage"),
    "target": N_("Target"),
    "figure": N_("Other figure"),
    "contribution": N_("Contribution"),
    "discount": N_("Discount"),
    "benefit": N_("Benefit"),
    "rule": N_("Rule"),
}
PROGRAMME_NAMES = {
    "jkk": N_("JKK (work accident)"),
    "jkm": N_("JKM (death)"),
    "jht": N_("JHT (old-age savings)"),
    "both": N_("JKK and JKM"),
}
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
CERTAINTY_NOTES = {
    "estimate": N_("Estimate; check with BPJS Ketenagakerjaan."),
    "news": N_("As reported in the news; not read in the regulation itself."),
    "unsure": N_("Not established for certain; check with BPJS Ketenagakerjaan."),
    "regulation": "",
}


def name(names: dict[str, str], key: str, _) -> str:
    """A translated name, or the id itself when the data has a new one."""
    label = names.get(key)
    return _(label) if label else key
