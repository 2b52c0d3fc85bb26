"""Jamsostek Jambi: page config, language and navigation. Everything else lives in pages/."""

import streamlit as st

from jamsostek import ui

st.set_page_config(page_title="Jamsostek Jambi", page_icon=":material/shield:", layout="centered")

lang = ui.language()
_ = ui.translator(lang)
ui.set_document_language(lang)

pages = [
    st.Page("pages/home.py", title=_("Home"), icon=":material/home:", url_path="", default=True),
    st.Page("pages/benefits.py", title=_("Benefits"), icon=":material/shield:", url_path="manfaat"),
    st.Page("pages/check.py", title=_("Check your cost"), icon=":material/calculate:", url_path="cek-iuran"),
    st.Page("pages/coverage.py", title=_("Coverage"), icon=":material/bar_chart:", url_path="cakupan"),
    st.Page("pages/register.py", title=_("How to register"), icon=":material/how_to_reg:", url_path="cara-daftar"),
    st.Page("pages/data.py", title=_("Data & sources"), icon=":material/menu_book:", url_path="data"),
    st.Page("pages/share.py", title=_("Share & embed"), icon=":material/share:", url_path="bagikan"),
    st.Page("pages/embed.py", title=_("Chart"), url_path="embed", visibility="hidden"),
]
page = st.navigation(pages, position="top")
if page.url_path != "embed":
    ui.language_switch(lang)
page.run()
