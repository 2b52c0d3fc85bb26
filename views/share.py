"""Bagikan: pick a chart and a language; see it; copy its embed code and link; download it; a share card."""

from functools import partial

import streamlit as st

from jamsostek import charts, i18n, site, ui
from jamsostek.exports import card, deck, files

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
page = ui.page_header("share", lang)
st.markdown(page.sections["intro"])

asked = st.query_params.get("chart")
chart_id = st.selectbox(
    _("Chart"),
    charts.CHART_IDS,
    index=charts.CHART_IDS.index(asked) if asked in charts.CHART_IDS else 0,
    format_func=lambda known: files.chart_view(package, known, lang).title,
)
st.query_params["chart"] = chart_id  # the address names the chart: a permalink to this view
chart_lang = st.segmented_control(
    _("Language of the chart"), i18n.LANGUAGES, format_func=i18n.LANGUAGE_NAMES.get, default=lang, required=True
)
view = files.chart_view(package, chart_id, chart_lang)
ui.draw_chart(chart_id, chart_lang)
st.caption(view.takeaway)

site_url = ui.site_url()
st.header(_("Embed on a website"))
st.markdown(page.sections["embed"])
height = site.embed_height(files.page_spec(package, chart_id, chart_lang))
iframe = site.iframe_code(site.embed_url(site_url, chart_id, chart_lang), view.title, height)
st.code(iframe, language="html", wrap_lines=True)
st.markdown(page.sections["live"])
st.code(site.embed_url(site_url, chart_id, chart_lang, live=True), language=None, wrap_lines=True)
st.markdown(page.sections["link"])
st.code(site.page_url(site_url, "embed", chart=chart_id, lang=chart_lang), language=None, wrap_lines=True)

st.header(_("Download"))
st.markdown(page.sections["downloads"])
name = partial(files.file_name, chart_id, chart_lang, as_of=view.as_of)
left, right = st.columns(2)
for column, label, fmt, size, scale in (
    (left, _("PNG for slides ({size})"), "png", files.SLIDE, None),
    (right, _("Sharp PNG, page size ({size})"), "png", files.PAGE_2X, 2),
    (left, "SVG", "svg", files.SLIDE, None),
    (right, "PDF", "pdf", files.SLIDE, None),
):
    column.download_button(
        label.format(size=f"{size[0]} × {size[1]}"),
        partial(files.chart_file, package, chart_id, chart_lang, fmt, size, scale),
        file_name=name(fmt, size),
        mime=files.FORMATS[fmt],
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
st.download_button(
    _("CSV of the chart's numbers"),
    partial(files.chart_csv, package, chart_id, chart_lang),
    file_name=name("csv"),
    mime="text/csv",
    on_click="ignore",
    icon=":material/table:",
    width="stretch",
)
st.download_button(
    _("PowerPoint (all charts)"),
    partial(deck.deck_file, package, chart_lang),  # made when clicked: a slide per chart, in the chart language
    file_name=files.file_name("slides", chart_lang, "pptx", as_of=package.as_of),
    mime=deck.MIME,
    on_click="ignore",
    icon=":material/slideshow:",
    width="stretch",
)

st.header(_("Share card for WhatsApp"))
st.markdown(page.sections["card"])
# the preview as SVG: a PNG would be resized by Streamlit on every run; the PNG is made when downloaded
card_svg = card.share_card(package, chart_lang, fmt="svg").decode("utf-8")
st.image(card_svg, width=360, alt=card.card_alt_text(package, chart_lang))
st.download_button(
    _("Download the share card (PNG)"),
    partial(card.share_card, package, chart_lang, "png"),
    file_name=files.file_name("card", chart_lang, "png", card.CARD_SIZE),
    mime="image/png",
    on_click="ignore",
    icon=":material/download:",
)

ui.footer("share", lang, list(view.source_ids))
