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
from jamsostek.data import DataPackage

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


def test_gap_is_computed_from_the_data(package):
    assert coverage.gap_workers(package) == 9000
    city = coverage.latest(package)
    assert city.target_workers == 159000
    rows = package.coverage.to_dict("records")
    for row in rows:
        if row["area"] == "kota-jambi" and row["covered"] == 150000:
            row["covered"], row["coverage_pct"] = 156000, 52.0
    assert coverage.gap_workers(_with_coverage(package, rows)) == 3000
    view = charts.view("gap", _with_coverage(package, rows), "en")
    assert dict(zip(view.data["measure"], view.data["workers"], strict=True))["needed"] == 3000
    assert "3,000" in view.takeaway


def test_history_never_joins_two_bases(package):
    view = charts.view("history", package, "en", 640)
    observations = view.data[view.data["kind"] == "observation"]
    for _segment, rows in observations.groupby("segment"):
        assert rows["area"].nunique() == 1 and rows["basis"].nunique() == 1
    city = observations[observations["area"] == "kota-jambi"].set_index("date")
    assert city.loc["2024-09-10", "segment"] != city.loc["2025-05-22", "segment"]
    spec = view.chart.to_dict()
    lines = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "line"]
    assert lines and all(layer["encoding"]["detail"]["field"] == "segment" for layer in lines)
    assert any("44% is not a fall from 50%" in line for line in spec["title"]["subtitle"]) or (
        "44% is not a fall from 50%" in " ".join(spec["title"]["subtitle"])
    )


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
    history = coverage.history(_with_coverage(package, rows))
    assert history["segment"].nunique() == 3
    assert len(coverage.base_changes(_with_coverage(package, rows))) == 2


def test_history_shows_every_areas_target_in_range(package):
    data = charts.view("history", package, "id").data
    targets = data[data["kind"] == "target"]
    assert set(targets["area"]) == {"kota-jambi", "prov-jambi", "indonesia"}
    assert "2029-01-01" not in set(targets["date"])


def test_areas_label_each_figure_with_its_date(package):
    view = charts.view("areas", package, "id", 640)
    text = _svg_text(_svg(view))
    for label in view.data["as_of_label"]:
        assert label in text
    assert "22 Mei 2025" in text and "45,17%" in text


@pytest.mark.parametrize(("lang", "share"), [("id", "48,64%"), ("en", "48.64%")])
def test_tables_are_formatted_for_the_language(lang, share, package):
    view = charts.view("history", package, lang)
    table = view.table(lang)
    assert share in set(table.iloc[:, 2])
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
    assert "cannot be computed" in charts.view("gap", odd, "en").takeaway
    no_counts = _with_coverage(package, [r | {"covered": None} for r in package.coverage.to_dict("records")])
    assert "No count" in charts.view("covered", no_counts, "en").takeaway
    assert (
        "No count" in charts.view("gap", no_counts, "en").takeaway
        or "cannot" in charts.view("gap", no_counts, "en").takeaway
    )


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
    spec = charts.to_spec(charts.view("history", grown, "id").chart)
    assert sum(len(rows) for rows in spec["datasets"].values()) > 5000
