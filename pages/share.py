"""Bagikan: pick a chart and a language; see it; copy its embed code and link; download it; a share card."""

from functools import partial

import streamlit as st

from jamsostek import card, charts, export, i18n, links, ui

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
page = ui.page_header("share", lang)
st.markdown(page.sections["intro"])

titles = {chart_id: export.chart_view(package, chart_id, lang).title for chart_id in charts.CHART_IDS}
asked = st.query_params.get("chart")
start = charts.CHART_IDS.index(asked) if asked in charts.CHART_IDS else 0
chart_id = st.selectbox(_("Chart"), charts.CHART_IDS, index=start, format_func=titles.get)
st.query_params["chart"] = chart_id  # the address names the chart: a permalink to this view
chart_lang = st.segmented_control(
    _("Language of the chart"), i18n.LANGUAGES, format_func=i18n.LANGUAGE_NAMES.get, default=lang, required=True
)
view = export.chart_view(package, chart_id, chart_lang)
ui.draw_chart(chart_id, chart_lang)
st.caption(view.takeaway)

site = ui.site_url()
st.header(_("Embed on a website"))
st.markdown(page.sections["embed"])
iframe_src = links.embed_url(site, chart_id, chart_lang)
st.code(
    links.iframe_code(iframe_src, view.title, links.embed_height(export.page_spec(package, chart_id, chart_lang))),
    language="html",
    wrap_lines=True,
)
st.markdown(page.sections["live"])
st.code(links.embed_url(site, chart_id, chart_lang, live=True), language=None, wrap_lines=True)
st.markdown(page.sections["link"])
st.code(links.page_url(site, "embed", chart=chart_id, lang=chart_lang), language=None, wrap_lines=True)

st.header(_("Download"))
st.markdown(page.sections["downloads"])
name = partial(export.file_name, chart_id, chart_lang, as_of=view.as_of)
downloads = [
    (_("PNG for slides ({size})"), "png", export.SLIDE, None),
    (_("Sharp PNG, page size ({size})"), "png", export.PAGE_2X, 2),
    ("SVG", "svg", export.SLIDE, None),
    ("PDF", "pdf", export.SLIDE, None),
]
for row in (downloads[:2], downloads[2:]):
    for column, (label, fmt, size, scale) in zip(st.columns(2), row, strict=True):
        column.download_button(
            label.format(size=f"{size[0]} × {size[1]}"),
            partial(export.chart_file, package, chart_id, chart_lang, fmt, size, scale),
            file_name=name(fmt, size),
            mime=export.FORMATS[fmt],
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
st.download_button(
    _("CSV of the chart's numbers"),
    partial(export.chart_csv, package, chart_id, chart_lang),
    file_name=name("csv"),
    mime="text/csv",
    on_click="ignore",
    icon=":material/table:",
    width="stretch",
)

st.header(_("Share card for WhatsApp"))
st.markdown(page.sections["card"])
card_png = card.share_card(package, chart_lang, site_url=site)
# the preview as SVG: a PNG would be resized by Streamlit on every run
card_svg = card.share_card(package, chart_lang, fmt="svg", site_url=site).decode("utf-8")
st.image(card_svg, width=360, alt=card.card_alt_text(package, chart_lang))
st.download_button(
    _("Download the share card (PNG)"),
    card_png,
    file_name=export.file_name("card", chart_lang, "png", card.CARD_SIZE),
    mime="image/png",
    on_click="ignore",
    icon=":material/download:",
)

ui.footer("share", lang, list(view.source_ids))
