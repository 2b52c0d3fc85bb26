"""The few Streamlit helpers every page shares: language, data, prose, figures, sources."""

from __future__ import annotations

import datetime as dt
import functools
import logging

import streamlit as st

from jamsostek import content, i18n
from jamsostek.data import DataError, DataPackage, load
from jamsostek.figures import Figure, figures, format_figure

LOG = logging.getLogger("jamsostek")
LANG_KEY = "lang"


def language() -> str:
    """The page's language from the URL, then this session's choice, then the browser."""
    query = st.query_params.get(LANG_KEY)
    remembered = st.session_state.get("_lang")
    lang = i18n.choose_language(query if query in i18n.LANGUAGES else remembered, st.context.locale)
    st.session_state["_lang"] = lang
    if query != lang:
        st.query_params[LANG_KEY] = lang
    return lang


def translator(lang: str):
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


@st.cache_resource(show_spinner=False)
def _bundled_package() -> DataPackage:
    return load()


def package() -> DataPackage:
    """The validated data package, or a clear message and a stopped page."""
    try:
        return _bundled_package()
    except DataError as exc:
        LOG.error("data package is invalid:\n%s", exc)
        _ = translator(language())
        st.error(_("The figures cannot be shown right now because the data failed its checks. Please try later."))
        st.stop()


# Plain per-process caches (keys are a language, a day and the package's load time): st.cache_data hashed its
# arguments and unpickled a copy of the result on every call, the largest cost of a warm page run (bench/).
# Callers treat the results as read-only.
@functools.lru_cache(maxsize=16)
def _figure_values(lang: str, today: dt.date, loaded_at: dt.datetime) -> dict[str, str]:
    return {name: format_figure(fig, lang) for name, fig in _figures(today, loaded_at).items()}


@functools.lru_cache(maxsize=16)
def _figures(today: dt.date, loaded_at: dt.datetime) -> dict[str, Figure]:
    return figures(package(), today)


def figure_values(lang: str) -> dict[str, str]:
    """Every placeholder's value, formatted for the page's language."""
    return _figure_values(lang, dt.date.today(), package().loaded_at)


def page_figures() -> dict[str, Figure]:
    """Every placeholder's raw figure (value, kind, source)."""
    return _figures(dt.date.today(), package().loaded_at)


def page_content(name: str, lang: str) -> content.Page:
    """A page's prose with every figure filled in."""
    return content.filled_page(name, lang, figure_values(lang))


def page_sources(name: str, lang: str) -> list[str]:
    """The sources of the figures a page names, in order of first mention."""
    figs = page_figures()
    used = content.used_placeholders(name, lang)
    ids = [figs[p].source_id for p in sorted(used) if figs[p].source_id]
    return sorted(set(ids), key=ids.index)


def sources_footer(source_ids: list[str], lang: str) -> None:
    """The page's sources, each linked, and "data as of"."""
    _ = translator(lang)
    pkg = package()
    st.divider()
    st.markdown("**" + _("Sources") + "**")
    lines = []
    for source_id in source_ids:
        src = pkg.source(source_id)
        title = content.escape_markdown(src["title"])
        label = f"[{title}]({src['url']})" if src.get("url") else title
        publisher = content.escape_markdown(src["publisher"])
        when = content.escape_markdown(src["published"] or _("date not stated"))
        lines.append(f"- {publisher}: {label} ({when}) \\[{content.escape_markdown(source_id)}\\]")
    st.markdown("\n".join(lines) or _("No figures on this page."))
    st.caption(
        _("Data as of {date}. This site explains Jamsostek; it is not BPJS Ketenagakerjaan.").format(
            date=i18n.date(pkg.as_of, lang)
        )
    )


def page_header(name: str, lang: str) -> content.Page:
    """The page's title and summary; returns the filled page for its sections."""
    page = page_content(name, lang)
    st.title(page.title)
    st.caption(page.summary)
    return page


def source_line(source_ids: list[str], lang: str, as_of: dt.date | None = None) -> None:
    """A one-line "Source: publisher (date)" under a figure."""
    _ = translator(lang)
    pkg = package()
    names = [f"{pkg.source(s)['publisher']} [{s}]" for s in dict.fromkeys(source_ids)]
    text = _("Source: {sources}").format(sources="; ".join(names))
    if as_of is not None:
        text += " · " + _("as of {date}").format(date=i18n.date(as_of, lang))
    st.caption(content.escape_markdown(text))


def transport_discount_today() -> bool:
    """Whether the transport workers' discount is in force today."""
    return _discount_on(dt.date.today(), package().loaded_at)


@functools.lru_cache(maxsize=4)
def _discount_on(today: dt.date, loaded_at: dt.datetime) -> bool:
    from jamsostek.rules import discount_on

    return discount_on(package(), "ojol", today) is not None


def footer(name: str, lang: str, extra_sources: list[str] | None = None) -> None:
    """Every page ends with its sources and "data as of"."""
    ids = page_sources(name, lang) + list(extra_sources or [])
    sources_footer(list(dict.fromkeys(ids)), lang)
