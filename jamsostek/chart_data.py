"""What each chart plots, and the sentences that go with it, in the page's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.catalog import area_name
from jamsostek.data import DataPackage


@dataclass(frozen=True)
class ChartData:
    """A chart's table (exactly what is plotted) and its words, before any styling."""

    title: str
    data: pd.DataFrame
    takeaway: str
    alt_text: str
    notes: tuple[str, ...]
    source_ids: tuple[str, ...]
    as_of: dt.date


def _ids(*ids: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


def _pct(value: float | None, lang: str) -> str:
    return "" if value is None else i18n.percent(value, lang)


def progress_data(package: DataPackage, lang: str) -> ChartData:
    """The city's newest counted figure against its target for that year."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    name = area_name(city.area, _)
    values = {
        "area": name,
        "date": i18n.date(city.as_of, lang),
        "pct": _pct(city.coverage_pct, lang),
        "target": _pct(city.target_pct, lang),
        "year": city.target_year or "",
    }
    row = {
        "area": city.area,
        "area_name": name,
        "as_of": city.as_of.isoformat(),
        "coverage_pct": city.coverage_pct,
        "coverage_label": values["pct"],
        "target_year": city.target_year,
        "target_pct": city.target_pct,
        "target_label": _("Target {year}: {target}").format(**values) if city.target_pct is not None else "",
        "source_id": city.source_id,
        "target_source_id": city.target_source_id or "",
    }
    if city.target_pct is None:
        takeaway = _("As of {date}, {pct} of workers in {area} were covered.").format(**values)
    else:
        takeaway = _("As of {date}, {pct} of workers in {area} were covered; the {year} target is {target}.").format(
            **values
        )
    return ChartData(
        title=_("{area}: progress toward the coverage target").format(**values),
        data=pd.DataFrame([row]),
        takeaway=takeaway,
        alt_text=_(
            "Bar from 0% to 100%: coverage in {area} was {pct} on {date}; the target line is at {target}."
        ).format(**values),
        notes=(),
        source_ids=_ids(city.source_id, city.target_source_id),
        as_of=city.as_of,
    )


def covered_data(package: DataPackage, lang: str) -> ChartData:
    """Covered and not yet covered workers in the city, in people."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    values = {
        "area": area_name(city.area, _),
        "date": i18n.date(city.as_of, lang),
        "covered": i18n.number(city.covered or 0, lang),
        "not_covered": i18n.number(city.not_covered or 0, lang),
        "workforce": i18n.number(city.workforce or 0, lang),
    }
    rows = []
    if city.covered is not None and city.workforce is not None:
        for status, label, workers in (
            ("covered", _("Covered"), city.covered),
            ("not-covered", _("Not yet covered"), city.not_covered),
        ):
            rows.append(
                {
                    "status": status,
                    "status_name": label,
                    "workers": workers,
                    "workers_label": i18n.number(workers, lang),
                    "share_pct": round(100 * workers / city.workforce, 2),
                    "workforce": city.workforce,
                    "as_of": city.as_of.isoformat(),
                    "source_id": city.source_id,
                }
            )
    takeaway = _(
        "As of {date}, about {covered} workers in {area} were covered and about {not_covered} were not yet "
        "covered, out of about {workforce}."
    )
    if not rows:
        takeaway = _("No count of covered workers is known for {area}.")
    return ChartData(
        title=_("{area}: workers covered and not yet covered").format(**values),
        data=pd.DataFrame(rows, columns=list(rows[0]) if rows else ["status", "status_name", "workers"]),
        takeaway=takeaway.format(**values),
        alt_text=_("Two bars in workers ({date}): covered {covered}; not yet covered {not_covered}.").format(**values),
        notes=(),
        source_ids=_ids(city.source_id),
        as_of=city.as_of,
    )


