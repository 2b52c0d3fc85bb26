"""One app page's first HTML ("shell"): its content pre-rendered inside Streamlit's own index.html, preview tags.

``build-static`` writes these beside the light version (``first_html``), from the same content, figures and
charts (``static.page_context``). nginx answers a page's document request with its shell; the app's own scripts
then load as usual, and ``handover.js`` removes the pre-rendered copy once the app has drawn the page. Streamlit's
``index.html`` is read from the installed package at build time, so its asset names match the running version.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from jamsostek import charts, content, i18n, settings, site
from jamsostek.cite import SITE_NAME
from jamsostek.data import DataPackage
from jamsostek.exports import card, files, picture, preview, static
from jamsostek.figures import figures, format_figure
from jamsostek.i18n import N_
from jamsostek.site import PAGES, Page

PUBLIC = "shell"  # URL path of the shells' own files: /shell/handover.<hash>.js, /shell/og/<name>.<hash>.png
LOCALES = {"id": "id_ID", "en": "en_US"}
CHART_PAGES = ("embed", "share")  # one shell per chart too: /embed?chart=history shows that chart at once
HIDDEN_SECTIONS = {  # sections about widgets or answers the first HTML does not draw
    "check": {"yes", "employee", "city-paid", "estimate", "share", "basis"},  # estimate: with the cost table
    "share": {"embed", "live", "link", "downloads"},
    "embed": {"unknown"},
}
CHECK_MY_COST = N_("Check my cost")
PHONE_CHART_WIDTH = picture.PHONE_WIDTH  # charts drawn for a phone, as the app draws them there (fonts not shrunk)
APP_FILES = re.compile(r'(<link\s+rel="(?:modulepreload|preload)"|<script\s+type="module")')
ENTRY = re.compile(r'<script\s+type="module"[^>]*\ssrc="([^"]+)"[^>]*></script>')
PRELOADED = re.compile(r'<link\s+rel="modulepreload"[^>]*\shref="([^"]+)"')
# Streamlit's entry module and everything it imports are evaluated in one task: on a 4x slower phone, about
# 0.4 to 0.5 s in which the page cannot paint or answer a tap, after the copy has already been painted. The
# loader evaluates the modules Streamlit preloads one by one, pausing between them, then its entry module: the
# same modules, each once, in an order that satisfies their imports (each import() brings its own first).
LOADER = """<script type="module">
for (const m of %s) {
  try { await import(m); } catch (e) { /* the entry module's own import will try again and report it */ }
  await new Promise((resolve) => setTimeout(resolve, 0));
}
import(%s);
</script>"""
STYLESHEET = re.compile(r'\s*<link rel="stylesheet"[^>]*>')


class ShellError(RuntimeError):
    """Streamlit's index.html no longer has the places the shell fills in."""


def streamlit_static() -> Path:
    """The installed Streamlit's static folder (index.html and static/), found without importing Streamlit."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.origin:
        raise ShellError("Streamlit is not installed: the first HTML is built from its index.html")
    return Path(spec.origin).parent / "static"


@dataclass(frozen=True)
class Addresses:
    """Where things live: the site (absolute for link previews; "" when unknown) and the light version."""

    site_url: str = ""
    light: str = field(default_factory=settings.light_url)

    def app(self, path: str, **query: str) -> str:
        return site.page_url(self.site_url.rstrip("/"), path, **query)

    def light_page(self, page: Page, lang: str) -> str:
        return f"{self.site_url.rstrip('/')}{self.light}/{lang}/{page.light or 'index'}.html"

    def public(self, name: str) -> str:
        return f"{self.site_url.rstrip('/')}/{PUBLIC}/{name}"


def file_stem(page: Page, chart: str | None = None) -> str:
    """``index``, ``cakupan``, ``embed-history``: a shell's file name without ``.html`` (nginx maps paths to it)."""
    return (page.path or "index") + (f"-{chart}" if chart else "")


def variants(page: Page) -> list[str | None]:
    """The shells of one page and language: the page itself, and one per chart on chart pages."""
    return [None, *charts.CHART_IDS] if page.key in CHART_PAGES else [None]


def write_hashed(folder: Path, stem: str, suffix: str, data: bytes) -> str:
    """Write ``stem.<content hash>.suffix`` (cacheable for ever: new content, new name); returns the name."""
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.{suffix}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return name


