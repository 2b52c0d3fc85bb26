"""The check's form in Streamlit: the answers from the URL into the widgets, and the widgets' answers into the URL.

Which side wins is decided by the pure functions in ``jamsostek.check.form``.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from jamsostek.check import answers, form


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def check_answers(lang: str, lowest: int, today: dt.date) -> answers.Answers:
    """The answers in the URL; the widgets take them when the URL changed, and the URL gets every answer."""
    given = answers.from_query(_query(), lowest, today)
    state = st.session_state
    if form.must_seed(state.get(form.REMEMBERED), form.url_key(lang, _query()), state):
        state.update(form.widget_state(given, lang))
    if state.get(form.REMEMBERED) != form.url_key(lang, _query()):
        save_answers(lang, today)
    return given


def save_answers(lang: str, today: dt.date) -> None:
    """Every widget's answer into the URL (the widgets' ``on_change``), remembered so the widgets keep them."""
    st.query_params.update(form.query_from_widgets(st.session_state, today))
    st.session_state[form.REMEMBERED] = form.url_key(lang, _query())
