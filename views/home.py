"""Beranda: the headline figures, this month's cost, what Jamsostek gives, and where to go next."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
_ = ui.translator(lang)
values = ui.figure_values(lang)
figures = ui.page_figures()
page = ui.page_header("home", lang)

st.markdown(page.sections["hero"])

with st.container(border=True):
    st.metric(
        _("Your contribution in {month}").format(month=values["this_month"]),
        _("{amount} per month").format(amount=values["cost_now"]),
    )
    st.markdown(page.sections[ui.home_cost_section()])

for card in ("jkk", "jkm", "scholarship"):
    with st.container(border=True):
        st.markdown(page.sections[card])

with st.container(border=True):
    st.markdown(page.sections["progress"])
    st.progress(
        min(1.0, figures["coverage_pct"].value / 100),
        text=_("{covered} covered; target {target}").format(
            covered=values["coverage_pct"], target=values["target_pct"]
        ),
    )
    ui.source_line([figures["coverage_pct"].source_id, "S1b", "S1d"], lang, figures["coverage_as_of"].value)

st.markdown(page.sections["next"])
left, right = st.columns(2)
with left:
    ui.link("check", lang, label=_("Check my cost"))
with right:
    ui.link("register", lang)

ui.footer("home", lang, ["S1b", "S1d"])
