"""Data & sumber: for journalists, every figure with its source, the data package, how to cite, what changed."""

from functools import partial

import streamlit as st

from jamsostek import catalog, cite, export, ui
from jamsostek.data import AREAS
from jamsostek.labels import KIND_NAMES

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
page = ui.page_header("data", lang)
site = ui.site_url()

st.info(page.sections["about"])

st.header(_("Every figure on this site"))
kinds = st.segmented_control(
    _("Kind"), list(KIND_NAMES), selection_mode="multi", format_func=lambda k: _(KIND_NAMES[k]), key="kind"
)
areas = st.segmented_control(
    _("Area"), list(AREAS), selection_mode="multi", format_func=lambda a: catalog.area_name(a, _), key="area"
)
table = catalog.filtered(catalog.figure_table(package, lang, _), kinds, areas)
st.dataframe(
    table,
    hide_index=True,
    column_order=catalog.COLUMNS,
    column_config={
        "kind": _("Kind"),
        "area": _("Area"),
        "figure": _("Figure"),
        "value": _("Value"),
        "as_of": _("Date"),
        "base": _("Base or legal basis"),
        "caveat": _("Caveat"),
        "source": _("Source"),
        "url": st.column_config.LinkColumn(_("Link")),
    },
)
st.caption(_("{count} figures shown. Click a column to sort it.").format(count=len(table)))

st.markdown(page.sections["method"])

st.header(_("Download all the data"))
st.markdown(page.sections["download"])
st.download_button(
    _("Data package (ZIP: CSV files, datapackage.json, README)"),
    partial(export.data_zip, package, lang, site),
    file_name=f"jamsostek-jambi-data-{package.as_of}.zip",
    mime="application/zip",
    on_click="ignore",
    icon=":material/folder_zip:",
)

st.markdown(page.sections["cite"])
st.code(cite.site_citation(package, lang, _, site), language=None, wrap_lines=True)
if not table.empty:
    row = st.selectbox(
        _("Cite one figure"),
        table.index,
        format_func=lambda i: f"{table.at[i, 'figure']} ({table.at[i, 'area']}, {table.at[i, 'as_of']})",
    )
    st.code(cite.figure_citation(package, table.loc[row], lang, _, site), language=None, wrap_lines=True)

st.header(_("What changed when"))
st.dataframe(
    catalog.changelog(package, lang, _),
    hide_index=True,
    column_config={
        "date": _("Date"),
        "resource": _("File"),
        "item": _("Row"),
        "change": _("Change"),
        "source": _("Source"),
    },
)

st.header(_("All sources"))
st.dataframe(
    catalog.sources(package),
    hide_index=True,
    column_config={
        "id": _("ID"),
        "publisher": _("Publisher"),
        "title": _("Title"),
        "published": _("Published"),
        "url": st.column_config.LinkColumn(_("Link")),
        "reference": _("Regulation"),
        "kind": _("Kind"),
    },
)

st.markdown(page.sections["errors"])

ui.footer("data", lang)
