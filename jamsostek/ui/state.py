"""The data a page shows: the package (live when configured and valid), and its figures and prose, cached."""

from __future__ import annotations

import logging
import os

import streamlit as st

from jamsostek import clock, content, contract, figures, settings, site, timeline
from jamsostek.data import DataError, DataPackage, live
from jamsostek.data.cache import per_package
from jamsostek.figures import Figure
from jamsostek.ui.frame import language, translator

LOG = logging.getLogger("jamsostek")


@st.cache_resource(show_spinner=False)
def _bundled_package() -> DataPackage:
    return contract.load()


def live_settings() -> tuple[str | None, float]:
    """The live source's URL and TTL from the environment, then ``.streamlit/secrets.toml`` (optional)."""
    secrets: dict[str, object] = {}
    try:
        if st.secrets.load_if_toml_exists():
            secrets = {key: st.secrets.get(key) for key in ("data_url", "data_ttl")}
    except Exception as exc:  # a broken secrets file must not take the site down
        LOG.warning("cannot read .streamlit/secrets.toml: %s", exc)
    return live.settings(os.environ, secrets)


def live_source() -> live.LiveSource | None:
    """The process's live source, when one is configured."""
    url, ttl = live_settings()
    return live.shared(url, ttl, _bundled_package, load=contract.load) if url else None


def live_refresh_seconds() -> float:
    """How often a screen left open (``?live=1``) re-draws its charts: the TTL, between 5 s and a minute."""
    return min(60.0, max(5.0, live_settings()[1]))


def package() -> DataPackage:
    """The validated data package (live when configured and valid), or a clear message and a stopped page."""
    try:
        source = live_source()
        return source.package() if source else _bundled_package()
    except DataError as exc:
        LOG.error("data package is invalid:\n%s", exc)
        _ = translator(language())
        st.error(_("The figures cannot be shown right now because the data failed its checks. Please try later."))
        st.stop()


@per_package(maxsize=16)
def _figures(pkg: DataPackage, today) -> dict[str, Figure]:
    return figures.figures(pkg, today)


@per_package(maxsize=32)
def _figure_values(pkg: DataPackage, lang: str, today) -> dict[str, str]:
    return {name: figures.format_figure(fig, lang) for name, fig in _figures(pkg, today).items()}


@per_package(maxsize=64)
def _page_content(pkg: DataPackage, name: str, lang: str, today) -> content.Page:
    return content.filled_page(name, lang, _figure_values(pkg, lang, today))


@per_package(maxsize=64)
def _page_sources(pkg: DataPackage, name: str, lang: str, today, live: bool) -> tuple[str, ...]:
    return tuple(page_source_ids(pkg, name, lang, today, timeline.hidden_sections(pkg, name, today, live)))


def page_source_ids(pkg: DataPackage, name: str, lang: str, today, hidden: frozenset[str]) -> list[str]:
    """The sources of the figures a page shows today (hidden sections left out), corroborating ones included."""
    figs = _figures(pkg, today)
    page = content.load_page(name, lang)
    texts = [page.title, page.summary] + [text for key, text in page.sections.items() if key not in hidden]
    used = dict.fromkeys(p for text in texts for p in content.PLACEHOLDER.findall(text))
    return list(dict.fromkeys(s for p in used for s in figs[p].sources))


def figure_values(lang: str) -> dict[str, str]:
    """Every placeholder's value, formatted for the page's language (read-only)."""
    return _figure_values(package(), lang, clock.today())


def page_figures() -> dict[str, Figure]:
    """Every placeholder's raw figure (value, kind, source) (read-only)."""
    return _figures(package(), clock.today())


def page_content(name: str, lang: str) -> content.Page:
    """A page's prose with every figure filled in (once per page, language, day and data content)."""
    return _page_content(package(), name, lang, clock.today())


def page_sources(name: str, lang: str, live: bool = False) -> list[str]:
    """The sources of the figures a page shows today, in order of first mention."""
    return list(_page_sources(package(), name, lang, clock.today(), live))


def hidden_sections(name: str, live: bool = False) -> frozenset[str]:
    """The sections of a page's content that do not hold today (see ``timeline.hidden_sections``)."""
    return timeline.hidden_sections(package(), name, clock.today(), live)


def site_url() -> str:
    """The site's own address (``https://host[/prefix]``): the configured one (``JAMSOSTEK_SITE_URL``),
    else as the visitor's browser reports it, or "" when unknown."""
    return settings.site_url() or site.base_url(getattr(st.context, "url", None))
