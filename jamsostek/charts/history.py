"""History: every observation per area up to today, lines only on one known base, targets as dashed rules.

The time axis runs to today, so the months since the newest figure show as empty space. A line joins two
figures only when their base is known to be the same: stated by the source, or (marked as our computation)
fitted from the counts; two unknown bases are never "the same".
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
from babel.lists import format_list

from jamsostek import clock, coverage, i18n
from jamsostek.charts import thinning
from jamsostek.charts.base import ChartData, ids, pct, when
from jamsostek.charts.marks import PERCENT_LABELS, area_scales
from jamsostek.charts.style import AREA_COLOURS, DATE_AXIS_FORMAT, GREY, Style
from jamsostek.data import AREAS
from jamsostek.i18n import N_
from jamsostek.labels import area_name, basis_name

COLUMNS = (
    ("area_name", N_("Area"), "text"),
    ("kind", N_("Figure"), "observation"),
    ("value_label", N_("Value"), "text"),
    ("date_label", N_("As of"), "text"),
    ("basis_name", N_("Base"), "text"),
    ("source_id", N_("Source"), "text"),
)
ROW = dict.fromkeys(
    ("kind", "area", "area_name", "date", "date_end", "label_date", "precision", "date_label", "value_pct"),
    "",
) | dict.fromkeys(("value_label", "label", "label_short", "align", "basis", "basis_name", "segment", "source_id"), "")
ROW["stack"] = 0  # equal targets at one place: their labels stack (0, 1, ...)
ROW["drawn"] = True
MAX_NAMED_DATES = 4  # a note names up to this many dates; more, and it gives their count and span


def _base_text(workforce: int | None, basis: str, package, lang: str) -> str:
    """A base in a few words: its size in people when known, else its short name."""
    if workforce is not None:
        return i18n.number(workforce, lang)
    bases = package.bases.set_index("id")
    return str(bases.at[basis, f"short_{lang}"]) if basis in bases.index else basis


def _break_note(change: coverage.BaseChange, package, lang: str) -> str:
    _ = i18n.gettext(lang)
    return _(
        "{area}: another base from {date} ({new}, before {old}); the line breaks: {new_pct} is not a fall from "
        "{old_pct}."
    ).format(
        area=area_name(change.area, lang),
        date=i18n.date(change.as_of, lang),
        new=_base_text(change.new_workforce, change.new_basis, package, lang),
        old=_base_text(change.old_workforce, change.old_basis, package, lang),
        new_pct=pct(change.new_pct, lang, change.new_approximate),
        old_pct=pct(change.old_pct, lang),
    )


def _inferred_notes(package, lang: str) -> tuple[str, ...]:
    """Where a line joins figures whose sources state no base, because their counts fit a known one."""
    _ = i18n.gettext(lang)
    notes = []
    for area in AREAS:
        guessed, stated = coverage.inferred(package, area)
        if guessed and stated is not None:
            values = {"area": area_name(area, lang), "date": i18n.date(stated.as_of, lang)}
            values["workforce"] = i18n.number(stated.workforce, lang)
            if len(guessed) > MAX_NAMED_DATES:  # a long history: the span, not every date
                note = _(
                    "{area}: {count} figures from {first} to {last} state no base but fit the {workforce} of {date} "
                    "(our calculation), so the line joins them."
                )
                first, last = (when(o.as_of, o.precision, lang) for o in (guessed[0], guessed[-1]))
                notes.append(note.format(**values, count=i18n.number(len(guessed), lang), first=first, last=last))
                continue
            dates = format_list([when(o.as_of, o.precision, lang) for o in guessed], locale=lang)
            note = _(
                "{area}: the figures of {dates} state no base but fit the {workforce} of {date} (our calculation), "
                "so the line joins them."
            )
            notes.append(note.format(**values, dates=dates))
    return tuple(notes)


def _labelled_points(frame: pd.DataFrame, changes: list[coverage.BaseChange]) -> set[tuple[str, dt.date]]:
    """Points that carry a value label: each area's newest, and both sides of a base change (no clutter)."""
    points = {(area, rows["as_of"].max()) for area, rows in frame.groupby("area")}
    for change in changes:
        points |= {(change.area, change.as_of), (change.area, change.old_as_of)}
    return points


