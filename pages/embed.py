"""One chart alone, for iframes and projectors: ``/embed?chart=<id>&lang=..[&live=1]``, made for ``embed=true``."""

import streamlit as st

from jamsostek import charts, export, links, ui

LIVE_SECONDS = 60

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
chart_id = st.query_params.get("chart", "")


def show_chart() -> None:
    ui.draw_chart(chart_id, lang)


if chart_id in charts.CHART_IDS:
    if st.query_params.get("live") == "1":
        st.fragment(run_every=LIVE_SECONDS)(show_chart)()
        st.caption(_("Updates itself every minute."))
    else:
        show_chart()
    site = ui.site_url()
    st.markdown(
        f"[Jamsostek Jambi ↗]({links.page_url(site, 'cakupan', lang=lang)}) · "
        + _("This site explains Jamsostek; it is not BPJS Ketenagakerjaan.")
    )
else:
    page = ui.page_content("embed", lang)
    st.markdown(page.sections["unknown"])
    for known in charts.CHART_IDS:
        title = export.chart_view(package, known, lang).title
        st.page_link("pages/embed.py", label=f"{title} ({known})", query_params={"chart": known, "lang": lang})