@dataclass
class Previews:
    """The 1200 x 630 preview pictures, written once each into ``folder``."""

    package: DataPackage
    folder: Path
    where: Addresses
    today: dt.date
    made: dict[tuple, tuple[str, str]] = field(default_factory=dict)

    def picture(self, page: Page, lang: str, title: str, chart: str | None) -> tuple[str, str]:
        """The URL and alt text of a page's preview: its chart, or the share card under the page's title."""
        chart = chart or (charts.CHART_IDS[0] if page.key in ("coverage", "share") else None)
        key = (chart, lang) if chart else (page.key, lang)
        if key not in self.made:
            if chart:
                png = preview.chart_picture(self.package, chart, lang, self.today)
                alt = files.chart_view(self.package, chart, lang, today=self.today).alt_text
            else:
                png = preview.card_picture(self.package, lang, title, self.where.site_url, self.today)
                alt = preview.card_alt(self.package, lang, self.today)
            name = write_hashed(self.folder / "og", f"{chart or page.path or 'home'}-{lang}", "png", png)
            self.made[key] = (self.where.public(f"og/{name}"), alt)
        return self.made[key]


def _extras(package: DataPackage, page: Page, lang: str, today: dt.date, where: Addresses, chart: str | None) -> dict:
    """Blocks the app's view draws after a section of the page's prose: section name -> blocks."""
    _ = i18n.gettext(lang)

    def buttons(*links: tuple[str, str | None]) -> dict:
        items = [
            {"href": where.app(site.page(k).path, lang=lang), "label": _(label or site.page(k).title)}
            for k, label in links
        ]
        return {"kind": "links", "links": items}

    if page.key == "home":
        return {"hero": [{"kind": "cost"}], "next": [buttons(("check", CHECK_MY_COST), ("register", None))]}
    if page.key == "check":
        return {"intro": [{"kind": "costs"}], "next": [buttons(("register", None))]}
    if page.key == "register":
        return {"faq": [buttons(("check", CHECK_MY_COST))]}
    if page.key == "coverage":
        return {
            "charts": [
                # The same pictures the app's page shows (exports.picture): the hand-over changes nothing you see.
                {
                    "kind": "chart",
                    "chart": {
                        **static.chart_block(package, c, lang, PHONE_CHART_WIDTH, today),
                        "picture": picture.figure(package, c, lang, today),
                    },
                }
                for c in charts.CHART_IDS
            ]
        }
    if page.key == "data":
        return {"about": [{"kind": "observations"}]}
    if page.key == "share":
        # an image, as the app shows it (st.image): the same picture, and the same largest element on the page
        svg = base64.b64encode(card.card_file(package, lang, "svg", settings.site_url(), today)).decode("ascii")
        alt = card.card_alt_text(package, lang, today)
        card_block = {"kind": "card", "src": f"data:image/svg+xml;base64,{svg}", "alt": alt}
        return {
            "intro": [{"kind": "chart", "chart": static.chart_block(package, chart, lang, PHONE_CHART_WIDTH, today)}],
            "card": [card_block],
        }
    return {}


def _progress(package: DataPackage, lang: str, today: dt.date) -> dict | None:
    """The home page's bar of the newest city figure, as the app draws it (none when the figure has no value)."""
    _ = i18n.gettext(lang)
    newest = figures(package, today)["city_latest_pct"]
    if newest.value is None:
        return None
    text = _("{pct} joined").format(pct=format_figure(newest, lang))
    return {"value": min(100.0, float(newest.value)), "text": text}


def _blocks(
    package: DataPackage, page: Page, lang: str, today: dt.date, context: dict, where: Addresses, chart: str | None
) -> list:
    """What the shell shows, in the order the app's view draws it."""
    hidden = HIDDEN_SECTIONS.get(page.key, set()) if page.key != "embed" or chart else set()
    extras = _extras(package, page, lang, today, where, chart)
    blocks = []
    for name, html in context["sections"].items():
        if name not in hidden:
            blocks.append({"kind": "html", "name": name, "html": html})
            blocks += extras.get(name, [])
    if page.key == "embed" and chart:
        blocks.append({"kind": "chart", "chart": static.chart_block(package, chart, lang, today=today)})
    return blocks


