"""History: every observation per area over time, lines only on one base, targets as dashed rules."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from jamsostek import coverage, i18n
from jamsostek.charts.base import ChartData, ids, pct
from jamsostek.charts.marks import PERCENT_LABELS, area_scales
from jamsostek.charts.style import AREA_COLOURS, DATE_AXIS_FORMAT, INK, Style
from jamsostek.i18n import N_
from jamsostek.labels import area_name, basis_name

COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("kind", N_("Figure"), "observation"),
    ("value_pct", N_("Value"), "percent"),
    ("date", N_("As of"), "when"),
    ("basis_name", N_("Base"), "text"),
    ("source_id", N_("Source"), "text"),
)


def _base_text(workforce: int | None, basis: str, package, lang: str) -> str:
    return i18n.number(workforce, lang) if workforce is not None else basis_name(package, basis, lang)


def _break_note(change: coverage.BaseChange, package, lang: str) -> str:
    _ = i18n.gettext(lang)
    return _(
        "{area}: from {date} the figure uses another base ({new}, before {old}). "
        "The line is not joined: {new_pct} is not a fall from {old_pct}."
    ).format(
        area=area_name(change.area, lang),
        date=i18n.date(change.as_of, lang),
        new=_base_text(change.new_workforce, change.new_basis, package, lang),
        old=_base_text(change.old_workforce, change.old_basis, package, lang),
        new_pct=pct(change.new_pct, lang),
        old_pct=pct(change.old_pct, lang),
    )


def _labelled_points(frame: pd.DataFrame, changes: list[coverage.BaseChange]) -> set[tuple[str, dt.date]]:
    """Points that carry a value label: each area's newest, and both sides of a base change (no clutter)."""
    points = {(area, rows["as_of"].max()) for area, rows in frame.groupby("area")}
    for change in changes:
        points |= {(change.area, change.as_of), (change.area, change.old_as_of)}
    return points


def _observation_rows(package, lang: str) -> list[dict]:
    observations = coverage.history(package)
    labelled = _labelled_points(observations, coverage.base_changes(package))
    return [
        {
            "kind": "observation",
            "area": obs["area"],
            "area_name": area_name(obs["area"], lang),
            "date": obs["as_of"].isoformat(),
            "date_end": "",
            "value_pct": float(obs["coverage_pct"]),
            "label": pct(float(obs["coverage_pct"]), lang) if (obs["area"], obs["as_of"]) in labelled else "",
            "basis": obs["basis"],
            "basis_name": basis_name(package, obs["basis"], lang),
            "segment": obs["segment"],
            "source_id": obs["source_id"],
        }
        for obs in observations.to_dict("records")
    ]


def _target_rows(package, lang: str) -> list[dict]:
    _ = i18n.gettext(lang)
    rows, labelled = [], set()
    for target in coverage.targets_in_range(package).to_dict("records"):
        key = (int(target["year"]), float(target["target_pct"]))
        rows.append(
            {
                "kind": "target",
                "area": target["area"],
                "area_name": area_name(target["area"], lang),
                "date": dt.date(key[0], 1, 1).isoformat(),  # the target spans its year
                "date_end": dt.date(key[0], 12, 31).isoformat(),
                "value_pct": key[1],
                "label": "" if key in labelled else _("Target {target}").format(target=pct(key[1], lang)),
                "basis": "",
                "basis_name": "",
                "segment": "",
                "source_id": target["source_id"],
            }
        )
        labelled.add(key)
    return rows


def _takeaway(package, lang: str) -> str:
    _ = i18n.gettext(lang)
    change = next((c for c in coverage.base_changes(package) if c.area == coverage.CITY), None)
    if change is None:
        city = coverage.latest(package, with_counts=False)
        return _("{area}'s newest figure is {pct} ({date}).").format(
            area=area_name(city.area, lang), pct=pct(city.coverage_pct, lang), date=i18n.date(city.as_of, lang)
        )
    return _(
        "{area}'s figures use different bases, so {new_pct} ({new_date}) cannot be compared with "
        "{old_pct} ({old_date})."
    ).format(
        area=area_name(change.area, lang),
        new_pct=pct(change.new_pct, lang),
        old_pct=pct(change.old_pct, lang),
        new_date=i18n.date(change.as_of, lang),
        old_date=i18n.date(change.old_as_of, lang),
    )


