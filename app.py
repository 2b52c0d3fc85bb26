"""Jamsostek Jambi: page config, language and navigation. Everything else lives in pages/."""

import streamlit as st

from jamsostek import ui

st.set_page_config(page_title="Jamsostek Jambi", page_icon="🛡️", layout="centered")

lang = ui.language()
ui.set_document_language(lang)

page = st.navigation(ui.navigation(lang), position="top")
if page.url_path != "embed":
    ui.language_switch(lang)
page.run()
