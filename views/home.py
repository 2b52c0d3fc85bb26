"""Beranda: this month's cost, what Jamsostek gives, the newest coverage figure and its history, where to go next."""

import streamlit as st

from jamsostek import site, ui

lang = ui.language()
_ = ui.translator(lang)
values = ui.figure_values(lang)
figures = ui.page_figures()
page = ui.page_header("home", lang)
hidden = ui.hidden_sections("home")
COST = ("cost-discount", "cost-normal", "transport-ended", "transport-upcoming")
COST += ("other-in-force", "other-ended", "other-upcoming", "cost-basis")
HISTORY = ("gap-past", "base-break", "gap-current")


def sections(*names: str) -> None:
    """The page's sections that hold today, in this order."""
    for name in names:
        if name not in hidden:
            st.markdown(page.sections[name])


sections("hero")

with st.container(border=True):
    st.metric(
        _("Your contribution in {month}").format(month=values["this_month"]),
        _("{amount} per month").format(amount=values["cost_now"]),
    )
    sections(*COST)

for card in ("jkk", "jkm", "scholarship"):
    with st.container(border=True):
        sections(card)

with st.container(border=True):
    sections("newest")
    newest = figures["city_latest_pct"]
    if newest.value is not None:
        st.progress(min(1.0, newest.value / 100), text=_("{pct} joined").format(pct=values["city_latest_pct"]))
    ui.source_line(newest.sources, lang, values["city_latest_as_of"])
    sections("target-newest")
    if "target-newest" not in hidden:
        ui.source_line(figures["city_target_pct"].sources, lang)
    if any(name not in hidden for name in HISTORY):
        sections(*HISTORY)
        sources = figures["coverage_pct"].sources + figures["target_pct"].sources
        ui.source_line(sources, lang, values["coverage_as_of"])

sections("next")
left, right = st.columns(2)
with left:
    ui.link("check", lang, label=_("Check my cost"))
with right:
    ui.link("register", lang)

ui.whatsapp_button(
    _(
        "Jamsostek for transport workers in Kota Jambi: the contribution in {month} is {amount} a month at the lowest "
        "income. What you get and how to sign up:"
    ).format(month=values["this_month"], amount=values["cost_now"]),
    site.page_url(ui.site_url(), site.page("home").path, lang=lang),
    lang,
)
ui.footer("home", lang)
