"""Every chart validates, renders to SVG in both languages with the right number format, and is honest."""

from __future__ import annotations

import copy
import html
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from jamsostek import charts, coverage
from jamsostek.charts import style as chart_style
from jamsostek.charts import thinning
from jamsostek.data import DataPackage
from tests.conftest import svg_text

LANGS = ("id", "en")


def _svg(view: charts.ChartView) -> str:
    return vlc.vegalite_to_svg(view.chart.to_dict())


def _svg_text(svg: str) -> str:
    """Every piece of text in the SVG (multi-line titles are <tspan>s inside <text>)."""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", svg).split()))


def _with_coverage(package: DataPackage, rows: list[dict]) -> DataPackage:
    """A copy of the package whose coverage table is ``rows`` (typed like the loader types them)."""
    clone = copy.copy(package)
    frame = pd.DataFrame(rows)
    for column in ("covered", "workforce"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    frame["coverage_pct"] = pd.array(frame["coverage_pct"], dtype="Float64")
    clone.__dict__["tables"] = {**package.tables, "coverage": frame}
    return clone


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_every_chart_validates_and_renders(chart_id, lang, package):
    for width in ("container", 360, 1920):
        view = charts.view(chart_id, package, lang, width)
        spec = view.chart.to_dict()  # Altair validates against the Vega-Lite schema here
        assert spec["width"] == width
        assert spec["config"]["locale"] == chart_style.vega_locale(lang)
        assert spec["description"] == view.alt_text
    view = charts.view(chart_id, package, lang, 640)
    text = _svg_text(_svg(view))
    assert view.title.split(":")[0] in text
    assert str(view.as_of.year) in text  # "data as of" is baked into the image
    for source_id in view.source_ids:
        assert f"[{source_id}]" in text
    assert view.takeaway and view.alt_text and not view.data.empty


def test_unknown_chart_id_is_a_key_error(package):
    with pytest.raises(KeyError):
        charts.view("pie", package, "id")


@pytest.mark.parametrize(("lang", "expected", "wrong"), [("id", "150.000", "150,000"), ("en", "150,000", "150.000")])
def test_numbers_follow_the_language(lang, expected, wrong, package):
    text = _svg_text(_svg(charts.view("covered", package, lang, 640)))
    assert expected in text and wrong not in text
    axis = "100.000" if lang == "id" else "100,000"  # an axis label: formatted by Vega with config.locale
    assert axis in text
    assert ("Sumber" if lang == "id" else "Source") in text


@pytest.mark.parametrize(("lang", "month"), [("id", "Mei"), ("en", "May")])
def test_vega_time_locale_names_months_in_the_language(lang, month):
    frame = pd.DataFrame({"date": ["2025-05-15"], "value": [1]})
    chart = alt.Chart(frame).mark_point().encode(x=alt.X("date:T", axis=alt.Axis(format="%B %Y")), y="value:Q")
    chart = chart.properties(config={"locale": chart_style.vega_locale(lang)})
    assert f"{month}" in _svg_text(vlc.vegalite_to_svg(chart.to_dict()))
    assert chart_style.vega_locale(lang)["time"]["months"][0] == ("Januari" if lang == "id" else "January")


def test_the_plotted_data_is_exactly_the_views_data(package):
    for chart_id in charts.CHART_IDS:
        view = charts.view(chart_id, package, "id", 640)
        records = view.data.to_dict("records")
        plotted = [row for rows in view.chart.to_dict()["datasets"].values() for row in rows]
        assert plotted, chart_id
        for row in plotted:
            assert row in records, (chart_id, row)


def _with_targets(package: DataPackage, extra: list[dict]) -> DataPackage:
    """A copy of the package with more target rows (typed like the loader types them)."""
    clone = copy.copy(package)
    frame = pd.concat([package.targets, pd.DataFrame(extra)], ignore_index=True)
    for column in ("year", "workers"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    clone.__dict__["tables"] = {**package.tables, "targets": frame}
    return clone


NOV_2026 = pd.Timestamp("2026-11-29").date()


def test_gap_is_computed_from_the_data(package):
    found = coverage.gap(package, today=NOV_2026)
    assert (found.workers, found.target_workers, found.target.year, found.past) == (9000, 159000, 2024, True)
    rows = package.coverage.to_dict("records")
    for row in rows:
        if row["area"] == "kota-jambi" and row["covered"] == 150000:
            row["covered"], row["coverage_pct"] = 156000, 52.0
    assert coverage.gap(_with_coverage(package, rows), today=NOV_2026).workers == 3000
    view = charts.view("gap", _with_coverage(package, rows), "en", today=NOV_2026)
    assert dict(zip(view.data["measure"], view.data["workers"], strict=True))["needed"] == 3000
    assert "3,000" in view.takeaway


def test_a_past_target_is_never_still_needed(package):
    """On 29 November 2026 the 2024 target is history: "needed then", the year ended, nothing for today."""
    view = charts.view("gap", package, "en", today=NOV_2026)
    assert "Still needed" not in set(view.data["measure_name"]) and "Needed then" in set(view.data["measure_name"])
    assert (
        "2024 has ended" in view.takeaway and "whether the target was reached has not been published" in view.takeaway
    )
    assert any("we do not compute what is needed today" in note for note in view.subtitle.split(". "))
    before = charts.view("gap", package, "en", today=pd.Timestamp("2024-10-01").date())
    assert "Still needed" in set(before.data["measure_name"]) and "need to join" in before.takeaway


def test_a_current_target_on_a_known_base_gives_a_gap_for_today(package):
    """A target for a year not yet ended, on the base of a counted figure: "still needed", our calculation."""
    target = {"id": "x-2027", "area": "kota-jambi", "year": 2027, "target_pct": 60.0, "workers": None}
    target |= {"approximate": False, "basis": "city-workers", "stated": NOV_2026, "precision": "day"}
    target |= {"source_id": "S1a", "note_id": None, "note_en": None}
    grown = _with_targets(package, [target])
    found = coverage.gap(grown, today=NOV_2026)
    assert (found.target.id, found.past, found.workers) == ("x-2027", False, 30000)
    view = charts.view("gap", grown, "en", today=NOV_2026)
    assert "Still needed" in set(view.data["measure_name"]) and "our calculation" in view.takeaway
    assert "has ended" not in view.takeaway
    undated = _with_targets(package, [target | {"id": "x", "year": None}])
    assert coverage.gap(undated, today=NOV_2026).target.id == "kota-jambi-2024"  # no year: no gap against it


def test_history_never_joins_two_bases(package):
    view = charts.view("history", package, "en", 640)
    observations = view.data[view.data["kind"] == "observation"]
    for _segment, rows in observations.groupby("segment"):
        assert rows["area"].nunique() == 1 and rows["basis"].nunique() == 1
    city = observations[observations["area"] == "kota-jambi"].set_index("date")
    assert city.loc["2024-09-10", "segment"] != city.loc["2025-05-22", "segment"]
    assert city.loc["2024-08-12", "segment"] != city.loc["2024-09-10", "segment"]  # an unknown base joins nothing
    spec = view.chart.to_dict()
    lines = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "line"]
    assert lines and all(layer["encoding"]["detail"]["field"] == "segment" for layer in lines)
    assert "about 44% is not a fall from 50%" in " ".join(spec["title"]["subtitle"])


def test_history_joins_the_provinces_figures_that_fit_one_base_and_says_so(package):
    """The province's three 2024 figures fit 1,312,370: one line, marked as our calculation; 2025 breaks off."""
    view = charts.view("history", package, "en", 640)
    province = view.data[(view.data["kind"] == "observation") & (view.data["area"] == "prov-jambi")]
    segments = dict(zip(province["date"], province["segment"], strict=True))
    assert segments["2024-08-12"] == segments["2024-09-15"] == segments["2024-12-02"] != segments["2025-03-17"]
    subtitle = " ".join(view.chart.to_dict()["title"]["subtitle"])
    assert "fit the 1,312,370 of August 12, 2024 (our calculation)" in subtitle
    assert "mid-September 2024" in subtitle


def test_two_unknown_bases_are_not_the_same_base(package):
    rows = [
        {"area": "kota-jambi", "as_of": d, "coverage_pct": p, "covered": None, "workforce": None, "basis": "not-stated"}
        | {"source_id": "S1a", "precision": "day", "approximate": False, "inferred_basis": None}
        for d, p in [(pd.Timestamp("2024-01-01").date(), 40.0), (pd.Timestamp("2024-06-01").date(), 44.0)]
    ]
    assert coverage.history(_with_coverage(package, rows))["segment"].nunique() == 2


def test_history_axis_runs_to_today(package):
    """The months since the newest figure show: the axis ends on the day of reading, marked with its date."""
    for day, label in (("2026-11-29", "November 29, 2026"), ("2028-01-15", "January 15, 2028")):
        view = charts.view("history", package, "en", 640, today=pd.Timestamp(day).date())
        spec = view.chart.to_dict()
        domains = [
            layer["encoding"]["x"]["scale"]["domain"] for layer in spec["layer"] if "x" in layer.get("encoding", {})
        ]
        assert all(
            d[1] == {"year": int(day[:4]), "month": int(day[5:7]), "date": int(day[8:]), "utc": True} for d in domains
        )
        assert label in _svg_text(_svg(view))


def test_a_base_that_comes_back_is_still_a_new_segment(package):
    rows = [
        {"area": "kota-jambi", "as_of": d, "coverage_pct": p, "covered": None, "workforce": w, "basis": b}
        | {"source_id": "S1a"}
        for d, p, w, b in [
            (pd.Timestamp("2024-01-01").date(), 40.0, 300000, "city-workers"),
            (pd.Timestamp("2024-06-01").date(), 44.0, 228000, "potential-workers"),
            (pd.Timestamp("2024-09-01").date(), 45.0, 300000, "city-workers"),
        ]
    ]
    rows = [r | {"precision": "day", "approximate": False, "inferred_basis": None} for r in rows]
    history = coverage.history(_with_coverage(package, rows))
    assert history["segment"].nunique() == 3
    assert len(coverage.base_changes(_with_coverage(package, rows))) == 2


def test_history_shows_every_areas_target_in_range(package):
    data = charts.view("history", package, "id", today=NOV_2026).data
    targets = data[data["kind"] == "target"]
    assert set(targets["area"]) == {"kota-jambi", "prov-jambi", "indonesia"}
    assert "2029-01-01" not in set(targets["date"])
    labels = set(targets["label"])  # each target names its area: two 53% lines in 2024 are told apart
    assert {"Kota Jambi 2024: 53%", "Provinsi Jambi 2024: 53%"} <= labels


def test_areas_label_each_figure_with_its_date(package):
    view = charts.view("areas", package, "id", 640)
    text = _svg_text(_svg(view))
    for label in view.data["as_of_label"]:
        assert label in text
    assert "22 Mei 2025" in text and "sekitar 44%" in text and "17 Maret 2025" in text
    assert "April 2025" in text and "30 April 2025" not in text  # the source gives only the month


@pytest.mark.parametrize(("lang", "share"), [("id", "48,64%"), ("en", "48.64%")])
def test_tables_are_formatted_for_the_language(lang, share, package):
    view = charts.view("history", package, lang)
    table = view.table(lang)
    assert share in set(table.iloc[:, 2])
    assert ("pertengahan September 2024" if lang == "id" else "mid-September 2024") in set(table.iloc[:, 3])
    covered = charts.view("covered", package, lang).table(lang)
    assert ("150.000" if lang == "id" else "150,000") in set(covered.iloc[:, 1])


def test_slides_get_bigger_type_than_phones(package):
    phone = charts.view("areas", package, "id", 360).chart.to_dict()
    slide = charts.view("areas", package, "id", 1920).chart.to_dict()
    assert slide["config"]["axis"]["labelFontSize"] >= 2 * phone["config"]["axis"]["labelFontSize"]
    assert phone["config"]["axis"]["labelFontSize"] >= 14


def test_charts_survive_a_year_without_target_or_counts(package):
    rows = package.coverage.to_dict("records")
    rows.append(rows[-1] | {"as_of": pd.Timestamp("2025-11-01").date(), "covered": 110000, "coverage_pct": 48.25})
    odd = _with_coverage(package, rows)
    for chart_id in charts.CHART_IDS:
        for lang in LANGS:
            view = charts.view(chart_id, odd, lang, 640)
            assert _svg_text(_svg(view)) and view.takeaway
    no_targets = copy.copy(odd)
    no_targets.__dict__["tables"] = {**odd.tables, "targets": odd.targets.iloc[0:0]}
    assert "we do not compute a gap" in charts.view("gap", no_targets, "en").takeaway
    assert "Newest target" not in charts.view("progress", no_targets, "en").takeaway
    no_counts = _with_coverage(package, [r | {"covered": None} for r in package.coverage.to_dict("records")])
    assert "No count" in charts.view("covered", no_counts, "en").takeaway
    assert "we do not compute a gap" in charts.view("gap", no_counts, "en").takeaway


def test_a_long_history_still_draws(package):
    """More than Altair's default 5,000 inline rows must not turn the history into an error."""
    import datetime as dt

    import pandas as pd

    from jamsostek import data as data_module

    base = package.coverage.iloc[[0]]
    many = pd.concat([base] * 6000, ignore_index=True)
    many["as_of"] = [dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(len(many))]
    tables = dict(package.tables) | {"coverage": pd.concat([package.coverage, many], ignore_index=True)}
    grown = data_module.DataPackage(package.directory, tables)
    view = charts.view("history", grown, "en", width=360)
    svg = vlc.vegalite_to_svg(charts.to_spec(view.chart))  # draws, from a spec of a size a phone can take
    observations = view.data[view.data["kind"] == "observation"]
    drawn = observations[observations["drawn"].astype(bool)]
    assert len(observations) == len(package.coverage) + 6000  # the table and the CSV keep every figure
    assert len(view.table("en")) >= len(observations)
    city = drawn[drawn["area"] == "kota-jambi"]
    labelled = city[city["label"] != ""]
    assert len(city) <= thinning.MAX_POINTS + len(labelled)
    assert set(labelled.index) <= set(city.index)  # the newest figure and both sides of a base change stay
    # one figure per period: here per year (6,000 days are 197 months and 66 quarters, over 60; 17 years)
    years = pd.to_datetime(city["date"]).dt.to_period("Y")
    assert years.duplicated().sum() <= len(labelled) and 15 <= len(city) <= 17 + len(labelled)
    datasets = view.chart.to_dict()["datasets"].values()
    plotted = {(r["area"], r["date"]) for rows in datasets for r in rows if r["kind"] == "observation"}
    assert plotted == set(zip(drawn["area"], drawn["date"], strict=True))
    assert "each year; the table and the CSV have all 6,008 figures" in " ".join(svg_text(svg).split())
    assert f": {len(drawn)} figures as points" in view.alt_text
    assert len(svg) < 200_000


def test_many_figures_that_fit_one_base_are_named_by_their_span(package):
    rows = package.coverage.to_dict("records")
    model = next(r for r in rows if r["area"] == "prov-jambi" and str(r["as_of"]) == "2024-09-15")
    days = [pd.Timestamp("2024-09-16").date() + pd.Timedelta(days=i) for i in range(6)]
    grown = _with_coverage(package, rows + [model | {"as_of": day, "precision": "day"} for day in days])
    subtitle = " ".join(charts.view("history", grown, "en", 640).chart.to_dict()["title"]["subtitle"])
    assert "Jambi Province: 8 figures from mid-September 2024 to December 2, 2024 state no base but fit the" in subtitle
    assert "September 21, 2024" not in subtitle  # not every date
