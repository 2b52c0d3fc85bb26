"""Cakupan: progress toward the target, covered vs not, the gap, and the history of observations."""

import streamlit as st

from jamsostek import charts, coverage, ui
from jamsostek.exports import files

lang = ui.language()
ui.page_header("coverage", lang)
live_screen = st.query_params.get("live") == "1"


def figures_and_charts() -> None:
    """Everything that comes from the data; on a live screen this part re-draws itself."""
    package = ui.package()
    page = ui.page_content("coverage", lang)
    st.markdown(page.sections["intro"])
    st.warning(page.sections["break"])
    if live_screen:
        st.info(page.sections["live"])
    st.markdown(page.sections["charts"])
    for chart_id in charts.CHART_IDS:
        st.divider()
        ui.chart_block(files.chart_view(package, chart_id, lang), lang)
    st.divider()
    st.markdown(page.sections["method"])
    ui.footer("coverage", lang, coverage.source_ids(package))


if live_screen:
    st.fragment(run_every=ui.live_refresh_seconds())(figures_and_charts)()
else:
    figures_and_charts()
