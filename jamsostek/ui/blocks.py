"""Blocks many pages draw: the header, tables, source lines, the menu, the footer (charts: ``ui.chart``)."""

from __future__ import annotations

import datetime as dt
import functools
from html import escape

import pandas as pd
import streamlit as st
from babel.dates import format_datetime

from jamsostek import cite, clock, content, i18n, settings, site
from jamsostek.data import DataPackage, live
from jamsostek.data.cache import per_package
from jamsostek.exports import static
from jamsostek.i18n import N_
from jamsostek.ui.frame import translator
from jamsostek.ui.state import live_source, package, page_content, page_sources, site_url

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
def sources_html(pkg: DataPackage, source_ids: tuple[str, ...], lang: str) -> str:
    """The page's sources as one HTML block: a heading and a list, each linked; text from the data escaped.

    HTML, not Markdown: a page cites up to some twenty sources, and a phone parses Markdown in the browser.
    Links are plain http(s) (checked when the data is loaded).
    """
    _ = i18n.gettext(lang)
    items = []
    for src in static.source_rows(pkg, source_ids, lang):  # the rows the light pages and the first HTML list
        title = escape(src["title"])
        label = f'<a href="{escape(src["url"])}">{title}</a>' if src["url"] else title
        when = src["when"] or _("date not stated")
        items.append(f"<li>{escape(src['publisher'])}: {label} ({escape(when)}) [{escape(src['id'])}]</li>")
    none, heading = escape(_("No figures on this page.")), escape(_("Sources"))
    listed = f"<ul>{''.join(items)}</ul>" if items else f"<p>{none}</p>"
    return f'<section class="jsj-sources"><p><strong>{heading}</strong></p>{listed}</section>'


def sources_footer(source_ids: list[str], lang: str) -> None:
    """The page's sources, each linked, and "data as of"."""
    pkg = package()
    st.html(sources_html(pkg, tuple(source_ids), lang))
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


@functools.lru_cache(maxsize=16)
def menu_html(lang: str, base: str, light: str, current: str = "") -> str:
    """Large links to every page in the menu and to the light version, between two rules, as one HTML block.

    Plain links in a ``<nav>``, not a page link widget each: the menu is the same on every page, and each
    Streamlit element costs a phone's main thread its own set-up when the page is drawn (nine of them here).
    """
    _ = i18n.gettext(lang)
    links = "".join(
        f'<li><a href="{escape(site.page_url(base, page.path, lang=lang))}"'
        + (' aria-current="page"' if page.key == current else "")
        + f">{escape(_(page.title))}</a></li>"
        for page in site.PAGES
        if page.in_menu
    )
    quick, heading = escape(_("Light version: quick on slow phones, saves data")), escape(_("Other pages"))
    return (
        f'<nav class="jsj-menu" aria-label="{heading}"><p><strong>{heading}</strong></p><ul>{links}</ul>'
        f'<p class="jsj-light"><a href="{escape(light)}/{lang}/index.html">⚡ {quick}</a></p></nav>'
    )


def page_menu(lang: str, current: str = "") -> None:
    """Large links to every page in the menu, at the end of the page where a thumb reaches them."""
    st.html(menu_html(lang, site_url(), settings.light_url(), current))


def footer(name: str, lang: str, extra_sources: list[str] | None = None, live: bool = False) -> None:
    """Every page ends with a menu, its sources and "data as of" (when the data was last checked)."""
    page_menu(lang, name)
    ids = page_sources(name, lang, live) + list(extra_sources or [])
    sources_footer(list(dict.fromkeys(ids)), lang)
