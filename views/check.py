"""Cek iuran & manfaat: five answers kept in the URL, then eligibility, this month's cost and the benefits."""

import streamlit as st

from jamsostek import clock, content, i18n, rules, ui
from jamsostek.check import answers, outcome
from jamsostek.labels import PROGRAMME_NAMES, WORK_NAMES, name

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
lowest = rules.lowest_income(package)
today = clock.today()
page = ui.page_header("check", lang)
st.markdown(page.sections["intro"])

given = ui.check_answers(lang, lowest, today)
for text in answers.correction_texts(given, lang, lowest):
    st.warning(content.escape_markdown(text), icon=":material/edit:")

save = {"on_change": ui.save_answers, "args": (lang, today)}
with st.container(border=True):
    st.selectbox(
        _("1. What work do you do?"),
        rules.WORK_KINDS,
        format_func=lambda kind: name(WORK_NAMES, kind, lang),
        key="check_work",
        help=_("Choose the work that earns most of your income."),
        **save,
    )
    st.text_input(
        _("2. Your income per month (rupiah)"),
        key="check_income",
        help=_("Type it as you say it: 1.500.000, 1,5 juta or 2jt. An estimate is fine."),
        **save,
    )
    st.checkbox(
        _("3. Add JHT (old-age savings)"),
        key="check_jht",
        help=_("JKK (work accident) and JKM (death) are always included. JHT is optional savings."),
        **save,
    )
    st.date_input(
        _("4. For which date?"),
        key="check_date",
        min_value=answers.date_bounds(today)[0],
        max_value=answers.date_bounds(today)[1],
        format="DD/MM/YYYY",
        help=_("Today by default. The discount depends on the month."),
        **save,
    )
    st.radio(
        _("5. Does Pemkot Jambi already pay your contributions?"),
        [False, True],
        format_func=lambda paid: _("Yes") if paid else _("No, or I don't know"),
        key="check_city",
        horizontal=True,
        help=_("Kota Jambi pays for some vulnerable workers from its budget (APBD)."),
        **save,
    )

result = rules.quote(package, rules.Question(given.work, given.income, given.programmes, given.on, given.city_paid))

st.header(_("Your result for {date}").format(date=i18n.date(given.on, lang)))
if not result.eligible:
    st.info(page.sections["employee"], icon=":material/badge:")
else:
    st.success(_("Yes, you can join as a self-employed participant (BPU)."), icon=":material/check_circle:")
    if result.reason == "budget-paid":
        st.info(page.sections["city-paid"], icon=":material/account_balance:")
    with st.container(border=True):
        st.metric(_("Total per month"), i18n.money(result.total, lang))
        st.markdown("  \n".join(outcome.total_lines(result, package, lang)))
    st.markdown(outcome.lines_table(result, package, lang))
    for note in outcome.income_notes(result, package, lang):
        st.info(note, icon=":material/info:")
    st.markdown(outcome.discount_text(result, package, lang))
    st.caption(page.sections["year"])
    st.caption("  \n".join(outcome.basis_lines(result, package, lang)))
    st.caption(page.sections["estimate"])
    st.markdown("**" + _("Why you can join") + "**")
    st.markdown(page.sections["eligible"])
    st.caption(page.sections["unsure"])

st.header(_("Benefits at an income of {income} per month").format(income=i18n.money(result.income_used, lang)))
for programme, sentences in outcome.benefit_sentences(result, package, lang).items():
    st.markdown(f"**{content.escape_markdown(name(PROGRAMME_NAMES, programme, lang))}**")
    st.markdown("\n".join(f"- {sentence}" for sentence in sentences))

st.markdown(page.sections["next"])
ui.link("register", lang)

st.markdown(page.sections["share"])
st.code(answers.share_link(st.context.url, given, lang), language=None, wrap_lines=True)

ui.footer("check", lang, result.source_ids)
