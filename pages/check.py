"""Cek iuran & manfaat: a few answers, then this month's cost and what each programme pays."""

import datetime as dt

import streamlit as st

from jamsostek import i18n, rules, ui

lang = ui.language()
_ = ui.translator(lang)
page = ui.page_header("check", lang)
st.markdown(page.sections["intro"])

work = st.selectbox(_("What work do you do?"), rules.WORK_KINDS, format_func=lambda k: _(rules.WORK_LABELS[k]))
income = st.number_input(_("Declared monthly income (rupiah)"), min_value=0, value=1_000_000, step=100_000)
with_jht = st.checkbox(_("Add JHT (old-age savings)"))

programmes = rules.CORE_PROGRAMMES | ({"jht"} if with_jht else set())
result = rules.quote(ui.package(), rules.Question(work, int(income), frozenset(programmes), dt.date.today()))
if result.eligible:
    st.metric(_("Total per month"), i18n.money(result.total, lang))
else:
    st.warning(_("Wage employees are registered by their employer, not as self-employed participants."))
st.caption(page.sections["estimate"])

ui.footer("check", lang, [line.source_id for line in result.lines])
