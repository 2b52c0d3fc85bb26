"""What app.py draws around every page: ``<html lang>``, navigation from the page registry, the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from jamsostek import i18n, site
from jamsostek.exports import picture

LANG_KEY = "lang"
EMBED = site.page("embed")
# Every page: links, buttons, selects and text inputs at least 48 px high, a comfortable tap target on a phone
# (WCAG 2.5.5, Lighthouse's tap targets; Streamlit 1.67 draws them 28 to 40 px; a chart's ``<details>`` summary is
# 48 px too), and the charts' tables (``charts.tables.html``) styled like Streamlit's own Markdown tables, scrolling
# sideways inside a phone's width rather than breaking words; a chart's picture at the width that fits
# (``exports.picture``).
FRAME_STYLE = """<style>
[data-testid="stPageLink"] a, .st-key-_lang_switch button, [data-testid="stLinkButton"] a,
[data-testid="stDownloadButton"] button, [data-testid="stButton"] button, [data-testid="stExpander"] summary,
[data-testid="stSelectbox"] [role="group"], [data-testid="stTextInputRootElement"] { min-height: 48px; }
[data-testid="stTextInputRootElement"] input { min-height: 46px; }
.jsj-numbers { overflow-x: auto; }
.jsj-numbers table { border-collapse: collapse; min-width: 100%; font-size: 0.875rem; line-height: 1.4; }
.jsj-numbers caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
.jsj-numbers th, .jsj-numbers td { text-align: left; vertical-align: top; padding: 0.375rem 0.5rem;
  border-bottom: 1px solid rgba(49, 51, 63, 0.2); min-width: 4.5rem; max-width: 14rem; }
.jsj-numbers thead th { border-bottom-width: 2px; }
.jsj-numbers small { font-weight: 400; }
.jsj-takeaway { margin: 0 0 0.5rem; }
.jsj-caption { margin: 0.5rem 0 0; font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); }
.jsj-live { margin: 0; }
.jsj-live a { display: inline-flex; align-items: center; min-height: 48px; }
.jsj-menu { border-top: 1px solid rgba(49, 51, 63, 0.2); border-bottom: 1px solid rgba(49, 51, 63, 0.2);
  padding: 1.5rem 0 0.5rem; }
.jsj-menu ul { list-style: none; margin: 0.5rem 0; padding: 0; }
.jsj-menu li { margin: 0 0 0.25rem; padding: 0; }
.jsj-menu a { display: flex; align-items: center; min-height: 48px; padding: 0 0.75rem; border-radius: 0.5rem;
  text-decoration: none; color: inherit; }
.jsj-menu ul a::after { content: "›"; margin-left: auto; padding-left: 1rem; opacity: 0.6; }
.jsj-menu a[aria-current="page"] { font-weight: 600; }
.jsj-menu ul a:hover { background: rgba(151, 166, 195, 0.15); }
.jsj-menu .jsj-light a { text-decoration: underline; color: inherit; padding: 0; }
.jsj-sources ul { margin: 0.5rem 0 1rem; padding-left: 1.5rem; }
.jsj-sources li { margin: 0 0 0.375rem; }
.jsj-chart-block { border-top: 1px solid rgba(49, 51, 63, 0.2); padding-top: 1.5rem; }
.jsj-details { margin-top: 0.5rem; border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; }
.jsj-details summary { cursor: pointer; line-height: 1.5rem; padding: 0.75rem 1rem; }
.jsj-details .jsj-numbers { padding: 0 1rem 1rem; }
"""
FRAME_STYLE += picture.FIGURE_CSS + "</style>"


def app_frame() -> st.navigation:
    """The frame around every page; returns the page to run. The embed view (for iframes) gets no menu."""
    lang = language()
    set_document_language(lang)
    st.html(FRAME_STYLE)
    embed = _requested_path() == EMBED.path
    page = st.navigation(navigation(lang), position="hidden" if embed else "top")
    if page.url_path != EMBED.path:
        language_switch(lang)
    return page


def _requested_path() -> str:
    """The URL path the visitor asked for, without slashes (``embed``, ``cakupan``, ``""``)."""
    try:
        return urlsplit(st.context.url or "").path.strip("/").split("/")[-1]
    except (AttributeError, ValueError):
        return ""


def language() -> str:
    """The page's language from the URL, then this session's choice, then the browser; kept in the URL."""
    query = st.query_params.get(LANG_KEY)
    remembered = st.session_state.get("_lang")
    lang = i18n.choose_language(query if query in i18n.LANGUAGES else remembered, st.context.locale)
    st.session_state["_lang"] = lang
    if query != lang:
        st.query_params[LANG_KEY] = lang
    return lang


def translator(lang: str) -> i18n.Translate:
    """The ``_`` function for the page's language."""
    return i18n.gettext(lang)


def _switch_language() -> None:
    chosen = st.session_state.get("_lang_switch")
    if chosen in i18n.LANGUAGES:
        st.session_state["_lang"] = chosen
        st.query_params[LANG_KEY] = chosen


def language_switch(lang: str) -> None:
    """A visible switch that keeps the page and its other query parameters."""
    _ = translator(lang)
    st.session_state["_lang_switch"] = lang
    st.segmented_control(
        _("Language"),
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGE_NAMES.get,
        key="_lang_switch",
        on_change=_switch_language,
        required=True,
        label_visibility="collapsed",
    )


def set_document_language(lang: str) -> None:
    """Tell screen readers which language the page is in (``<html lang>``)."""
    st.html(f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)


def navigation(lang: str) -> list[st.Page]:
    """The site's pages for ``st.navigation``, from the registry, titled in the page's language."""
    _ = translator(lang)
    return [
        st.Page(
            page.view,
            title=_(page.title),
            icon=page.icon,
            url_path=page.path,
            default=not page.path,
            visibility="visible" if page.in_menu else "hidden",
        )
        for page in site.PAGES
    ]


def link(key: str, lang: str, label: str | None = None, **query: str) -> None:
    """A large link to a registered page, keeping the language (and any other query parameters given)."""
    page = site.page(key)
    _ = translator(lang)
    st.page_link(page.view, label=label or _(page.title), icon=page.icon, query_params={LANG_KEY: lang, **query})
