"""Every figure the prose may name, as ``{{ placeholder }}`` values: value, kind and the sources of its row.

A figure takes its source from the row it came from, and its corroborating sources from corroborations.csv:
no source id is typed here. Rates, amounts and discount periods are read for the date asked
(``rules.contribution``, ``timeline.discount``), so a new rule period in the data changes the prose with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from jamsostek import clock, coverage, i18n, rules, timeline
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.labels import BENEFIT_KINDS, legal_basis, unit_kind, with_unit

HUGE_INCOME = 10**12  # an income above any ceiling: the contribution there is the highest one


@dataclass(frozen=True)
class Figure:
    """A value to show, how to format it (``i18n.format_value`` kinds), and the sources it comes from."""

    value: object
    kind: str
    source_id: str | None = None
    also: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Its own source first, then the corroborating ones."""
        return tuple(dict.fromkeys(s for s in (self.source_id, *self.also) if s))


def format_figure(figure: Figure, lang: str) -> str:
    """The figure as text in the page's language (Babel); a value the data lacks reads "not known"."""
    _ = i18n.gettext(lang)
    return i18n.format_value(figure.kind, figure.value, lang) or _("not known")


def about(kind: str, approximate: bool) -> str:
    """The kind that says "about" when the source rounds the figure."""
    return i18n.ABOUT + kind if approximate else kind


def words(make: Callable[[str], str]) -> dict[str, str]:
    """A text in every language, made by ``make(lang)`` (a figure of kind ``words``)."""
    return {lang: make(lang) for lang in i18n.LANGUAGES}


OBSERVATION_NAMES = ("pct", "covered", "workforce", "basis", "as_of", "age", "note")
TARGET_NAMES = ("pct", "year", "workers", "when", "note")
GAP_NAMES = ("covered_workers", "workforce", "coverage_pct", "coverage_as_of", "target_workers", "workers_needed")
GAP_NAMES += ("target_pct", "target_year", "target_when", "target_note", "gap_stated_low_workers")
GAP_NAMES += ("gap_stated_high_workers",)
DISCOUNT_NAMES = ("pct", "from", "until", "basis")


def unknown(names: tuple[str, ...], prefix: str = "") -> dict[str, Figure]:
    """Figures the data does not give today: the prose still fills, saying "not known"."""
    return {f"{prefix}{name}": Figure(None, "text") for name in names}


def _observation(prefix: str, obs: coverage.Observation | None, package: DataPackage, today: dt.date) -> dict:
    """``{prefix}_pct``, ``_covered``, ``_workforce``, ``_basis``, ``_as_of`` and ``_age`` of one observation."""
    if obs is None:
        return unknown(OBSERVATION_NAMES, prefix + "_")
    src, also = obs.source_id, package.also("coverage", obs.item)
    bases = package.bases.set_index("id")
    basis = obs.known_basis or obs.basis
    return {
        f"{prefix}_pct": Figure(obs.coverage_pct, about("percent", obs.approximate), src, also),
        f"{prefix}_covered": Figure(obs.covered, about("number", obs.approximate), src, also),
        f"{prefix}_workforce": Figure(obs.workforce, about("number", obs.approximate), src, also),
        f"{prefix}_basis": Figure(words(lambda lang: str(bases.at[basis, f"short_{lang}"])), "words", src, also),
        f"{prefix}_as_of": Figure(obs.as_of, i18n.PRECISION_KINDS[obs.precision], src, also),
        f"{prefix}_age": Figure((obs.as_of, today), "age", src, also),
        f"{prefix}_note": Figure(_note(package, obs), "words", src, also),
    }


def _note(package: DataPackage, obs: coverage.Observation) -> dict[str, str]:
    """The observation's caveat from notes.csv, per language ("" when it has none)."""
    notes = package.notes
    rows = notes[(notes["area"] == obs.area) & (notes["as_of"] == obs.as_of)]
    return {lang: "" if rows.empty else str(rows.iloc[0][f"note_{lang}"]) for lang in i18n.LANGUAGES}


