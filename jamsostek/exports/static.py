"""The light version: ``build-static`` writes plain HTML pages from the same content, data and charts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from jamsostek import catalog, charts, cite, clock, content, coverage, i18n, rules, timeline
from jamsostek.check import outcome
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports.files import chart_csv
from jamsostek.exports.published import package_files
from jamsostek.figures import figures, format_figure
from jamsostek.i18n import N_
from jamsostek.labels import SECTOR_NAMES, WORK_NAMES, name
from jamsostek.settings import TEMPLATES_DIR
from jamsostek.site import PAGES, Page

ICON = re.compile(r":material/[a-z0-9_]+:\s*")
BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
SMALL = re.compile(r":small\[(.*?)\]")  # Streamlit's small print; the light version writes <small>
# Declared incomes in the cost table, as multiples of the lowest level (a presentation choice, not a rule).
INCOME_MULTIPLES = (1, 1.5, 2, 3, 5)
LIGHT_PAGES: tuple[Page, ...] = tuple(page for page in PAGES if page.light)
COST_TABLE = N_("Cost table")  # the light twin of the check: a table instead of questions
COST_SUMMARY = N_("What you pay per month this month, by work and income.")
# One kind of work per discount sector, to say each sector's discount under the table.
SECTOR_EXAMPLES = {"transport": rules.TRANSPORT_EXAMPLE, "other": "umkm"}


def light_title(page: Page) -> str:
    """The message id of a light page's title in the menu."""
    return COST_TABLE if page.key == "check" else page.title


def markdown() -> MarkdownIt:
    """CommonMark with tables, raw HTML off: the same rules the app's Markdown follows."""
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])


def render_markdown(text: str) -> str:
    """Markdown to HTML; Streamlit-only icon codes are dropped, its ``:small[...]`` becomes ``<small>``."""
    return SMALL.sub(r"<small>\1</small>", markdown().render(ICON.sub("", text)))


def cost_table(package: DataPackage, on: dt.date, lang: str) -> dict:
    """The build month's cost for each kind of work at several incomes, with and without JHT, as the check says it.

    Cells and discount sentences come from the check's own helpers (``check.outcome``): the same rules, the
    same estimate marks and the same words for the discount, for the contribution month of ``on``.
    """
    low = rules.lowest_income(package)
    incomes = [round(low * m) for m in INCOME_MULTIPLES]
    rows = []
    for work in rules.WORK_KINDS:
        cells = []
        for income in incomes:
            core = rules.quote(package, rules.Question(work, income, rules.CORE_PROGRAMMES, on))
            full = rules.quote(package, rules.Question(work, income, frozenset(rules.PROGRAMMES), on))
            cells.append(
                {
                    "core": outcome.total_value(core, package, lang) if core.eligible else "",
                    "full": outcome.total_value(full, package, lang) if full.eligible else "",
                    "discounted": core.discount_reason == "applied",
                }
            )
        employee = not rules.quote(package, rules.Question(work, low, rules.CORE_PROGRAMMES, on)).eligible
        rows.append({"work": name(WORK_NAMES, work, lang), "cells": cells, "employee": employee})
    discounts, source_ids = [], []
    for sector, work in SECTOR_EXAMPLES.items():
        quote = rules.quote(package, rules.Question(work, low, frozenset(rules.PROGRAMMES), on))
        text = outcome.discount_text(quote, package, lang)
        discounts.append({"sector": name(SECTOR_NAMES, sector, lang), "html": render_markdown(text)})
        named = [quote.discount] if quote.discount else rules.discount_periods(package, work)  # as the text names them
        source_ids += [line.source_id for line in quote.lines] + [row["source_id"] for row in named]
    return {
        "month": i18n.month(on, lang),
        "incomes": [i18n.money(i, lang) for i in incomes],
        "rows": rows,
        "discounts": discounts,
        "source_ids": list(dict.fromkeys(source_ids)),
    }


def chart_block(package: DataPackage, chart_id: str, lang: str, width: int = 640, today: dt.date | None = None) -> dict:
    """One coverage chart as inline SVG with its takeaway, alt text, numbers and CSV link (light and first HTML).

    Built once per package, chart, language, width and day: one build draws the same chart for the coverage
    page, the share and embed pages and the light version (52 drawings, 20 of them different).
    """
    return dict(_chart_block(package, chart_id, lang, width, today or clock.today()))