def _links(package: DataPackage, page: Page, lang: str, today: dt.date, where: Addresses, chart: str | None) -> dict:
    """The page's own addresses (canonical, languages, light page), its menu, and the embed page's chart list."""
    _ = i18n.gettext(lang)
    query = {"chart": chart} if chart else {}
    urls = {
        "canonical": where.app(page.path, lang=lang, **query),
        "languages": {code: where.app(page.path, lang=code, **query) for code in i18n.LANGUAGES},
        "default": where.app(page.path, **query),
        "light": where.light_page(page, lang),
    }
    menu = [
        {"href": where.app(p.path, lang=lang), "label": _(p.title), "current": p.key == page.key}
        for p in PAGES
        if p.in_menu
    ]
    chart_links = []
    if page.key == "embed" and not chart:
        chart_links = [
            {"href": where.app(page.path, chart=c, lang=lang), "label": view.title}
            for c in charts.CHART_IDS
            for view in [files.chart_view(package, c, lang, today=today)]
        ]
    return {"urls": urls, "menu": menu, "chart_links": chart_links}


def shell_context(
    package: DataPackage, page: Page, lang: str, today: dt.date, where: Addresses, chart: str | None = None
) -> dict:
    """Everything one shell's templates need: the light page's context, the app's own words, addresses."""
    context = static.page_context(package, page, lang, today, where.site_url or "")
    if page.key == "check":  # the light page is a cost table; the app's page has its own title and words
        values = {name: format_figure(fig, lang) for name, fig in figures(package, today).items()}
        filled = content.filled_page(page.content, lang, values)
        context.update(title=filled.title, summary=filled.summary)
        context["sections"] = {k: static.render_markdown(v) for k, v in filled.sections.items()}
    if page.key == "share":
        chart = chart or charts.CHART_IDS[0]
    context["description"] = context["summary"]
    if page.key == "embed" and chart:
        view = files.chart_view(package, chart, lang, today=today)
        context.update(title=view.title, description=view.takeaway)
    other = next(x for x in i18n.LANGUAGES if x != lang)
    context |= _links(package, page, lang, today, where, chart)
    return context | {
        "blocks": _blocks(package, page, lang, today, context, where, chart),
        "progress": _progress(package, lang, today) if page.key == "home" else None,
        "chart": chart,
        "lang": lang,
        "other": other,
        "home_url": where.app(site.page("coverage").path, lang=lang),
        "locale": LOCALES[lang],
        "other_locale": LOCALES[other],
        "site_name": SITE_NAME,
        "languages": i18n.LANGUAGE_NAMES,
        "_": i18n.gettext(lang),
    }


def assemble(index: str, lang: str, head: str, body: str, script: str) -> str:
    """Streamlit's index.html with the page's language, head tags, pre-rendered copy and hand-over script."""
    steps = [
        (r"<html[^>]*>", f'<html lang="{lang}" class="jsj-first">'),
        (r"<title>.*?</title>", head.strip()),
        (r'<div id="root"></div>', f'{body.strip()}\n<div id="root"></div>\n<script src="{script}" defer></script>'),
    ]
    for pattern, replacement in steps:
        index, count = re.subn(pattern, lambda _m, r=replacement: r, index, count=1, flags=re.DOTALL)
        if count != 1:
            raise ShellError(f"Streamlit's index.html has no {pattern!r}: the first HTML cannot be built")
    # Streamlit's own <noscript> note (English, for programs): the pre-rendered page is what a reader without
    # JavaScript gets instead.
    index = re.sub(r"\s*<noscript>.*?</noscript>", "", index, count=1, flags=re.DOTALL)
    # Streamlit's stylesheet styles only the app's own classes: loaded after the copy, it no longer holds up the
    # copy's first paint (a stylesheet in the body blocks only what follows it; the app's scripts still wait for it).
    # The app's script files (about 1 MB on a first visit) are fetched at low priority, so on a slow line the
    # copy's own bytes come first; they are still all asked for at once, as Streamlit asks for them.
    index = APP_FILES.sub(r'\1 fetchpriority="low"', index)
    entry = ENTRY.search(index)
    if entry is None:
        raise ShellError("Streamlit's index.html has no entry module: the first HTML cannot be built")
    loader = LOADER % (json.dumps(PRELOADED.findall(index)), json.dumps(entry.group(1)))
    index = index[: entry.start()] + loader + index[entry.end() :]
    sheets = STYLESHEET.findall(index)
    index = STYLESHEET.sub("", index)
    return index.replace(
        '<div id="root"></div>', "".join(s.strip() + "\n" for s in sheets) + '<div id="root"></div>', 1
    )
