"""Cakupan: the newest figure and its age, the targets and whether they have passed, the charts, how we count."""

import streamlit as st

from jamsostek import charts, coverage, site, ui
from jamsostek.exports import files

lang = ui.language()
_ = ui.translator(lang)
ui.page_header("coverage", lang)
live_screen = st.query_params.get("live") == "1"
WARNINGS = ("break",)


def figures_and_charts() -> None:
    """Everything that comes from the data; on a live screen this part re-draws itself."""
    package = ui.package()
    page = ui.page_content("coverage", lang)
    hidden = ui.hidden_sections("coverage", live_screen)
    for name in ("intro", "break", "target-newest", "gap-past", "gap-current", "gap-none", "live"):
        if name not in hidden:
            (st.warning if name in WARNINGS else st.info if name == "live" else st.markdown)(page.sections[name])
    for name in ("province", "national", "national-target", "charts"):
        if name not in hidden:
            st.markdown(page.sections[name])
    for chart_id in charts.CHART_IDS:  # each chart's block opens with a rule (CSS), no divider element
        ui.chart_block(files.chart_view(package, chart_id, lang), lang)
    st.divider()
    st.markdown(page.sections["method"])
    values = ui.figure_values(lang)
    ui.whatsapp_button(
        _(
            "Jamsostek in Kota Jambi: the newest figure we found is {pct} of workers, as of {date}. Figures, sources "
            "and targets:"
        ).format(pct=values["city_latest_pct"], date=values["city_latest_as_of"]),
        site.page_url(ui.site_url(), site.page("coverage").path, lang=lang),
        lang,
    )
    ui.footer("coverage", lang, coverage.source_ids(package), live=live_screen)


if live_screen:
    st.fragment(run_every=ui.live_refresh_seconds())(figures_and_charts)()
else:
    figures_and_charts()