@per_package(maxsize=64)
def _chart_block(package: DataPackage, chart_id: str, lang: str, width: int, today: dt.date) -> dict:
    import vl_convert  # heavy: only when the light version is built

    view = charts.view(chart_id, package, lang, width=width, today=today)
    table = view.table(lang)
    svg = vl_convert.vegalite_to_svg(charts.to_spec(view.chart))
    svg = re.sub(r"<svg ", f'<svg role="img" aria-label="{_attr(view.alt_text)}" ', svg, count=1)
    svg = svg.translate(BRACES)  # vl-convert writes no braces of its own: any are text from the data
    return {
        "id": chart_id,
        "title": view.title,
        "takeaway": view.takeaway,
        "svg": svg,
        "columns": list(table.columns),
        "rows": table.values.tolist(),
        "csv": f"../charts/{chart_id}-{lang}.csv",
    }


def chart_blocks(package: DataPackage, lang: str, today: dt.date | None = None) -> list[dict]:
    """Every coverage chart as inline SVG with its takeaway, alt text and numbers, as of the build date."""
    return [chart_block(package, chart_id, lang, today=today) for chart_id in charts.CHART_IDS]


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def literal_braces(value: object) -> object:
    """Text from the data, HTML-escaped, its braces written as character references (a browser shows the same).

    So a ``{{`` in a source title is text, and ``verify`` can still read any ``{{`` in a page as a
    placeholder our own content or templates left unfilled. Markup (our rendered prose) is left alone.
    """
    if isinstance(value, str) and not isinstance(value, Markup) and ("{" in value or "}" in value):
        return Markup(str(escape(value)).translate(BRACES))
    return value


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]), finalize=literal_braces
    )
    env.trim_blocks = env.lstrip_blocks = True
    return env


def source_rows(package: DataPackage, ids: list[str] | tuple[str, ...], lang: str) -> list[dict]:
    """Each source as a page lists it: id, publisher, title, URL and its date in the page's language ("" if none)."""
    out = []
    for source_id in ids:
        src = package.source(source_id)
        when = i18n.partial_date(src["published"], lang)
        out.append(
            {"id": source_id, "publisher": src["publisher"], "title": src["title"], "url": src["url"], "when": when}
        )
    return out


def _skipped_sections(package: DataPackage, page: Page, today: dt.date) -> frozenset[str]:
    """Sections the app shows only on some dates: the same choice, made for the build date (never the live screen)."""
    return timeline.hidden_sections(package, page.content, today)


def _page_sources(package: DataPackage, page: Page, lang: str, today: dt.date, skip: frozenset[str]) -> list[str]:
    """The sources of the figures a light page shows: its prose's, and for /cakupan every chart's row as well."""
    figs = figures(package, today)
    loaded = content.load_page(page.content, lang)
    texts = [loaded.title, loaded.summary] + [t for k, t in loaded.sections.items() if k not in skip]
    used = dict.fromkeys(p for text in texts for p in content.PLACEHOLDER.findall(text))
    ids = [s for p in used for s in figs[p].sources]
    if page.key == "coverage":
        ids += coverage.source_ids(package)
    return list(dict.fromkeys(ids))


def _figure_table(package: DataPackage, lang: str) -> dict:
    """Every figure and rule the site states (the app's /data table), for the light data page."""
    _ = i18n.gettext(lang)
    columns = ["figure", "value", "as_of", "base", "caveat", "source"]
    frame = catalog.figure_table(package, lang)[columns]
    return {"columns": [_(catalog.FIGURE_COLUMNS[c]) for c in columns], "rows": frame.values.tolist()}


