"""Data & sumber: what the site is, every figure with its source, method notes, how to cite."""

import streamlit as st

from jamsostek import catalog, ui

lang = ui.language()
_ = ui.translator(lang)
package = ui.package()
page = ui.page_header("data", lang)

st.info(page.sections["about"])

st.header(_("Coverage figures and targets"))
st.dataframe(
    catalog.observations(package, lang, _),
    hide_index=True,
    column_config={
        "area": _("Area"),
        "figure": _("Figure"),
        "value": _("Value"),
        "covered": _("Covered workers"),
        "base": _("Base"),
        "as_of": _("As of"),
        "caveat": _("Caveat"),
        "source": _("Source"),
        "url": st.column_config.LinkColumn(_("Link")),
    },
)

st.markdown(page.sections["method"])

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

st.markdown(page.sections["cite"])
st.markdown(page.sections["errors"])

ui.footer("data", lang)