def _observation_rows(package, lang: str) -> list[dict]:
    observations = coverage.history(package)
    labelled = _labelled_points(observations, coverage.base_changes(package))
    rows = []
    for obs in observations.to_dict("records"):
        value = pct(float(obs["coverage_pct"]), lang, bool(obs["approximate"]))
        basis = obs["known_basis"] if isinstance(obs["known_basis"], str) else obs["basis"]
        rows.append(
            ROW
            | {
                "kind": "observation",
                "area": obs["area"],
                "area_name": area_name(obs["area"], lang),
                "date": obs["as_of"].isoformat(),
                "precision": obs["precision"],
                "date_label": when(obs["as_of"], obs["precision"], lang),
                "value_pct": float(obs["coverage_pct"]),
                "value_label": value,
                "label": value if (obs["area"], obs["as_of"]) in labelled else "",
                "basis": basis,
                "basis_name": basis_name(package, basis, lang),
                "segment": obs["segment"],
                "source_id": obs["source_id"],
            }
        )
    return rows


def _target_rows(package, lang: str, today: dt.date) -> list[dict]:
    """One dashed rule per target over its year (up to today), labelled with its area, year and value."""
    rows, seen = [], {}
    for offset, target in enumerate(coverage.targets_in_range(package, today)):
        end = min(dt.date(target.year, 12, 31), today)
        value = pct(target.pct, lang)
        label = f"{area_name(target.area, lang)} {target.year}: {value}"
        late = target.year >= today.year  # near the axis's end: the label runs leftwards from it
        where = ((end if late else dt.date(target.year, 1, 1)).isoformat(), target.pct)
        seen[where] = seen.get(where, -1) + 1
        rows.append(
            ROW
            | {
                "kind": "target",
                "area": target.area,
                "area_name": area_name(target.area, lang),
                "date": dt.date(target.year, 1, 1).isoformat(),
                "date_end": end.isoformat(),
                "label_date": where[0],
                "stack": seen[where],
                "precision": "year",
                "date_label": str(target.year),
                "value_pct": target.pct,
                "value_label": value,
                "label": label,
                "label_short": f"{target.year}: {value}",
                "align": "right" if late else "left",
                "segment": str(offset),
                "source_id": target.source_id,
            }
        )
    return rows


def _today_row(lang: str, today: dt.date, top: float) -> dict:
    return ROW | {
        "kind": "today",
        "date": today.isoformat(),
        "precision": "day",
        "date_label": i18n.date(today, lang),
        "value_pct": top,
        "label": i18n.date(today, lang),
        "align": "right",
    }


def _newest(package, lang: str, today: dt.date, baked: bool = False) -> str:
    """The city's newest figure and its age ("18 months ago"; in the picture "18 months before <date>")."""
    _ = i18n.gettext(lang)
    city = coverage.newest(package)
    text = _("{area}'s newest figure: {pct} ({date}, {age}); no newer figure is in our sources.").format(
        area=area_name(city.area, lang),
        pct=pct(city.coverage_pct, lang, city.approximate),
        date=when(city.as_of, city.precision, lang),
        age=(i18n.age_on if baked else i18n.age)(city.as_of, today, lang),
    )
    return text


def _takeaway(package, lang: str, today: dt.date) -> str:
    _ = i18n.gettext(lang)
    text = _newest(package, lang, today)
    change = next((c for c in coverage.base_changes(package) if c.area == coverage.CITY), None)
    if change is None:
        return text
    return (
        text
        + " "
        + _("Its figures use different bases, so {new_pct} cannot be compared with {old_pct}.").format(
            new_pct=pct(change.new_pct, lang, change.new_approximate), old_pct=pct(change.old_pct, lang)
        )
    )


def data(package, lang: str, today: dt.date | None = None) -> ChartData:
    """Every observation per area, split into segments on one known base, the targets, and today."""
    _ = i18n.gettext(lang)
    today = today or clock.today()
    rows = _observation_rows(package, lang) + _target_rows(package, lang, today)
    top = max(60.0, max(float(r["value_pct"]) for r in rows) + 5)
    frame = pd.DataFrame(rows + [_today_row(lang, today, top)])
    observations = frame[frame["kind"] == "observation"]
    drawn, thinned = thinning.thin(observations)
    frame.loc[observations.index, "drawn"] = drawn
    newest = max(coverage.latest_by_area(package), key=lambda o: o.as_of)
    notes = tuple(_break_note(c, package, lang) for c in coverage.base_changes(package)) + _inferred_notes(
        package, lang
    )
    notes += (
        _("Lines join figures on one known base; dashed lines are targets; the axis runs to {today}.").format(
            today=i18n.date(today, lang)
        ),
    )
    if thinned:
        notes += (_(thinned).format(count=i18n.number(len(observations), lang)),)
    return ChartData(
        title=_("Coverage over time, with targets"),
        data=frame,
        takeaway=_takeaway(package, lang, today),
        alt_text=_(
            "Coverage in percent over time for {areas}: {count} figures as points, joined only on the same base; "
            "targets as dashed lines."
        ).format(areas=", ".join(dict.fromkeys(observations["area_name"])), count=int(drawn.sum())),
        notes=(_newest(package, lang, today, baked=True), *notes),
        source_ids=ids(*frame["source_id"]),
        as_of=newest.as_of,
        as_of_precision=newest.precision,
    )