def _target_item(package: DataPackage, target: coverage.Target, today: dt.date, lang: str) -> str:
    """One target in a sentence: its year and whether it has ended (with that year's last figure), and its note."""
    _ = i18n.gettext(lang)
    values = {"year": target.year, "target": i18n.percent(target.pct, lang)}
    values["stated"] = i18n.when(target.stated, target.precision, lang)
    if target.workers is not None:
        workers = i18n.format_value(about("number", target.approximate), target.workers, lang)
        values["target"] += " " + _("({workers} workers)").format(workers=workers)
    if target.year is None:
        text = _("target {target}, stated {stated}; the year is not stated.").format(**values)
    elif not target.ended(today):
        text = _("{year}: target {target}; the year has not ended.").format(**values)
    elif (last := coverage.last_in_year(package, target.area, target.year)) is None:
        text = _("{year}: target {target}; we found no figure from that year.").format(**values)
    else:
        values["last"] = i18n.format_value(about("percent", last.approximate), last.coverage_pct, lang)
        values["date"] = i18n.when(last.as_of, last.precision, lang)
        text = _("{year}: target {target}; the last figure of that year we found: {last} ({date}).").format(**values)
    return " ".join(filter(None, [text, target.note.get(lang, "")]))


def _target_list(package: DataPackage, area: str, today: dt.date) -> Figure:
    """Every target of an area in order, each with its state on the date; "was it reached?" is never guessed."""
    found = coverage.targets(package, area)

    def make(lang: str) -> str:
        _ = i18n.gettext(lang)
        parts = [_target_item(package, target, today, lang) for target in found]
        if any(target.ended(today) for target in found):
            parts.append(
                _("Whether the targets whose year has ended were reached has not been published in our sources.")
            )
        return " ".join(parts)

    ids = [s for t in found for s in (t.source_id, *package.also("targets", t.id))]
    return Figure(words(make) if found else None, "words", ids[0] if ids else None, tuple(ids[1:]))


def _target_when(target: coverage.Target, today: dt.date) -> dict[str, str]:
    """ "for 2026" / "2024; the year has ended" / "stated May 2025; the year is not stated", per language."""

    def make(lang: str) -> str:
        _ = i18n.gettext(lang)
        stated = i18n.when(target.stated, target.precision, lang)
        if target.year is None:
            return _("stated {date}; the year is not stated").format(date=stated)
        if target.ended(today):
            return _("{year}; the year has ended").format(year=target.year)
        return _("for {year}").format(year=target.year)

    return words(make)


def _target(prefix: str, target: coverage.Target | None, package: DataPackage, today: dt.date) -> dict:
    """``{prefix}_pct``, ``_year``, ``_workers``, ``_when`` and ``_note`` of one target."""
    if target is None:
        return unknown(TARGET_NAMES, prefix + "_")
    src, also = target.source_id, package.also("targets", target.id)
    return {
        f"{prefix}_pct": Figure(target.pct, "percent", src, also),
        f"{prefix}_year": Figure(target.year, "year", src, also),
        f"{prefix}_workers": Figure(target.workers, about("number", target.approximate), src, also),
        f"{prefix}_when": Figure(_target_when(target, today), "words", src, also),
        f"{prefix}_note": Figure(dict(target.note), "words", src, also),
    }


