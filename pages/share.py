"""Bagikan: links to the site's pages and figures for slides, articles and WhatsApp."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
_ = ui.translator(lang)
page = ui.page_header("share", lang)
st.markdown(page.sections["intro"])
st.page_link("pages/coverage.py", label=_("Coverage"), icon=":material/bar_chart:", query_params={"lang": lang})
st.page_link("pages/data.py", label=_("Data & sources"), icon=":material/menu_book:", query_params={"lang": lang})
ui.footer("share", lang)