def data(package, lang: str) -> ChartData:
    """Every observation per area, split into segments where the base changes, and the targets."""
    _ = i18n.gettext(lang)
    frame = pd.DataFrame(_observation_rows(package, lang) + _target_rows(package, lang))
    observations = frame[frame["kind"] == "observation"]
    notes = tuple(_break_note(c, package, lang) for c in coverage.base_changes(package))
    return ChartData(
        title=_("Coverage over time, with targets"),
        data=frame,
        takeaway=_takeaway(package, lang),
        alt_text=_(
            "Coverage in percent over time for {areas}: {count} figures as points, joined only on the same base; "
            "targets as dashed lines."
        ).format(areas=", ".join(dict.fromkeys(frame["area_name"])), count=len(observations)),
        notes=notes + (_("Lines join only figures on the same base. Dashed lines: targets."),),
        source_ids=ids(*frame["source_id"]),
        as_of=max(dt.date.fromisoformat(d) for d in observations["date"]),
    )


def _target_layers(frame: pd.DataFrame, style: Style, x: alt.X, y: alt.Y) -> list[alt.Chart]:
    """One dashed rule per area's target over its year; equal targets interleave their dashes."""
    targets = frame[frame["kind"] == "target"]
    layers = []
    dash = style.px(8)
    for offset, area in enumerate(dict.fromkeys(targets["area"])):
        rule = alt.Chart(targets[targets["area"] == area]).mark_rule(
            color=AREA_COLOURS[area],
            strokeWidth=style.px(3),
            strokeDash=[dash, dash * 2],
            strokeDashOffset=-offset * dash,
        )
        layers.append(rule.encode(x=x, x2="date_end:T", y=y))
    labels = alt.Chart(targets[targets["label"] != ""]).mark_text(
        align="left", baseline="top", dy=style.px(6), fontSize=style.px(13), color=INK
    )
    layers.append(labels.encode(x=x, y=y, text="label:N"))
    return layers


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Figures over time: points per area, lines only within one segment (one base), dashed targets."""
    observations = frame[frame["kind"] == "observation"]
    colours, shapes = area_scales(frame)
    columns = 3 if isinstance(style.width, int) and style.width >= 640 else 2  # 3 names overflow a phone
    legend = alt.Legend(title=None, orient="bottom", direction="horizontal", columns=columns)
    colour = alt.Color("area_name:N", scale=colours, legend=legend)
    shape = alt.Shape("area_name:N", scale=shapes, legend=legend)
    x = alt.X("date:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(format=DATE_AXIS_FORMAT, tickCount=4))
    y = alt.Y(
        "value_pct:Q",
        title=None,
        scale=alt.Scale(domain=[0, max(60.0, float(frame["value_pct"].max()) + 5)]),
        axis=alt.Axis(labelExpr=PERCENT_LABELS, tickCount=4),
    )
    base = alt.Chart(observations)
    lines = base.mark_line(strokeWidth=style.px(3)).encode(x=x, y=y, color=colour, detail="segment:N")
    points = base.mark_point(filled=True, size=style.px(11) ** 2, opacity=1).encode(x=x, y=y, color=colour, shape=shape)
    labels = base.mark_text(align="left", dx=style.px(8), dy=style.px(-8), fontSize=style.px(13)).encode(
        x=x, y=y, text="label:N", color=alt.Color("area_name:N", legend=None, scale=colours)
    )
    return alt.layer(lines, points, labels, *_target_layers(frame, style, x, y)).properties(height=style.height(300))