def _gap(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    """The city's gap (current or past) under the names the prose has always used, and the source's own range."""
    found = coverage.gap(package, coverage.CITY, today)
    if found is None:
        return unknown(GAP_NAMES)
    obs, target = found.observation, found.target
    src, also = target.source_id, package.also("targets", target.id)
    out = {k.replace("gap_target_", "target_"): v for k, v in _target("gap_target", target, package, today).items()}
    obs_also = package.also("coverage", obs.item)
    out |= {
        "covered_workers": Figure(obs.covered, "number", obs.source_id, obs_also),
        "workforce": Figure(obs.workforce, "number", obs.source_id, obs_also),
        "coverage_pct": Figure(obs.coverage_pct, about("percent", obs.approximate), obs.source_id, obs_also),
        "coverage_as_of": Figure(obs.as_of, i18n.PRECISION_KINDS[obs.precision], obs.source_id, obs_also),
        "target_workers": Figure(found.target_workers, "number", src, also),
        "workers_needed": Figure(found.workers, "number", src, also),
    }
    for edge in ("low", "high"):  # "still chasing about 3 to 4 percent" (figures.csv): in workers, our computation
        stated = _figure_row(package, f"city-gap-stated-{edge}")
        value = None if stated is None else round(obs.workforce * float(stated["value"]) / 100)
        out[f"gap_stated_{edge}_workers"] = Figure(value, "number", None if stated is None else stated["source_id"])
    return out


def _figure_row(package: DataPackage, figure_id: str) -> dict | None:
    rows = package.figures[package.figures["id"] == figure_id]
    return None if rows.empty else rows.iloc[0].to_dict()


def _areas(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    """The newest figure and target of each area; the province's last ended target; the nation's current one."""
    out = _observation("city_latest", coverage.newest(package), package, today)
    out |= _target("city_target", coverage.newest_target(package), package, today)
    out |= _observation("province_latest", coverage.newest(package, "prov-jambi"), package, today)
    out |= _target("province_target", coverage.newest_target(package, "prov-jambi"), package, today)
    out["province_targets"] = _target_list(package, "prov-jambi", today)
    out |= _observation("national", coverage.newest(package, "indonesia"), package, today)
    out |= _target("national_target", coverage.current_target(package, "indonesia", today), package, today)
    return out


def _discounts(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    """The discount for transport and for other work on the date: in force, else the last, else the next."""
    out = unknown(DISCOUNT_NAMES, "discount_transport_") | unknown(DISCOUNT_NAMES, "discount_other_")
    for name, work in (("transport", timeline.TRANSPORT), ("other", timeline.OTHER)):
        _state, row = timeline.discount(package, work, today)
        if row is None:
            continue
        src, also = row["source_id"], package.also("discounts", row["id"])
        out[f"discount_{name}_pct"] = Figure(float(row["percent_off"]), "percent", src, also)
        out[f"discount_{name}_from"] = Figure(row["valid_from"], "month", src, also)
        out[f"discount_{name}_until"] = Figure(row["valid_to"], "month", src, also)
        basis = words(lambda lang, text=row["basis"]: legal_basis(text, lang))
        out[f"discount_{name}_basis"] = Figure(basis, "words", src, also)
    # the prose's "discount" is the transport one (the home page's example)
    out["discount_pct"], out["discount_basis"] = out["discount_transport_pct"], out["discount_transport_basis"]
    return out


def _line(package: DataPackage, programme: str, income: int, today: dt.date) -> tuple[rules.Line | None, tuple]:
    line = rules.contribution(package, programme, income, today)
    return line, package.also("contributions", programme)


def _costs(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    """This month's cost at the lowest income, and the rates and amounts in force on the date."""
    low_row = package.rules[package.rules["id"] == rules.LOWEST_INCOME].iloc[0]
    low = rules.lowest_income(package)
    core = rules.quote(package, rules.Question(timeline.TRANSPORT, low, rules.CORE_PROGRAMMES, today))
    full = rules.quote(package, rules.Question(timeline.TRANSPORT, low, frozenset(rules.PROGRAMMES), today))
    core_sources = tuple(s for ln in core.lines for s in (ln.source_id, *package.also("contributions", ln.programme)))
    now_source, now_also = core_sources[0], core_sources
    if core.discount:
        now_source = core.discount["source_id"]
        now_also = package.also("discounts", core.discount["id"]) + core_sources
    out = {
        "today": Figure(today, "date"),
        "this_month": Figure(today, "month"),
        "lowest_income": Figure(low, "money", low_row["source_id"], package.also("rules", rules.LOWEST_INCOME)),
        "cost_now": Figure(core.total, "money", now_source, now_also),
        "cost_normal": Figure(core.total_normal, "money", core_sources[0], core_sources[1:]),
        "cost_with_jht_now": Figure(full.total, "money", now_source, now_also),
    }
    for programme, name in (("jkk", "jkk_at_lowest"), ("jkm", "jkm_contribution"), ("jht", "jht_at_lowest")):
        line, also = _line(package, programme, low, today)
        if line is not None:
            out[name] = Figure(line.normal, "money", line.source_id, also)
            if programme != "jkm":  # a rate: what the contribution is as a share of the income it was taken on
                rate = round(100 * line.normal / max(low, 1), 2)
                out[f"{programme}_rate_pct"] = Figure(rate, "percent", line.source_id, also)
    top, also = _line(package, "jkk", HUGE_INCOME, today)
    capped = top is not None and top.capped
    out["jkk_max"] = Figure(top.normal if capped else None, "money", top.source_id if top else None, also)
    return out | _discounts(package, today)


def _benefits(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    """Every benefit in force on the date, and the income-based ones at the lowest income."""
    out = {}
    low = rules.lowest_income(package)
    for item in rules.benefit_items(package, low, today):
        also = package.also("benefits", item.id)
        kind = BENEFIT_KINDS.get(item.kind) or ("number" if item.kind in ("years", "months") else None)
        if kind and item.value is not None:
            out[item.id.replace("-", "_")] = Figure(item.value, kind, item.source_id, also)
        if item.kind == "multiple-of-income":
            name = item.id.replace("-multiple", "_at_lowest").replace("-", "_")
            out[name] = Figure(item.amount, "money", item.source_id, also)
    return out


def _rule(package: DataPackage, row: dict) -> dict[str, Figure]:
    """A rule's value, its value with its unit in words ("1 hari kerja"), and a deadline in hours as days."""
    name, also, value, unit = (
        "rule_" + row["id"].replace("-", "_"),
        package.also("rules", row["id"]),
        row["value"],
        row["unit"],
    )
    text = words(lambda lang: with_unit(float(value), unit, lang))
    out = {
        name: Figure(float(value), unit_kind(unit, float(value)), row["source_id"], also),
        name + "_text": Figure(text, "words", row["source_id"], also),
    }
    if unit == "hours" and float(value) % 24 == 0:  # "2 x 24 jam": how Indonesians hear a deadline in hours
        days = "rule_" + row["id"].replace("-hours", "-days").replace("-", "_")
        out[days] = Figure(float(value) / 24, "number", row["source_id"], also)
    return out


def _rows(package: DataPackage) -> dict[str, Figure]:
    """Rules, other figures and facts in words, each named after its id, with its date where it has one."""
    out = {}
    for row in package.rules.to_dict("records"):
        out |= _rule(package, row)
    for row in package.figures.to_dict("records"):
        name, also = row["id"].replace("-", "_"), package.also("figures", row["id"])
        kind = about(unit_kind(row["unit"], float(row["value"])), bool(row.get("approximate")))
        out[name] = Figure(float(row["value"]), kind, row["source_id"], also)
        out[name + "_as_of"] = Figure(row["as_of"], i18n.PRECISION_KINDS[row["precision"]], row["source_id"], also)
    for row in package.statements.to_dict("records"):
        name, also = row["id"].replace("-", "_"), package.also("statements", row["id"])
        text = {lang: row[f"text_{lang}"] for lang in i18n.LANGUAGES}
        out[name] = Figure(text, "words", row["source_id"], also)
        out[name + "_as_of"] = Figure(row["as_of"], i18n.PRECISION_KINDS[row["precision"]], row["source_id"], also)
    return out


def figures(package: DataPackage, today: dt.date | None = None) -> dict[str, Figure]:
    """All placeholder values, named as the Markdown names them: built once per package and day, a new dict each call
    (a build of the light version and the first HTML asks for them about a hundred times)."""
    return dict(_figures(package, today or clock.today()))


@per_package(maxsize=8)
def _figures(package: DataPackage, today: dt.date) -> dict[str, Figure]:
    result = _areas(package, today) | _gap(package, today) | _costs(package, today)
    result |= _benefits(package, today) | _rows(package)
    result["data_as_of"] = Figure(package.as_of, "date")
    return result
