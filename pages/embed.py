"""One chart alone, for iframes and projectors: ``/embed?chart=<id>&lang=..``."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
_ = ui.translator(lang)
page = ui.page_content("embed", lang)
st.markdown(page.sections["unknown"])
st.page_link("pages/coverage.py", label=_("Coverage"), icon=":material/bar_chart:", query_params={"lang": lang})
