"""Cek iuran & manfaat: five answers kept in the URL, then the month's cost, the discount, 12 months, the benefits."""

import streamlit as st

from jamsostek import clock, content, rules, ui
from jamsostek.check import answers, benefits, form, outcome
from jamsostek.labels import WORK_NAMES, name

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
setup = form.setup(package, clock.today())
page = ui.page_header("check", lang)
st.markdown(page.sections["intro"])

given = ui.check_answers(lang, setup)
for text in answers.correction_texts(given, lang, setup.lowest):
    st.warning(content.escape_markdown(text), icon=":material/edit:")

ui.tap_targets()
save = {"on_change": ui.save_answers, "args": (lang, setup)}
with st.container(border=True, key="check_form"):
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
    st.selectbox(
        _("4. Which contribution month?"),
        setup.month_options,
        format_func=lambda month: setup.month_label(month, lang),
        key="check_month",
        help=_("The month you pay for. This month is chosen at first; the discount depends on the month."),
        **save,
    )
    st.radio(
        _("5. Does Pemkot Jambi already pay your contributions?"),
        [False, True],
        format_func=lambda paid: _("Yes") if paid else _("No, or I don't know"),
        key="check_city",
        help=_("Kota Jambi pays for some vulnerable workers from its budget (APBD, the city budget)."),
        **save,
    )

question = rules.Question(given.work, given.income, given.programmes, given.month, given.city_paid)
result = rules.quote(package, question)

st.header(outcome.heading(result, package, lang))
if result.status == "no-rules":
    st.info(outcome.no_rules_text(result, package, lang), icon=":material/history:")
elif result.status == "employee":
    st.info(page.sections["employee"], icon=":material/badge:")
else:
    st.success(page.sections["yes"], icon=":material/check_circle:")
    with st.container(border=True, key="check_result"):
        st.metric(_("Total per month"), outcome.total_value(result, package, lang))
        st.markdown(outcome.covers(result, package, lang) + "\n\n" + outcome.lines_table(result, package, lang))
        if rules.ESTIMATE in (result.cost.mark, result.year_cost.mark):
            st.caption(page.sections["estimate"])
    if result.reason == "budget-paid":
        st.info(page.sections["city-paid"], icon=":material/account_balance:")
    for note in outcome.notes(result, package, lang):
        st.info(note, icon=":material/info:")
    st.markdown(outcome.discount_block(result, package, lang) + "\n\n" + outcome.year_block(result, package, lang))

    st.header(benefits.heading(result, package, lang))
    if note := benefits.note(result, package, lang):
        st.info(note, icon=":material/help:")
    # one block of text for all programmes: each Markdown element costs a phone's main thread its own set-up
    programmes = benefits.sentences(result, package, lang).items()
    st.markdown("\n\n".join(f"**{p}**\n\n" + "\n".join(f"- {s}" for s in lines) for p, lines in programmes))

    st.markdown(page.sections["next"])
    ui.link("register", lang)

with st.container(key="check_share"):  # what sharing does and the link itself: one block of text
    link = answers.share_link(st.context.url, given, lang)
    label = _("Link to this result")
    st.markdown(page.sections["share"] + f"\n\n[{label}]({link})")
    ui.whatsapp_button(outcome.share_text(result, package, lang), link, lang)

if result.status == "priced":
    st.caption("  \n".join([page.sections["basis"], *outcome.basis_lines(result, package, lang)]))
ui.footer("check", lang, result.source_ids)