def page_context(package: DataPackage, page: Page, lang: str, today: dt.date, base_url: str) -> dict:
    """Everything one light page's template needs."""
    _ = i18n.gettext(lang)
    figs = figures(package, today)
    values = {name: format_figure(fig, lang) for name, fig in figs.items()}
    context = {"page": page, "sections": {}, "charts": [], "costs": None, "observations": None}
    if page.key != "check":
        filled = content.filled_page(page.content, lang, values)
        context.update(title=filled.title, summary=filled.summary)
        skip = _skipped_sections(package, page, today)
        context["sections"] = {k: render_markdown(v) for k, v in filled.sections.items() if k not in skip}
        source_ids = _page_sources(package, page, lang, today, skip)
    else:
        context.update(title=_(COST_TABLE), summary=_(COST_SUMMARY))
        context["costs"] = cost_table(package, today, lang)
        estimate = content.filled_page(page.content, lang, values).sections["estimate"]  # the check's own caveat
        context["costs"]["estimate"] = render_markdown(estimate)
        source_ids = context["costs"]["source_ids"]
    if page.key == "coverage":
        context["charts"] = chart_blocks(package, lang, today)
    if page.key == "data":
        context["observations"] = _figure_table(package, lang)
        source_ids = list(package.sources["id"])
    context.update(
        sources=source_rows(package, source_ids, lang),
        values=values,
        data_as_of=cite.data_as_of_line(package, lang),  # when the package was last checked against its sources
        built=i18n.date(today, lang),
        app_url=f"{base_url.rstrip('/')}/{page.path}?lang={lang}",
    )
    return context


def _render_site(package: DataPackage, out: Path, today: dt.date, base_url: str) -> None:
    env = _environment()
    for lang in i18n.LANGUAGES:
        (out / lang).mkdir(parents=True)
        for page in LIGHT_PAGES:
            context = page_context(package, page, lang, today, base_url)
            other = [x for x in i18n.LANGUAGES if x != lang][0]
            html = env.get_template("page.html").render(
                **context,
                lang=lang,
                other=other,
                other_name=i18n.LANGUAGE_NAMES[other],
                pages=LIGHT_PAGES,
                light_title=light_title,
                _=i18n.gettext(lang),
            )
            (out / lang / f"{page.light}.html").write_text(html, encoding="utf-8")
    index = env.get_template("index.html").render(languages=i18n.LANGUAGE_NAMES, _=i18n.gettext("id"))
    (out / "index.html").write_text(index, encoding="utf-8")
    (out / "style.css").write_text((TEMPLATES_DIR / "style.css").read_text(encoding="utf-8"), encoding="utf-8")


def _copy_downloads(package: DataPackage, out: Path, today: dt.date) -> None:
    """The package's own files (``published.package_files``: nothing else a live source sent) and each chart's CSV."""
    (out / "data").mkdir()
    for file_name, raw in package_files(package).items():
        (out / "data" / file_name).write_bytes(raw)
    (out / "charts").mkdir()
    for lang in i18n.LANGUAGES:
        for chart_id in charts.CHART_IDS:
            (out / "charts" / f"{chart_id}-{lang}.csv").write_bytes(chart_csv(package, chart_id, lang, today))


class BuildError(RuntimeError):
    """The built site failed its own checks; the published copy was not replaced."""


HREF = re.compile(r'(?:href|src)="([^"#:]+)(?:#[^"]*)?"')


def verify(site: Path) -> list[str]:
    """Problems with a built site: a missing page, an unfilled placeholder, a link to a missing file."""
    problems = []
    for lang in i18n.LANGUAGES:
        for page in LIGHT_PAGES:
            if not (site / lang / f"{page.light}.html").is_file():
                problems.append(f"{lang}/{page.light}.html is missing")
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "{{" in text or "}}" in text:
            problems.append(f"{path.relative_to(site)}: an unfilled placeholder")
        for link in HREF.findall(text):
            if link.startswith("/"):
                continue  # the interactive app on the same host, not part of this folder
            if not (path.parent / link.split("?")[0]).exists():
                problems.append(f"{path.relative_to(site)}: link to missing {link}")
    return problems


def build(out_dir: Path | str, package: DataPackage, base_url: str = "/", today: dt.date | None = None) -> Path:
    """Write the light site into ``out_dir``, replacing it only once the whole build succeeded."""
    out_dir = Path(out_dir)
    today = today or clock.today()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir.parent))
    try:
        _render_site(package, staging / "site", today, base_url)
        _copy_downloads(package, staging / "site", today)
        problems = verify(staging / "site")
        if problems:
            raise BuildError("; ".join(problems))
        if out_dir.exists():
            old = staging / "old"
            out_dir.rename(old)
        (staging / "site").rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir
