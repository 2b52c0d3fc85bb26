"""Cek iuran & manfaat: five answers kept in the URL, then eligibility, this month's cost and the benefits."""

import datetime as dt

import streamlit as st

from jamsostek import answers, content, i18n, outcome, rules, ui

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
lowest = rules.lowest_income(package)
today = dt.date.today()
page = ui.page_header("check", lang)
st.markdown(page.sections["intro"])

# The URL holds the answers. Widgets are set from it when it changes (a shared link, a language
# switch, coming back to the page); a changed widget writes every answer back to it.
WIDGETS = ("check_work", "check_income", "check_jht", "check_date", "check_city")


def url_state() -> tuple:
    """The answers and language as the URL has them now."""
    return (lang, *sorted((key, tuple(st.query_params.get_all(key))) for key in answers.KEYS))


def write_url() -> None:
    """Every widget's answer into the URL; remember it so the widgets are not reset from it."""
    state = st.session_state
    st.query_params.update(
        work=state["check_work"],
        income=answers.widget_income(state["check_income"]),
        programs=",".join(rules.PROGRAMMES if state["check_jht"] else sorted(rules.CORE_PROGRAMMES)),
        date=(state["check_date"] or today).isoformat(),
        city_paid="1" if state["check_city"] else "0",
    )
    state["_check_url"] = url_state()


given = answers.from_query({key: st.query_params.get_all(key) for key in st.query_params}, lowest, today)
if st.session_state.get("_check_url") != url_state() or any(key not in st.session_state for key in WIDGETS):
    st.session_state.update(dict(zip(WIDGETS, given.widget_values(lang), strict=True)))

for text in answers.correction_texts(given, _, lang, lowest):
    st.warning(content.escape_markdown(text), icon=":material/edit:")

with st.container(border=True):
    st.selectbox(
        _("1. What work do you do?"),
        rules.WORK_KINDS,
        format_func=lambda kind: _(rules.WORK_LABELS[kind]),
        key="check_work",
        on_change=write_url,
        help=_("Choose the work that earns most of your income."),
    )
    st.text_input(
        _("2. Your income per month (rupiah)"),
        key="check_income",
        on_change=write_url,
        help=_("Type it as you say it: 1.500.000, 1,5 juta or 2jt. An estimate is fine."),
    )
    st.checkbox(
        _("3. Add JHT (old-age savings)"),
        key="check_jht",
        on_change=write_url,
        help=_("JKK (work accident) and JKM (death) are always included. JHT is optional savings."),
    )
    st.date_input(
        _("4. For which date?"),
        key="check_date",
        on_change=write_url,
        min_value=answers.date_bounds(today)[0],
        max_value=answers.date_bounds(today)[1],
        format="DD/MM/YYYY",
        help=_("Today by default. The discount depends on the month."),
    )
    st.radio(
        _("5. Does Pemkot Jambi already pay your contributions?"),
        [False, True],
        format_func=lambda paid: _("Yes") if paid else _("No, or I don't know"),
        key="check_city",
        on_change=write_url,
        horizontal=True,
        help=_("Kota Jambi pays for some vulnerable workers from its budget (APBD)."),
    )
if st.session_state.get("_check_url") != url_state():
    write_url()

question = rules.Question(given.work, given.income, given.programmes, given.on, given.city_paid)
result = rules.quote(package, question)

st.header(_("Your result for {date}").format(date=i18n.date(given.on, lang)))
if not result.eligible:
    st.info(page.sections["employee"], icon=":material/badge:")
else:
    st.success(_("Yes, you can join as a self-employed participant (BPU)."), icon=":material/check_circle:")
    if result.reason == "budget-paid":
        st.info(page.sections["city-paid"], icon=":material/account_balance:")
    with st.container(border=True):
        st.metric("**" + _("Total per month") + "**", i18n.money(result.total, lang))
        st.markdown("  \n".join(outcome.total_lines(result, _, lang)))
    st.markdown(outcome.lines_table(result, _, lang))
    for note in outcome.income_notes(result, package, _, lang):
        st.info(note, icon=":material/info:")
    st.markdown(outcome.discount_text(result, package, _, lang))
    st.caption(page.sections["year"])
    st.caption("  \n".join(outcome.basis_lines(result, _)))
    st.caption(page.sections["estimate"])
    st.markdown("**" + _("Why you can join") + "**")
    st.markdown(page.sections["eligible"])
    st.caption(page.sections["unsure"])

st.header(_("Benefits at an income of {income} per month").format(income=i18n.money(result.income_used, lang)))
for programme, sentences in outcome.benefit_sentences(result, package, _, lang).items():
    st.markdown(f"**{content.escape_markdown(_(outcome.PROGRAMME_NAMES[programme]))}**")
    st.markdown("\n".join(f"- {sentence}" for sentence in sentences))

st.markdown(page.sections["next"])
st.page_link("pages/register.py", label=_("How to register"), icon=":material/how_to_reg:", query_params={"lang": lang})

st.markdown(page.sections["share"])
st.code(answers.share_link(st.context.url, given, lang), language=None, wrap_lines=True)

ui.footer("check", lang, result.source_ids)