def gap_data(package: DataPackage, lang: str) -> ChartData:
    """Covered now, the target in workers, and the workers still needed (computed, never typed)."""
    _ = i18n.gettext(lang)
    city = coverage.latest(package)
    gap = coverage.gap_workers(package, city.area)
    values = {
        "area": area_name(city.area, _),
        "date": i18n.date(city.as_of, lang),
        "covered": i18n.number(city.covered or 0, lang),
        "target": _pct(city.target_pct, lang),
        "year": city.target_year or "",
        "target_workers": i18n.number(city.target_workers or 0, lang),
        "workforce": i18n.number(city.workforce or 0, lang),
        "gap": i18n.number(gap or 0, lang),
    }
    rows = []
    if gap is not None:
        for measure, label, workers in (
            ("covered", _("Covered now"), city.covered),
            ("target", _("Target {target}").format(**values), city.target_workers),
            ("needed", _("Still needed"), gap),
        ):
            rows.append({"measure": measure, "measure_name": label, "workers": workers})
    frame = pd.DataFrame(rows, columns=["measure", "measure_name", "workers"])
    frame["workers_label"] = [i18n.number(w, lang) for w in frame["workers"]]
    frame["as_of"] = city.as_of.isoformat()
    frame["target_year"] = city.target_year
    if gap is None:
        takeaway = _("No {year} target or count is known for {area}, so the gap cannot be computed.").format(
            **values | {"year": city.as_of.year}
        )
    elif gap == 0:
        takeaway = _("{area} has reached its {year} target of {target}.").format(**values)
    else:
        takeaway = _(
            "About {gap} more workers in {area} need to join to reach the {year} target of {target} "
            "({target_workers} of about {workforce})."
        ).format(**values)
    return ChartData(
        title=_("{area}: workers still needed to reach the target").format(**values),
        data=frame,
        takeaway=takeaway,
        alt_text=_("Three bars in workers: covered now {covered}; target {target_workers}; still needed {gap}.").format(
            **values
        ),
        notes=(),
        source_ids=_ids(city.source_id, city.target_source_id),
        as_of=city.as_of,
    )


def basis_name(package: DataPackage, basis: str, lang: str) -> str:
    """A base's label from bases.csv in the page's language (the id itself if it is not listed)."""
    bases = package.bases
    rows = bases.loc[bases["id"] == basis, f"label_{lang}"]
    return str(rows.iloc[0]) if len(rows) else basis


def _base_text(workforce: int | None, basis: str, package: DataPackage, lang: str) -> str:
    return i18n.number(workforce, lang) if workforce is not None else basis_name(package, basis, lang)


def _break_note(change: coverage.BaseChange, package: DataPackage, lang: str) -> str:
    _ = i18n.gettext(lang)
    return _(
        "{area}: from {date} the figure uses another base ({new}, before {old}). "
        "The line is not joined: {new_pct} is not a fall from {old_pct}."
    ).format(
        area=area_name(change.area, _),
        date=i18n.date(change.as_of, lang),
        new=_base_text(change.new_workforce, change.new_basis, package, lang),
        old=_base_text(change.old_workforce, change.old_basis, package, lang),
        new_pct=_pct(change.new_pct, lang),
        old_pct=_pct(change.old_pct, lang),
    )


def _labelled_points(frame: pd.DataFrame, changes: list[coverage.BaseChange]) -> set[tuple[str, dt.date]]:
    """Points that carry a value label: each area's newest, and both sides of a base change (no clutter)."""
    points = {(area, rows["as_of"].max()) for area, rows in frame.groupby("area")}
    for change in changes:
        points |= {(change.area, change.as_of), (change.area, change.old_as_of)}
    return points