def _target_layers(
    frame: pd.DataFrame, style: Style, x: alt.X, y: alt.Y, colour: alt.Color, scale: alt.Scale
) -> list[alt.Chart]:
    """One dashed rule per target over its year; each labelled with its area, year and value in the area's colour.

    Equal targets (city and province both 53% in 2024) interleave their dashes and stack their labels.
    """
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
    at = alt.X("label_date:T", title=None, scale=scale)
    field = "label:N" if isinstance(style.width, int) and style.width >= 640 else "label_short:N"  # phones: short
    for (align, order), chosen in targets.groupby(["align", "stack"]):
        text = alt.Chart(chosen).mark_text(
            align=align, baseline="top", dy=style.px(5 + 15 * order), fontSize=style.px(12), fontWeight="bold"
        )
        layers.append(text.encode(x=at, y=y, text=field, color=colour))
    return layers


def chart(frame: pd.DataFrame, style: Style) -> alt.LayerChart:
    """Figures over time up to today: points per area, lines within one known base, dashed targets, a today line."""
    observations = frame[(frame["kind"] == "observation") & frame["drawn"].astype(bool)]
    colours, shapes = area_scales(frame[frame["kind"] != "today"])
    columns = 3 if isinstance(style.width, int) and style.width >= 640 else 2  # 3 names overflow a phone
    legend = alt.Legend(title=None, orient="bottom", direction="horizontal", columns=columns)
    colour = alt.Color("area_name:N", scale=colours, legend=legend)
    shape = alt.Shape("area_name:N", scale=shapes, legend=legend)
    dated = frame[frame["date"] != ""]
    domain = [min(dated["date"]), max(frame.loc[frame["kind"] == "today", "date"])]
    scale = alt.Scale(type="utc", domain=[_datetime(d) for d in domain])
    x = alt.X("date:T", title=None, scale=scale, axis=alt.Axis(format=DATE_AXIS_FORMAT, tickCount=4))
    y = alt.Y(
        "value_pct:Q",
        title=None,
        scale=alt.Scale(domain=[0, float(frame["value_pct"].max())]),
        axis=alt.Axis(labelExpr=PERCENT_LABELS, tickCount=4),
    )
    base = alt.Chart(observations)
    lines = base.mark_line(strokeWidth=style.px(3)).encode(x=x, y=y, color=colour, detail="segment:N")
    points = base.mark_point(filled=True, size=style.px(11) ** 2, opacity=1).encode(x=x, y=y, color=colour, shape=shape)
    labels = []
    for index, area in enumerate(dict.fromkeys(observations["area"])):  # alternate above and below: no overlaps
        above = index % 2 == 0
        mark = alt.Chart(observations[observations["area"] == area]).mark_text(
            align="left",
            baseline="bottom" if above else "top",
            dx=style.px(8),
            dy=style.px(-4 if above else 6),
            fontSize=style.px(13),
        )
        labels.append(mark.encode(x=x, y=y, text="label:N", color=alt.Color("area_name:N", legend=None, scale=colours)))
    now = alt.Chart(frame[frame["kind"] == "today"])
    today_rule = now.mark_rule(color=GREY, strokeWidth=style.px(1.5), strokeDash=[style.px(3), style.px(3)]).encode(x=x)
    today_label = now.mark_text(align="right", baseline="top", dx=style.px(-4), fontSize=style.px(12), color=GREY)
    layers = [lines, points, *labels, today_rule, today_label.encode(x=x, y=y, text="label:N")]
    return alt.layer(*layers, *_target_layers(frame, style, x, y, colour, scale)).properties(height=style.height(300))


def _datetime(iso: str) -> alt.DateTime:
    day = dt.date.fromisoformat(iso)
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)
