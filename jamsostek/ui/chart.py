"""A chart on a page, built once per data version, language and day: its picture, its table, its live spec.

The pages show each chart as its picture (``exports.picture``: the same spec drawn by Vega server side); the
embed view and the share page draw the live Vega chart (``draw_chart``), whose spec and data are split here.

A visit to /cakupan drew five charts and five grid tables, and Streamlit turned every chart's data and every
table into Arrow on every visit (bench/PROFILE.txt: most of the page run, and 15x more with 7,000 coverage
rows). Here each chart's named datasets are converted once, with Streamlit's own converter so the bytes are
exactly what ``st.vega_lite_chart`` would send, and passed as bytes, which it sends as they are. The numbers
under each chart are a plain HTML table (``charts.tables.html``), built once too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import partial
from html import escape

import streamlit as st

# Streamlit's converter, not an internal of its runtime: the one st.vega_lite_chart applies to each dataset.
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from jamsostek import clock, i18n, site
from jamsostek.charts import ChartView, tables
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports import files, picture
from jamsostek.ui.frame import translator
from jamsostek.ui.state import package, site_url


@dataclass(frozen=True)
class PageChart:
    """One chart as a page sends it: the Vega-Lite spec without its data, and each named dataset as Arrow."""

    spec: str  # JSON: parsed afresh per visit (Streamlit changes the dict it is given)
    datasets: tuple[tuple[str, bytes], ...]

    def spec_with_data(self) -> dict:
        """The spec with its datasets as Arrow bytes, ready for ``st.vega_lite_chart``."""
        spec = json.loads(self.spec)
        if self.datasets:
            spec["datasets"] = dict(self.datasets)
        return spec


@per_package(maxsize=64)
def page_chart(pkg: DataPackage, chart_id: str, lang: str, today: dt.date) -> PageChart:
    """The page's spec of a chart (``files.page_spec``, the embed view's and the exports' spec) split once."""
    spec = files.page_spec(pkg, chart_id, lang, today)
    datasets = spec.pop("datasets", {})
    arrow = tuple((name, convert_anything_to_arrow_bytes(values)) for name, values in datasets.items())
    return PageChart(json.dumps(spec), arrow)


@per_package(maxsize=64)
def table_html(pkg: DataPackage, chart_id: str, lang: str, today: dt.date) -> str:
    """A chart's numbers as an accessible HTML table, captioned with the chart's title."""
    view = files.chart_view(pkg, chart_id, lang, today=today)
    return tables.html(view.table(lang), view.title, lang)


def draw_chart(chart_id: str, lang: str, key: str | None = None) -> None:
    """Draw one chart from its cached spec and data (the spec's description is the alt text)."""
    spec = page_chart(package(), chart_id, lang, clock.today()).spec_with_data()
    st.vega_lite_chart(spec, width="stretch", theme=None, key=key)


@per_package(maxsize=64)
def figure_html(pkg: DataPackage, chart_id: str, lang: str, today: dt.date, live_url: str) -> str:
    """A chart as one HTML block: its takeaway, picture, description, link to its live chart and its numbers.

    One element where there were four (a divider, this block without the numbers, an expander and its table):
    each Streamlit element costs a phone's main thread its own set-up when the page is drawn, and /cakupan draws
    five charts. The numbers fold away in the browser's own ``<details>``, as in the first HTML.
    """
    _ = i18n.gettext(lang)
    view = files.chart_view(pkg, chart_id, lang, today=today)
    description = _("Chart description: {text}").format(text=view.alt_text)
    live, numbers = _("Interactive chart (values on touch)"), _("Numbers in this chart")
    return (
        '<div class="jsj-chart-block">'
        f'<p class="jsj-takeaway"><strong>{escape(view.takeaway)}</strong></p>'
        + picture.figure(pkg, chart_id, lang, today)
        + f'<p class="jsj-caption">{escape(description)}</p>'
        + f'<p class="jsj-live"><a href="{escape(live_url)}">{escape(live)} ↗</a></p>'
        + f'<details class="jsj-details"><summary>{escape(numbers)}</summary>'
        + table_html(pkg, chart_id, lang, today)
        + "</details></div>"
    )


def chart_block(view: ChartView, lang: str) -> None:
    """One chart: its takeaway, picture with alt text, live chart link and table in one block, then a CSV download."""
    _ = translator(lang)
    pkg, today = package(), clock.today()
    live = site.page_url(site_url(), site.page("embed").path, chart=view.id, lang=lang)
    st.html(figure_html(pkg, view.id, lang, today, live))
    st.download_button(
        _("Download the numbers (CSV)"),
        # Built when clicked (Streamlit calls it then), not on every visit: no CSV hashed and stored per run.
        data=partial(files.chart_csv, pkg, view.id, lang, today),
        file_name=f"jamsostek-{view.id}-{lang}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key=f"csv-{view.id}",
    )
