"""Tables for journalists: every figure the site states, with its date, base, caveat, source and citation."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.data import AREAS, DataPackage
from jamsostek.labels import (
    BENEFIT_NAMES,
    CERTAINTY_NOTES,
    FIGURE_NAMES,
    KIND_NAMES,
    PROGRAMME_NAMES,
    RULE_NAMES,
    SECTOR_NAMES,
    UNIT_NAMES,
    name,
)
from jamsostek.rules import N_

AREA_NAMES = {"kota-jambi": N_("Kota Jambi"), "prov-jambi": N_("Jambi Province"), "indonesia": N_("Indonesia")}
NATIONAL = "indonesia"  # the regulations apply in all of Indonesia
COLUMNS = ("figure", "value", "as_of", "area", "base", "caveat", "source", "url", "kind")  # value first on phones
FILTER_COLUMNS = ("kind_id", "area_id", "source_id")
OBSERVATION_LABELS = {
    "area": N_("Area"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "covered": N_("Covered workers"),
    "base": N_("Base"),
    "as_of": N_("As of"),
    "caveat": N_("Caveat"),
    "source": N_("Source"),
}


def area_name(area: str, _) -> str:
    """An area's name in the page's language (``_`` translates)."""
    return _(AREA_NAMES.get(area, area))


def _area_order(column: pd.Series) -> pd.Series:
    return column.map(AREAS.index) if column.name == "area" else column


def _missing(value: object) -> bool:
    return value is None or pd.isna(value)


def _note(package: DataPackage, area: str, as_of, lang: str) -> str:
    notes = package.notes
    rows = notes[(notes["area"] == area) & (notes["as_of"] == as_of)]
    return "" if rows.empty else rows.iloc[0][f"note_{lang}"]


def _basis(package: DataPackage, basis: str, lang: str) -> str:
    bases = package.bases
    rows = bases.loc[bases["id"] == basis, f"label_{lang}"]
    return basis if rows.empty else rows.iloc[0]


def _period(row, lang: str, _) -> str:
    start, end = row.get("valid_from"), row.get("valid_to")
    if _missing(start) and _missing(end):
        return _("in force")
    if _missing(end):
        return _("from {date}").format(date=i18n.date(start, lang))
    if _missing(start):
        return _("until {date}").format(date=i18n.date(end, lang))
    return f"{i18n.month(start, lang)} – {i18n.month(end, lang)}"


def _row(package: DataPackage, kind: str, area: str, source_id: str | None, _, **fields) -> dict:
    src = package.source(source_id) if source_id else {}
    return {
        "kind": _(KIND_NAMES[kind]),
        "area": area_name(area, _),
        "caveat": "",
        "base": "",
        "source": f"{src['publisher']} [{source_id}]" if src else "",
        "url": src.get("url") or "",
        "kind_id": kind,
        "area_id": area,
        "source_id": source_id or "",
        **fields,
    } | _with_area(kind, area, fields, _)


def _with_area(kind: str, area: str, fields: dict, _) -> dict:
    """Area-bound figures name their area first, so a phone showing one column still says where."""
    if kind in ("coverage", "target", "figure") and "figure" in fields:
        return {"figure": f"{area_name(area, _)}: {fields['figure']}"}
    return {}


def _coverage_rows(package: DataPackage, lang: str, _) -> list[dict]:
    rows = []
    for _i, row in package.coverage.sort_values(["area", "as_of"], key=_area_order).iterrows():
        base = _basis(package, row["basis"], lang)
        if not _missing(row["covered"]):
            base = _("{covered} covered").format(covered=i18n.number(row["covered"], lang)) + " · " + base
        if not _missing(row["workforce"]):
            base = _("out of {workforce}").format(workforce=i18n.number(row["workforce"], lang)) + " · " + base
        rows.append(
            _row(
                package,
                "coverage",
                row["area"],
                row["source_id"],
                _,
                figure=_("Workers covered by Jamsostek"),
                value=i18n.percent(row["coverage_pct"], lang),
                as_of=i18n.date(row["as_of"], lang),
                base=base,
                caveat=_note(package, row["area"], row["as_of"], lang),
            )
        )
    for _i, row in package.targets.sort_values(["area", "year"], key=_area_order).iterrows():
        rows.append(
            _row(
                package,
                "target",
                row["area"],
                row["source_id"],
                _,
                figure=_("Coverage target"),
                value=i18n.percent(row["target_pct"], lang),
                as_of=str(row["year"]),
            )
        )
    return rows


def _figure_value(value: float, unit: str, lang: str, _) -> str:
    if unit == "percent":
        return i18n.percent(value, lang)
    if unit == "rupiah":
        return i18n.money(value, lang)
    number = i18n.number(value, lang, digits=2)
    return _(UNIT_NAMES[unit]).format(n=number) if unit in UNIT_NAMES else number


def _other_rows(package: DataPackage, lang: str, _) -> list[dict]:
    rows = []
    for _i, row in package.figures.sort_values(["area", "as_of"], key=_area_order).iterrows():
        when = i18n.month(row["as_of"], lang) if row["precision"] == "month" else i18n.date(row["as_of"], lang)
        rows.append(
            _row(
                package,
                "figure",
                row["area"],
                row["source_id"],
                _,
                figure=name(FIGURE_NAMES, row["id"], _),
                value=_figure_value(float(row["value"]), row["unit"], lang, _),
                as_of=when,
            )
        )
    for _i, row in package.rules.iterrows():
        rows.append(
            _row(
                package,
                "rule",
                NATIONAL,
                row["source_id"],
                _,
                figure=name(RULE_NAMES, row["id"], _),
                value=_figure_value(float(row["value"]), row["unit"], lang, _),
                as_of=_("in force"),
                base=row["basis"],
            )
        )
    return rows


def _contribution_value(row, lang: str, _) -> str:
    if row["method"] == "flat":
        return _("{amount} per month").format(amount=i18n.money(row["amount"], lang))
    text = _("{rate} of declared income per month").format(rate=i18n.percent(row["rate_pct"], lang))
    if not _missing(row["max_amount"]):
        text += "; " + _("at most {amount}").format(amount=i18n.money(row["max_amount"], lang))
    return text


def _certainty(certainty: str, _) -> str:
    note = CERTAINTY_NOTES.get(certainty, "")
    return _(note) if note else ""


def _rule_rows(package: DataPackage, lang: str, _) -> list[dict]:
    rows = []
    for _i, row in package.contributions.iterrows():
        rows.append(
            _row(
                package,
                "contribution",
                NATIONAL,
                row["source_id"],
                _,
                figure=name(PROGRAMME_NAMES, row["programme"], _),
                value=_contribution_value(row, lang, _),
                as_of=_period(row, lang, _),
                base=row["basis"],
                caveat=_certainty(row["certainty"], _),
            )
        )
    for _i, row in package.discounts.iterrows():
        programmes = ", ".join(name(PROGRAMME_NAMES, p, _) for p in row["programmes"].split())
        caveat = _("Not for participants whose contributions are paid from the state or regional budget.")
        rows.append(
            _row(
                package,
                "discount",
                NATIONAL,
                row["source_id"],
                _,
                figure=row.get(f"label_{lang}")
                or _("Discount for {sector}: {programmes}").format(
                    sector=name(SECTOR_NAMES, row["sector"], _), programmes=programmes
                ),
                value=_("{percent} off").format(percent=i18n.percent(row["percent_off"], lang)),
                as_of=_period(row, lang, _),
                base=row["basis"],
                caveat=caveat if row["excludes_budget_paid"] else "",
            )
        )
    for _i, row in package.benefits.iterrows():
        rows.append(
            _row(
                package,
                "benefit",
                NATIONAL,
                row["source_id"],
                _,
                figure=name(BENEFIT_NAMES, row["id"], _),
                value=_benefit_value(row, lang, _),
                as_of=_period(row, lang, _),
                base=row["basis"],
                caveat=_certainty(row.get("certainty", ""), _),
            )
        )
    return rows


def _benefit_value(row, lang: str, _) -> str:
    value, kind = row["value"], row["kind"]
    texts = {
        "no-ceiling": lambda: _("As medically needed, with no cost ceiling"),
        "savings": lambda: _("The contributions paid plus investment returns"),
        "check": lambda: _("Check with BPJS Ketenagakerjaan"),
        "amount": lambda: i18n.money(value, lang),
        "percent-of-income": lambda: _("{percent} of declared income").format(percent=i18n.percent(value, lang)),
        "multiple-of-income": lambda: _("{times} × declared income").format(times=i18n.number(value, lang)),
        "count": lambda: i18n.number(value, lang),
        "years": lambda: _figure_value(value, "years", lang, _),
        "months": lambda: _figure_value(value, "months", lang, _),
    }
    return (
        texts[kind]() if kind in texts and (kind in ("no-ceiling", "savings", "check") or not _missing(value)) else ""
    )


_CACHE: dict[tuple, pd.DataFrame] = {}  # (package directory, load time, language) -> table; a few entries at most


def figure_table(package: DataPackage, lang: str, _) -> pd.DataFrame:
    """Every figure and rule the site states, one row each, formatted for the page's language.

    Columns: ``COLUMNS`` to show, ``FILTER_COLUMNS`` to filter on (raw ids). Built once per package
    and language: rebuilding it on every run was the /data page's main cost and grew with the rows.
    """
    key = (str(package.directory), package.loaded_at, lang)
    if key not in _CACHE:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        _CACHE[key] = _figure_table(package, lang, _)
    return _CACHE[key].copy()


def _figure_table(package: DataPackage, lang: str, _) -> pd.DataFrame:
    rows = _coverage_rows(package, lang, _) + _other_rows(package, lang, _) + _rule_rows(package, lang, _)
    return pd.DataFrame(rows, columns=[*COLUMNS, *FILTER_COLUMNS])


def observations(package: DataPackage, lang: str, _) -> pd.DataFrame:
    """The coverage observations and targets only, in OBSERVATION_LABELS' columns plus ``url`` (the light version)."""
    table = figure_table(package, lang, _)
    table = table[table["kind_id"].isin(["coverage", "target"])].reset_index(drop=True)
    counts = package.coverage.sort_values(["area", "as_of"], key=_area_order)["covered"]
    covered = ["" if _missing(c) else i18n.number(c, lang) for c in counts]
    table["covered"] = covered + [""] * (len(table) - len(covered))
    return table[[*OBSERVATION_LABELS, "url"]]


