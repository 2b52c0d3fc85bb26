"""Jamsostek Jambi: page config, language and navigation. Everything else lives in pages/."""

import streamlit as st

from jamsostek import ui

st.set_page_config(page_title="Jamsostek Jambi", page_icon="🛡️", layout="centered")
ui.app_frame().run()
