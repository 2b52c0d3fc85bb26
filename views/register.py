"""Cara daftar: documents, the JMO steps, other channels, paying, the city's scheme, a short FAQ."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
_ = ui.translator(lang)
page = ui.page_header("register", lang)

for section in ("ready", "steps", "channels", "pay"):
    st.markdown(page.sections[section])
with st.container(border=True):
    st.markdown(page.sections["city"])
st.markdown(page.sections["faq"])
ui.link("check", lang, label=_("Check my cost"))

ui.footer("register", lang)
