"""Cakupan: progress toward the target, covered vs not, the gap, and the history of observations."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
_ = ui.translator(lang)
figures = ui.page_figures()
values = ui.figure_values(lang)
page = ui.page_header("coverage", lang)

st.markdown(page.sections["intro"])
st.progress(
    min(1.0, figures["coverage_pct"].value / 100),
    text=_("{covered} covered; target {target}").format(covered=values["coverage_pct"], target=values["target_pct"]),
)
ui.source_line([figures["coverage_pct"].source_id], lang, figures["coverage_as_of"].value)
st.warning(page.sections["break"])

ui.footer("coverage", lang)
