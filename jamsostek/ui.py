"""The few Streamlit helpers every page shares: language, data, prose, figures, sources."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from zoneinfo import ZoneInfo

import streamlit as st
from babel.dates import format_datetime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from jamsostek import chart_tables, charts, content, i18n, live
from jamsostek.data import DataError, DataPackage, load
from jamsostek.figures import Figure, figures, format_figure
from jamsostek.rules import N_

LOG = logging.getLogger("jamsostek")
LANG_KEY = "lang"


# (script, title, URL path, icon, shown in the menu): the site's pages, in menu order.
PAGES: tuple[tuple[str, str, str, str, bool], ...] = (
    ("pages/home.py", N_("Home"), "", ":material/home:", True),
    ("pages/benefits.py", N_("Benefits"), "manfaat", ":material/health_and_safety:", True),
    ("pages/check.py", N_("Check your cost"), "cek-iuran", ":material/calculate:", True),
    ("pages/coverage.py", N_("Coverage"), "cakupan", ":material/bar_chart:", True),
    ("pages/register.py", N_("How to register"), "cara-daftar", ":material/how_to_reg:", True),
    ("pages/data.py", N_("Data & sources"), "data", ":material/table_view:", True),
    ("pages/share.py", N_("Share & embed"), "bagikan", ":material/share:", True),
    ("pages/embed.py", N_("Chart"), "embed", ":material/insert_chart:", False),
)


def app_frame() -> st.navigation:
    """What app.py draws around every page: ``<html lang>``, the menu and the language switch.

    Returns the page to run. Marks the run, so a page script knows the frame is there.
    """
    _mark_framed()
    lang = language()
    set_document_language(lang)
    embed = _requested_path() == "embed"  # one chart alone, for iframes: no menu
    page = st.navigation(navigation(lang), position="hidden" if embed else "top")
    if page.url_path != "embed":
        language_switch(lang)
    return page


def _requested_path() -> str:
    """The URL path the visitor asked for, without slashes (``embed``, ``cakupan``, ``""``)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(st.context.url or "").path.strip("/").split("/")[-1]
    except (AttributeError, ValueError):
        return ""


def _mark_framed() -> bool:
    """Mark this script run as framed by app.py; True if it already was."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return True
    framed = getattr(ctx, "_jamsostek_frame", None) is ctx.cursors
    ctx._jamsostek_frame = ctx.cursors  # a fresh dict on every full run
    return framed


def language() -> str:
    """The page's language from the URL, then this session's choice, then the browser.

    Also the first call of every page script. On a fresh server Streamlit may run a page file whose
    name matches the URL (``pages/data.py`` for ``/data``) on its own, without app.py, until some
    session has called ``st.navigation``. Such a run draws the frame itself, then the page goes on.
    """
    ctx = get_script_run_ctx()
    if ctx is not None and not ctx.fragment_ids_this_run and not _mark_framed():
        app_frame()
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


def _live_settings() -> tuple[str | None, float]:
    """The live source's URL and TTL from the environment, then ``.streamlit/secrets.toml`` (optional)."""
    secrets: dict[str, object] = {}
    try:
        if st.secrets.load_if_toml_exists():
            secrets = {key: st.secrets.get(key) for key in ("data_url", "data_ttl")}
    except Exception as exc:  # a broken secrets file must not take the site down
        LOG.warning("cannot read .streamlit/secrets.toml: %s", exc)
    return live.settings(os.environ, secrets)


def _live_source() -> live.LiveSource | None:
    url, ttl = _live_settings()
    return live.shared(url, ttl, _bundled_package) if url else None


def live_refresh_seconds() -> float:
    """How often a screen left open (``?live=1``) re-draws its charts: the TTL, between 5 s and a minute."""
    return min(60.0, max(5.0, _live_settings()[1]))


def package() -> DataPackage:
    """The validated data package (live when configured and valid), or a clear message and a stopped page."""
    try:
        source = _live_source()
        return source.package() if source else _bundled_package()
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
    """A page's prose with every figure filled in (once per page, language, day and data copy)."""
    return _page_content(name, lang, dt.date.today(), package().loaded_at)


@functools.lru_cache(maxsize=64)
def _page_content(name: str, lang: str, today: dt.date, loaded_at: dt.datetime) -> content.Page:
    return content.filled_page(name, lang, _figure_values(lang, today, loaded_at))


def page_sources(name: str, lang: str) -> list[str]:
    """The sources of the figures a page names, in order of first mention."""
    return list(_page_sources(name, lang, dt.date.today(), package().loaded_at))


@functools.lru_cache(maxsize=64)
def _page_sources(name: str, lang: str, today: dt.date, loaded_at: dt.datetime) -> tuple[str, ...]:
    figs = _figures(today, loaded_at)
    used = content.ordered_placeholders(name, lang)
    return tuple(dict.fromkeys(figs[p].source_id for p in used if figs[p].source_id))


def sources_footer(source_ids: list[str], lang: str) -> None:
    """The page's sources, each linked, and "data as of"."""
    _ = translator(lang)
    pkg = package()
    st.divider()
    st.markdown("**" + _("Sources") + "**")
    st.markdown(_source_list(tuple(source_ids), lang, pkg.loaded_at) or _("No figures on this page."))
    st.caption(
        _("Data as of {date}. This site explains Jamsostek; it is not BPJS Ketenagakerjaan.").format(
            date=i18n.date(pkg.as_of, lang)
        )
    )
    data_status(lang)


