"""A chart on a page, built once: the same spec and data as the exports, the same chart as before, a plain table."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from urllib.parse import unquote

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import charts, data
from jamsostek.charts import CHART_IDS, tables
from jamsostek.exports import files, picture, static
from jamsostek.ui import chart as page_charts
from tests.conftest import SITE_TODAY, chart_pictures
from tests.live_helpers import package_copy

PLANTED = '<script>alert("x")</script> & <b>'


def _rows(arrow: bytes) -> list[dict]:
    return pa.ipc.open_stream(io.BytesIO(arrow)).read_all().to_pylist()


def _cells(body: str, tag: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", body)]


def test_the_html_table_escapes_text_and_has_a_caption_and_headers_with_scope():
    frame = pd.DataFrame({"Area": ["Kota Jambi", PLANTED], "Share": ["48,64%", "1 < 2"]}, dtype=object)
    body = tables.html(frame, f"Title {PLANTED}", "en")
    assert "<script>" not in body and "<b>" not in body
    assert _cells(body, "caption") == [f"Title {PLANTED}"]
    assert re.findall(r'<th scope="col">(.*?)</th>', body) == ["Area", "Share"]
    assert [html.unescape(c) for c in re.findall(r'<th scope="row">(.*?)</th>', body)] == ["Kota Jambi", PLANTED]
    assert _cells(body, "td") == ["48,64%", "1 < 2"]
    assert body.startswith(f'<div class="{tables.CLASS}" role="region" tabindex="0" aria-label="Title &lt;script')
    assert "\n" not in body and body.endswith("</table></div>")


@pytest.mark.parametrize(("lang", "note"), [("id", "200 baris terakhir dari 1.000"), ("en", "200 of 1,000")])
def test_a_long_table_shows_its_last_rows_and_says_the_csv_has_them_all(lang, note):
    frame = pd.DataFrame({"Row": [str(i) for i in range(1000)], "Value": ["v"] * 1000}, dtype=object)
    body = tables.html(frame, "Title", lang, limit=200)
    rows = re.findall(r'<th scope="row">(.*?)</th>', body)
    assert rows == [str(i) for i in range(800, 1000)]
    assert note in _cells(body, "caption")[0] and "CSV" in body
    assert "<small>" not in tables.html(frame.head(200), "Title", lang, limit=200)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_the_page_chart_is_the_export_spec_with_its_data_as_arrow(package, chart_id, lang):
    made = page_charts.page_chart(package, chart_id, lang, SITE_TODAY)
    exported = charts.to_spec(files.chart_view(package, chart_id, lang, today=SITE_TODAY).chart)
    values = exported.pop("datasets")
    assert json.loads(made.spec) == exported
    assert [name for name, _ in made.datasets] == list(values)
    for name, arrow in made.datasets:
        assert pd.DataFrame(_rows(arrow)).equals(pd.DataFrame(values[name])), (chart_id, name)


def _draw_both(chart_id: str, lang: str, today: str) -> None:
    """Run by AppTest: the spec as the page drew it before (Streamlit converts the data) and as it draws it now."""
    import datetime as dt

    import streamlit as st

    from jamsostek import data
    from jamsostek.exports import files
    from jamsostek.ui import chart

    package, day = data.load(), dt.date.fromisoformat(today)
    st.vega_lite_chart(files.page_spec(package, chart_id, lang, day), width="stretch", theme=None)
    st.vega_lite_chart(chart.page_chart(package, chart_id, lang, day).spec_with_data(), width="stretch", theme=None)


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_the_cached_chart_sends_exactly_what_streamlit_sent_before(chart_id):
    app = AppTest.from_function(_draw_both, kwargs={"chart_id": chart_id, "lang": "id", "today": str(SITE_TODAY)})
    before, after = (c.proto for c in app.run(timeout=60).get("vega_lite_chart"))
    assert after.spec == before.spec
    assert [(d.name, d.data.data) for d in after.datasets] == [(d.name, d.data.data) for d in before.datasets]
    assert after.datasets and after.data.data == before.data.data


def test_the_caches_are_keyed_by_the_data_version_and_the_day(package, tmp_path):
    newer = data.load(package_copy(tmp_path / "pkg"))  # one newer city observation
    assert newer.digest != package.digest
    old = page_charts.page_chart(package, "history", "en", SITE_TODAY)
    new = page_charts.page_chart(newer, "history", "en", SITE_TODAY)
    assert new.datasets != old.datasets
    rows = [r for _, arrow in new.datasets for r in _rows(arrow)]
    assert len(rows) > len([r for _, arrow in old.datasets for r in _rows(arrow)])
    assert page_charts.table_html(newer, "history", "en", SITE_TODAY) != page_charts.table_html(
        package, "history", "en", SITE_TODAY
    )
    later = SITE_TODAY + dt.timedelta(days=400)  # the charts say how old the newest figure is
    assert page_charts.page_chart(package, "progress", "en", later).spec != (
        page_charts.page_chart(package, "progress", "en", SITE_TODAY).spec
    )
    assert page_charts.page_chart(package, "history", "en", SITE_TODAY) is old  # built once, then reused


def test_a_chart_picture_is_the_charts_own_svg_at_a_phones_and_the_pages_width(package):
    body = picture.figure(package, "history", "id", SITE_TODAY)
    ((chart_id, images),) = chart_pictures(body)
    assert chart_id == "history" and list(images) == ["jsj-phone", "jsj-wide"]
    alt = files.chart_view(package, "history", "id", today=SITE_TODAY).alt_text
    for css, width in (("jsj-phone", picture.PHONE_WIDTH), ("jsj-wide", picture.WIDE_WIDTH)):
        assert images[css] == (alt, static.chart_block(package, "history", "id", width, SITE_TODAY)["svg"])
    assert picture.figure(package, "history", "id", SITE_TODAY) is body  # drawn once per data version and day


def test_a_data_url_keeps_every_character_of_the_svg():
    svg = '<svg width="1" height="2"><text>50% #1 "a" & \'b\' <> é\n{x}</text></svg>'
    url = picture.data_url(svg)
    assert url.startswith("data:image/svg+xml;charset=utf-8,") and not set('"#<>\n') & set(url)
    assert unquote(url.split(",", 1)[1]) == svg