def filtered(table: pd.DataFrame, kinds: list[str] | None = None, areas: list[str] | None = None) -> pd.DataFrame:
    """The rows of the chosen kinds and areas (None or empty: all)."""
    keep = pd.Series(True, index=table.index)
    if kinds:
        keep &= table["kind_id"].isin(kinds)
    if areas:
        keep &= table["area_id"].isin(areas)
    return table[keep].reset_index(drop=True)


def sources(package: DataPackage) -> pd.DataFrame:
    """The source list as shown: id, publisher, title, date, link or reference."""
    frame = package.sources[["id", "publisher", "title", "published", "url", "reference", "kind"]].copy()
    frame["published"] = frame["published"].fillna("")
    frame["url"] = frame["url"].fillna("")
    frame["reference"] = frame["reference"].fillna("")
    return frame


def changelog(package: DataPackage, lang: str, _) -> pd.DataFrame:
    """When figures were added or changed, newest first; the change comes right after its date (phones show it)."""
    log = package.changelog.sort_values("date", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "date": [i18n.date(d, lang) for d in log["date"]],
            "change": list(log[f"change_{lang}"]),
            "item": [v or "" for v in log["item"]],
            "resource": list(log["resource"]),
            "source": [v or "" for v in log["source_id"]],
        }
    )
