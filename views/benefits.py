"""Manfaat: JKK, JKM and JHT told as situations a driver knows, with the amounts."""

import streamlit as st

from jamsostek import ui

lang = ui.language()
page = ui.page_header("benefits", lang)

st.markdown(page.sections["intro"])
for section in ("jkk", "jkm", "scholarship", "paid", "jht", "conditions"):
    with st.container(border=True):
        st.markdown(page.sections[section])
st.info(page.sections["unsure"])

ui.footer("benefits", lang)
