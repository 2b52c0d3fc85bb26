"""The check's form in Streamlit: the answers from the URL into the widgets, and the widgets' answers into the URL.

Which side wins is decided by the pure functions in ``jamsostek.check.form``.
"""

from __future__ import annotations

import streamlit as st

from jamsostek.check import answers, form

# Every widget of the check a comfortable tap target on a phone, 48 px (WCAG 2.5.5, Lighthouse's tap targets),
# on top of the frame's site-wide rules (``frame.FRAME_STYLE``: links, buttons, selects, text inputs): Streamlit
# 1.67 draws checkbox and radio rows 22 px and help icons 16 px. Help icons keep their place (negative margins).
# The total wraps instead of ending in "…" ("paling banyak Rp106.900 + JHT" is wider than a phone).
TAP_TARGETS = """<style>
.st-key-check_form [data-testid="stCheckbox"] label,
.st-key-check_form [data-testid="stRadioOption"] { display: flex; min-height: 48px; align-items: center; }
.st-key-check_form [data-testid="stTooltipHoverTarget"] button { min-width: 48px; min-height: 48px; margin: -16px; }
.st-key-check_share a { min-height: 48px; display: inline-flex; align-items: center; }
.st-key-check_result [data-testid="stMetricValue"] * { white-space: normal; overflow: visible; }
</style>"""


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def check_answers(lang: str, setup: form.Setup) -> answers.Answers:
    """The answers in the URL; the widgets take them when the URL changed, and the URL gets every answer."""
    given = answers.from_query(_query(), setup.lowest, setup.today, setup.newest)
    state = st.session_state
    if form.must_seed(state.get(form.REMEMBERED), form.url_key(lang, _query()), state):
        state.update(form.widget_state(given, lang, setup))
    if state.get(form.REMEMBERED) != form.url_key(lang, _query()):
        save_answers(lang, setup)
    return given


def save_answers(lang: str, setup: form.Setup) -> None:
    """Every widget's answer into the URL (the widgets' ``on_change``), remembered so the widgets keep them."""
    current = answers.from_query(_query(), setup.lowest, setup.today, setup.newest).month
    for key in form.dropped_keys(_query()):
        del st.query_params[key]
    st.query_params.update(form.query_from_widgets(st.session_state, setup, current))
    st.session_state[form.REMEMBERED] = form.url_key(lang, _query())


def tap_targets() -> None:
    """The style that makes the check's widgets and share links large enough for a thumb (no text from data)."""
    st.html(TAP_TARGETS)
