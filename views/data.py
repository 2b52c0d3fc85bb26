"""Data & sumber: for journalists, every figure with its source, the data package, how to cite, what changed."""

from functools import partial

import streamlit as st

from jamsostek import catalog, cite, ui
from jamsostek.data import AREAS
from jamsostek.exports import files
from jamsostek.labels import KIND_NAMES, area_name, name

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
page = ui.page_header("data", lang)
site = ui.site_url()

st.info(page.sections["about"])

st.header(_("Every figure on this site"))
kinds = st.segmented_control(
    _("Kind"), list(KIND_NAMES), selection_mode="multi", format_func=lambda k: name(KIND_NAMES, k, lang), key="kind"
)
areas = st.segmented_control(
    _("Area"), list(AREAS), selection_mode="multi", format_func=lambda a: area_name(a, lang), key="area"
)
table = catalog.filtered(catalog.figure_table(package, lang), kinds, areas)
ui.table(table, catalog.FIGURE_COLUMNS, lang)
st.caption(_("{count} figures shown. Click a column to sort it.").format(count=len(table)))

st.markdown(page.sections["method"])

st.header(_("Download all the data"))
st.markdown(page.sections["download"])
st.download_button(
    _("Data package (ZIP: CSV files, datapackage.json, README)"),
    partial(files.data_zip, package, lang, site),
    file_name=f"jamsostek-jambi-data-{package.as_of}.zip",
    mime="application/zip",
    on_click="ignore",
    icon=":material/folder_zip:",
)

st.markdown(page.sections["cite"])
st.code(cite.site_citation(package, lang, site), language=None, wrap_lines=True)
if not table.empty:
    row = st.selectbox(_("Cite one figure"), table.index, format_func=lambda i: cite.figure_label(table, i))
    st.code(cite.figure_citation(package, table.loc[row], lang, site), language=None, wrap_lines=True)

st.header(_("What changed when"))
ui.table(catalog.changelog(package, lang), catalog.CHANGELOG_COLUMNS, lang)

st.header(_("All sources"))
ui.table(catalog.sources(package), catalog.SOURCE_COLUMNS, lang)

st.markdown(page.sections["errors"])

ui.footer("data", lang)
