"""Jamsostek Jambi: page config, language and navigation. Every page lives in views/, listed in jamsostek/site.py."""

import streamlit as st

from jamsostek import cite, ui

st.set_page_config(page_title=cite.SITE_NAME, page_icon="🛡️", layout="centered")
ui.app_frame().run()