def _history_rows(package: DataPackage, lang: str) -> list[dict]:
    _ = i18n.gettext(lang)
    rows = []
    observations = coverage.history(package)
    labelled_points = _labelled_points(observations, coverage.base_changes(package))
    for _i, obs in observations.iterrows():
        rows.append(
            {
                "kind": "observation",
                "area": obs["area"],
                "area_name": area_name(obs["area"], _),
                "date": obs["as_of"].isoformat(),
                "date_end": "",
                "value_pct": float(obs["coverage_pct"]),
                "label": _pct(float(obs["coverage_pct"]), lang)
                if (obs["area"], obs["as_of"]) in labelled_points
                else "",
                "basis": obs["basis"],
                "basis_name": basis_name(package, obs["basis"], lang),
                "segment": obs["segment"],
                "source_id": obs["source_id"],
            }
        )
    labelled = set()
    for _i, target in coverage.targets_in_range(package).iterrows():
        key = (int(target["year"]), float(target["target_pct"]))
        label = _("Target {target}").format(target=_pct(key[1], lang))  # the rule spans its year
        rows.append(
            {
                "kind": "target",
                "area": target["area"],
                "area_name": area_name(target["area"], _),
                "date": dt.date(key[0], 1, 1).isoformat(),
                "date_end": dt.date(key[0], 12, 31).isoformat(),
                "value_pct": key[1],
                "label": "" if key in labelled else label,
                "basis": "",
                "basis_name": "",
                "segment": "",
                "source_id": target["source_id"],
            }
        )
        labelled.add(key)
    return rows


def history_data(package: DataPackage, lang: str) -> ChartData:
    """Every observation per area, split into segments where the base changes, and the targets."""
    _ = i18n.gettext(lang)
    frame = pd.DataFrame(_history_rows(package, lang))
    changes = coverage.base_changes(package)
    city_change = next((c for c in changes if c.area == coverage.CITY), None)
    city = coverage.latest(package, with_counts=False)
    if city_change:
        takeaway = _(
            "{area}'s figures use different bases, so {new_pct} ({new_date}) cannot be compared with "
            "{old_pct} ({old_date})."
        ).format(
            area=area_name(city_change.area, _),
            new_pct=_pct(city_change.new_pct, lang),
            old_pct=_pct(city_change.old_pct, lang),
            new_date=i18n.date(city_change.as_of, lang),
            old_date=i18n.date(city_change.old_as_of, lang),
        )
    else:
        takeaway = _("{area}'s newest figure is {pct} ({date}).").format(
            area=area_name(city.area, _), pct=_pct(city.coverage_pct, lang), date=i18n.date(city.as_of, lang)
        )
    names = ", ".join(dict.fromkeys(frame["area_name"]))
    observations = frame[frame["kind"] == "observation"]
    return ChartData(
        title=_("Coverage over time, with targets"),
        data=frame,
        takeaway=takeaway,
        alt_text=_(
            "Coverage in percent over time for {areas}: {count} figures as points, joined only on the same base; "
            "targets as dashed lines."
        ).format(areas=names, count=len(observations)),
        notes=tuple(_break_note(c, package, lang) for c in changes)
        + (_("Lines join only figures on the same base. Dashed lines: targets."),),
        source_ids=_ids(*frame["source_id"]),
        as_of=max(dt.date.fromisoformat(d) for d in observations["date"]),
    )


def areas_data(package: DataPackage, lang: str) -> ChartData:
    """The newest figure of each area, each with its own date."""
    _ = i18n.gettext(lang)
    rows = []
    for item in coverage.latest_by_area(package):
        rows.append(
            {
                "area": item.area,
                "area_name": area_name(item.area, _),
                "as_of": item.as_of.isoformat(),
                "as_of_label": i18n.date(item.as_of, lang),
                "coverage_pct": item.coverage_pct,
                "coverage_label": _pct(item.coverage_pct, lang),
                "basis": item.basis,
                "basis_name": basis_name(package, item.basis, lang),
                "source_id": item.source_id,
            }
        )
    frame = pd.DataFrame(rows)
    listing = "; ".join(f"{r['area_name']} {r['coverage_label']} ({r['as_of_label']})" for r in rows)
    return ChartData(
        title=_("Newest coverage figure per area"),
        data=frame,
        takeaway=_("The newest figures are {listing}; each uses its own base and date.").format(listing=listing),
        alt_text=_("Bars in percent, one per area: {listing}.").format(listing=listing),
        notes=(_("Each area uses its own base, so compare with care."),),
        source_ids=_ids(*frame["source_id"]),
        as_of=max(item.as_of for item in coverage.latest_by_area(package)),
    )