@functools.lru_cache(maxsize=128)
def _source_list(source_ids: tuple[str, ...], lang: str, loaded_at: dt.datetime) -> str:
    """The sources as a Markdown list; text from the data escaped, links plain http(s) (checked on load)."""
    _ = translator(lang)
    pkg = package()
    lines = []
    for source_id in source_ids:
        src = pkg.source(source_id)
        title = content.escape_markdown(src["title"])
        label = f"[{title}]({src['url']})" if src.get("url") else title
        publisher = content.escape_markdown(src["publisher"])
        when = content.escape_markdown(i18n.partial_date(src["published"], lang) or _("date not stated"))
        lines.append(f"- {publisher}: {label} ({when}) \\[{content.escape_markdown(source_id)}\\]")
    return "\n".join(lines)


JAMBI_TIME = ZoneInfo("Asia/Jakarta")
LIVE_PROBLEMS = {
    live.UNREACHABLE: N_("the source could not be reached"),
    live.HTTP: N_("the source answered with an error"),
    live.TIMEOUT: N_("the source took too long"),
    live.TOO_LARGE: N_("the file was too large"),
    live.NOT_A_PACKAGE: N_("it was not a data package"),
    live.INVALID: N_("the figures failed the site's checks"),
}


def _moment(value: dt.datetime, lang: str) -> str:
    return format_datetime(value, "d MMM y, HH.mm 'WIB'", tzinfo=JAMBI_TIME, locale=lang)


def data_status(lang: str) -> None:
    """A quiet line saying which data the page shows and when the live source was last checked."""
    source = _live_source()
    if source is None:
        return
    _ = translator(lang)
    status = source.status()
    if status.checked_at is None:
        text = _("Figures: the copy bundled with the site; the live source is being checked.")
    elif status.source == "live":
        text = _("Figures: live source, fetched {fetched}.").format(fetched=_moment(status.live_since, lang))
    else:
        text = _("Figures: the copy bundled with the site.")
    if status.checked_at is not None:
        text += " " + _("Last checked {checked}.").format(checked=_moment(status.checked_at, lang))
    if status.error_kind:
        problem = _(LIVE_PROBLEMS.get(status.error_kind, LIVE_PROBLEMS[live.INVALID]))
        text += " " + _("The last check was not used: {problem}.").format(problem=problem)
    st.caption(content.escape_markdown(text))


def draw_chart(chart_id: str, lang: str, key: str | None = None) -> None:
    """Draw one chart from its cached spec (the spec's description is the alt text)."""
    from jamsostek import export

    st.vega_lite_chart(export.page_spec(package(), chart_id, lang), width="stretch", theme=None, key=key)


def chart_block(view: charts.ChartView, lang: str) -> None:
    """One chart: its takeaway, the chart with alt text, its numbers in a table, and a CSV download."""
    _ = translator(lang)
    st.markdown("**" + content.escape_markdown(view.takeaway) + "**")
    draw_chart(view.id, lang, key=f"chart-{view.id}")
    st.caption(content.escape_markdown(_("Chart description: {text}").format(text=view.alt_text)))
    with st.expander(_("Numbers in this chart"), expanded=False):
        st.dataframe(chart_tables.display(view.id, view.data, lang), hide_index=True, width="stretch")
    st.download_button(
        _("Download the numbers (CSV)"),
        data=view.data.to_csv(index=False).encode("utf-8"),
        file_name=f"jamsostek-{view.id}-{lang}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key=f"csv-{view.id}",
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


def home_cost_section() -> str:
    """The home page's cost text for today (see ``rules.home_cost_section``), once per day and data copy."""
    return _home_cost_section(dt.date.today(), package().loaded_at)


@functools.lru_cache(maxsize=4)
def _home_cost_section(today: dt.date, loaded_at: dt.datetime) -> str:
    from jamsostek.rules import home_cost_section as choose

    return choose(package(), today)


def navigation(lang: str):
    """The site's pages for ``st.navigation``, titled in the page's language."""
    _ = translator(lang)
    return [
        st.Page(
            script,
            title=_(title),
            icon=icon,
            url_path=path,
            default=not path,
            visibility="visible" if shown else "hidden",
        )
        for script, title, path, icon, shown in PAGES
    ]


def page_menu(lang: str) -> None:
    """Large links to every page, at the end of the page where a thumb reaches them."""
    _ = translator(lang)
    st.markdown("**" + _("Other pages") + "**")
    for script, title, _path, icon, visible in PAGES:
        if visible:
            st.page_link(script, label=_(title), icon=icon, query_params={LANG_KEY: lang}, width="stretch")
    light = os.environ.get("JAMSOSTEK_LIGHT_URL", "/ringan/").rstrip("/")
    st.markdown(
        ":material/bolt: [" + _("Light version: quick on slow phones, saves data") + f"]({light}/{lang}/index.html)"
    )


def footer(name: str, lang: str, extra_sources: list[str] | None = None) -> None:
    """Every page ends with a menu, its sources and "data as of"."""
    st.divider()
    page_menu(lang)
    ids = page_sources(name, lang) + list(extra_sources or [])
    sources_footer(list(dict.fromkeys(ids)), lang)


def site_url() -> str:
    """The site's own address (``https://host[/prefix]``) as the visitor sees it, or "" when unknown."""
    from jamsostek.links import base_url

    return base_url(getattr(st.context, "url", None))
