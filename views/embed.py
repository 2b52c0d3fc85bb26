"""One chart alone, for iframes and projectors: ``/embed?chart=<id>&lang=..[&live=1]``, made for ``embed=true``."""

import streamlit as st

from jamsostek import charts, cite, site, ui
from jamsostek.exports import files

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
chart_id = st.query_params.get("chart", "")


def show_chart() -> None:
    ui.draw_chart(chart_id, lang)


if chart_id in charts.CHART_IDS:
    if st.query_params.get("live") == "1":
        st.fragment(run_every=ui.live_refresh_seconds())(show_chart)()
        st.caption(_("Updates itself while the page is open."))
    else:
        show_chart()
    home = site.page_url(ui.site_url(), site.page("coverage").path, lang=lang)
    st.markdown(f"[{cite.SITE_NAME} ↗]({home}) · " + _("This site explains Jamsostek; it is not BPJS Ketenagakerjaan."))
else:
    page = ui.page_content("embed", lang)
    st.markdown(page.sections["unknown"])
    for known in charts.CHART_IDS:
        title = files.chart_view(package, known, lang).title
        st.page_link(site.page("embed").view, label=f"{title} ({known})", query_params={"chart": known, "lang": lang})
