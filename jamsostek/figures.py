"""Every figure the prose may name, as ``{{ placeholder }}`` values: value, kind and source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jamsostek import clock, coverage, i18n, rules
from jamsostek.data import DataPackage, Need
from jamsostek.labels import BENEFIT_KINDS, UNIT_KINDS

TRANSPORT_EXAMPLE = rules.TRANSPORT_EXAMPLE
DISCOUNTS = ("pp50-transport", "pp50-other")
DEATH, DISABILITY = "jkk-death-multiple", "jkk-disability-multiple"
NEEDS = (
    *(Need("discounts", "id", d, "the home page names its period") for d in DISCOUNTS),
    *(
        Need("benefits", "id", b, "the home and benefits pages state it at the lowest income")
        for b in (DEATH, DISABILITY)
    ),
)


@dataclass(frozen=True)
class Figure:
    """A value to show, how to format it, and where it comes from."""

    value: object
    kind: str  # "number", "percent", "money", "date", "month", "year"
    source_id: str | None = None


def format_figure(figure: Figure, lang: str) -> str:
    """The figure as text in the page's language (Babel); a value the data lacks reads "not known"."""
    _ = i18n.gettext(lang)
    return i18n.format_value(figure.kind, figure.value, lang) or _("not known")


def _by_id(frame, key: str) -> dict:
    return frame[frame["id"] == key].iloc[0].to_dict()


def _city(package: DataPackage) -> dict[str, Figure]:
    city = coverage.latest(package)
    newest = coverage.latest(package, with_counts=False)
    province = coverage.latest(package, "prov-jambi", with_counts=False)
    nation = coverage.latest(package, "indonesia", with_counts=False)
    src, tsrc = city.source_id, city.target_source_id
    return {
        "covered_workers": Figure(city.covered, "number", src),
        "workforce": Figure(city.workforce, "number", src),
        "not_covered": Figure(city.not_covered, "number", src),
        "coverage_pct": Figure(city.coverage_pct, "percent", src),
        "coverage_as_of": Figure(city.as_of, "date", src),
        "target_pct": Figure(city.target_pct, "percent", tsrc),
        "target_year": Figure(city.target_year, "year", tsrc),
        "target_workers": Figure(city.target_workers, "number", tsrc),
        "workers_needed": Figure(city.gap_workers, "number", tsrc),
        "gap_pct": Figure(city.gap_pct, "percent", tsrc),
        "city_latest_pct": Figure(newest.coverage_pct, "percent", newest.source_id),
        "city_latest_workforce": Figure(newest.workforce, "number", newest.source_id),
        "city_latest_as_of": Figure(newest.as_of, "date", newest.source_id),
        "province_pct": Figure(province.coverage_pct, "percent", province.source_id),
        "province_covered": Figure(province.covered, "number", province.source_id),
        "province_as_of": Figure(province.as_of, "date", province.source_id),
        "national_pct": Figure(nation.coverage_pct, "percent", nation.source_id),
        "national_as_of": Figure(nation.as_of, "month", nation.source_id),
    }


def _costs(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    low = rules.lowest_income(package)
    core = rules.quote(package, rules.Question(TRANSPORT_EXAMPLE, low, rules.CORE_PROGRAMMES, today))
    full = rules.quote(package, rules.Question(TRANSPORT_EXAMPLE, low, frozenset(rules.PROGRAMMES), today))
    lines = {line.programme: line for line in full.lines}
    transport, other = (_by_id(package.discounts, d) for d in DISCOUNTS)
    jkk = package.contributions[package.contributions["programme"] == "jkk"].iloc[0]
    jht = package.contributions[package.contributions["programme"] == "jht"].iloc[0]
    return {
        "today": Figure(today, "date"),
        "this_month": Figure(today, "month"),
        "lowest_income": Figure(low, "money", "S12b"),
        "cost_now": Figure(core.total, "money", (core.discount or {}).get("source_id", "R-PP44")),
        "cost_normal": Figure(core.total_normal, "money", "S12c"),
        "cost_with_jht_now": Figure(full.total, "money", "S12b"),
        "jkk_at_lowest": Figure(lines["jkk"].normal, "money", lines["jkk"].source_id),
        "jkm_contribution": Figure(lines["jkm"].normal, "money", lines["jkm"].source_id),
        "jht_at_lowest": Figure(lines["jht"].normal, "money", lines["jht"].source_id),
        "jkk_rate_pct": Figure(float(jkk["rate_pct"]), "percent", jkk["source_id"]),
        "jkk_max": Figure(int(jkk["max_amount"]), "money", "S12a"),
        "jht_rate_pct": Figure(float(jht["rate_pct"]), "percent", jht["source_id"]),
        "discount_pct": Figure(float(transport["percent_off"]), "percent", transport["source_id"]),
        "discount_transport_from": Figure(transport["valid_from"], "month", transport["source_id"]),
        "discount_transport_until": Figure(transport["valid_to"], "month", transport["source_id"]),
        "discount_other_from": Figure(other["valid_from"], "month", other["source_id"]),
        "discount_other_until": Figure(other["valid_to"], "month", other["source_id"]),
    }


def _benefits(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    low = rules.lowest_income(package)
    paid = rules.benefits_at(package, low, today)
    frame = package.benefits
    out = {}
    for _, row in frame.iterrows():
        kind = BENEFIT_KINDS.get(row["kind"]) or ("number" if row["kind"] in ("years", "months") else None)
        if kind and not i18n.missing(row["value"]):
            out[row["id"].replace("-", "_")] = Figure(float(row["value"]), kind, row["source_id"])
    out["jkk_death_at_lowest"] = Figure(paid[DEATH], "money", "S11c")
    out["jkk_disability_at_lowest"] = Figure(paid[DISABILITY], "money", "S11c")
    return out


def _rules_and_figures(package: DataPackage) -> dict[str, Figure]:
    out = {}
    for _, row in package.rules.iterrows():
        kind = UNIT_KINDS.get(row["unit"], "number")
        out["rule_" + row["id"].replace("-", "_")] = Figure(float(row["value"]), kind, row["source_id"])
    for _, row in package.figures.iterrows():
        name = row["id"].replace("-", "_")
        kind = UNIT_KINDS.get(row["unit"], "number")
        out[name] = Figure(float(row["value"]), kind, row["source_id"])
        precision = "month" if row["precision"] == "month" else "date"
        out[name + "_as_of"] = Figure(row["as_of"], precision, row["source_id"])
    return out


def figures(package: DataPackage, today: dt.date | None = None) -> dict[str, Figure]:
    """All placeholder values, named as the Markdown names them."""
    today = today or clock.today()
    result = _city(package) | _costs(package, today) | _benefits(package, today) | _rules_and_figures(package)
    result["data_as_of"] = Figure(package.as_of, "date")
    return result
