"""Blocks many pages draw: the header, tables, source lines, the menu, the footer (charts: ``ui.chart``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from babel.dates import format_datetime

from jamsostek import cite, clock, content, i18n, settings, site
from jamsostek.data import DataPackage, live
from jamsostek.data.cache import per_package
from jamsostek.i18n import N_
from jamsostek.ui.frame import translator
from jamsostek.ui.state import live_source, package, page_content, page_sources

LIVE_PROBLEMS = {
    live.UNREACHABLE: N_("the source could not be reached"),
    live.HTTP: N_("the source answered with an error"),
    live.TIMEOUT: N_("the source took too long"),
    live.TOO_LARGE: N_("the file was too large"),
    live.NOT_A_PACKAGE: N_("it was not a data package"),
    live.INVALID: N_("the figures failed the site's checks"),
    live.BROKEN: N_("the source sent a broken or incomplete answer"),
    live.REDIRECT: N_("the source sent the site to another address, which it does not follow"),
}


def page_header(name: str, lang: str) -> content.Page:
    """The page's title and summary; returns the filled page for its sections."""
    page = page_content(name, lang)
    st.title(page.title)
    st.caption(page.summary)
    return page


def whatsapp_button(text: str, link: str, lang: str) -> None:
    """A large button that opens WhatsApp with ``text`` and ``link`` ready to send (a phone's own share sheet)."""
    _ = translator(lang)
    st.link_button(_("Share on WhatsApp"), site.whatsapp_url(text, link), icon=":material/share:", width="stretch")


def table(frame: pd.DataFrame, columns: dict[str, str], lang: str, links: tuple[str, ...] = ("url",)) -> None:
    """A table with its columns in ``columns``' order, headed by their translated names; link columns clickable."""
    _ = translator(lang)
    config = {
        name: st.column_config.LinkColumn(_(label)) if name in links else _(label) for name, label in columns.items()
    }
    st.dataframe(frame, hide_index=True, column_order=list(columns), column_config=config)


def source_line(source_ids: list[str] | tuple[str, ...], lang: str, when: str | None = None) -> None:
    """A one-line "Source: publisher [id] · as of <date, as precise as the source>" under a figure."""
    _ = translator(lang)
    pkg = package()
    names = [f"{pkg.source(s)['publisher']} [{s}]" for s in dict.fromkeys(source_ids)]
    text = _("Source: {sources}").format(sources="; ".join(names))
    if when:
        text += " · " + _("as of {date}").format(date=when)
    st.caption(content.escape_markdown(text))


@per_package(maxsize=128)
def _source_list(pkg: DataPackage, source_ids: tuple[str, ...], lang: str) -> str:
    """The sources as a Markdown list; text from the data escaped, links plain http(s) (checked on load)."""
    _ = translator(lang)
    lines = []
    for source_id in source_ids:
        src = pkg.source(source_id)
        title = content.escape_markdown(src["title"])
        label = f"[{title}]({src['url']})" if src.get("url") else title
        publisher = content.escape_markdown(src["publisher"])
        when = content.escape_markdown(i18n.partial_date(src["published"], lang) or _("date not stated"))
        lines.append(f"- {publisher}: {label} ({when}) \\[{content.escape_markdown(source_id)}\\]")
    return "\n".join(lines)


def sources_footer(source_ids: list[str], lang: str) -> None:
    """The page's sources, each linked, and "data as of"."""
    _ = translator(lang)
    pkg = package()
    st.divider()
    st.markdown("**" + _("Sources") + "**")
    st.markdown(_source_list(pkg, tuple(source_ids), lang) or _("No figures on this page."))
    st.caption(content.escape_markdown(cite.data_as_of_line(pkg, lang)))
    data_status(lang)


def _moment(value: dt.datetime, lang: str) -> str:
    return format_datetime(value, "d MMM y, HH.mm 'WIB'", tzinfo=clock.JAMBI, locale=lang)


def data_status(lang: str) -> None:
    """A quiet line saying which data the page shows and when the live source was last checked."""
    source = live_source()
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


def page_menu(lang: str) -> None:
    """Large links to every page in the menu, at the end of the page where a thumb reaches them."""
    _ = translator(lang)
    st.markdown("**" + _("Other pages") + "**")
    for page in site.PAGES:
        if page.in_menu:
            st.page_link(page.view, label=_(page.title), icon=page.icon, query_params={"lang": lang}, width="stretch")
    light = settings.light_url()
    st.markdown(
        ":material/bolt: [" + _("Light version: quick on slow phones, saves data") + f"]({light}/{lang}/index.html)"
    )


def footer(name: str, lang: str, extra_sources: list[str] | None = None, live: bool = False) -> None:
    """Every page ends with a menu, its sources and "data as of" (when the data was last checked)."""
    st.divider()
    page_menu(lang)
    ids = page_sources(name, lang, live) + list(extra_sources or [])
    sources_footer(list(dict.fromkeys(ids)), lang)
