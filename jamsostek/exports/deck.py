"""A 16:9 PowerPoint deck of the charts (python-pptx): a title slide, one slide per chart, the sources.

The deck says what the site says on the day it is made: the title slide in the share card's words
(``card.card_lines``), each chart slide in its chart view's words and its exported PNG, all for one ``today``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING

from jamsostek import charts, cite, clock, coverage, i18n
from jamsostek.charts.style import BLUE, GREY, INK
from jamsostek.data import AREAS, DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports import card, files, slides
from jamsostek.exports.slides import HEIGHT, MARGIN, TITLE_LAYOUT, WIDTH, Box
from jamsostek.labels import area_name

if TYPE_CHECKING:
    from pptx.slide import Slide
    from pptx.text.text import TextFrame

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PICTURE_WIDTH = 8.9  # the chart's 16:9 PNG; the takeaway sits in the column beside it
GAP = 0.3
FIGURE_COLUMN = 4.2  # the title slide's big figure ("sekitar 44%"); its words stand beside it
REPEAT = 0.75  # a note is a repeat of the takeaway when the takeaway has this share of its words


def parse_charts(text: str | None) -> tuple[str, ...]:
    """``"progress,history"`` as chart ids in that order (all charts when empty); ExportError for an unknown id."""
    if text is None:
        return charts.CHART_IDS
    asked = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [chart_id for chart_id in asked if chart_id not in charts.CHART_IDS]
    if unknown or not asked:
        named = f"unknown chart {unknown[0]!r}" if unknown else "no chart given"
        raise files.ExportError(f"{named}; the charts are: {', '.join(charts.CHART_IDS)}")
    return asked


def _lead(lang: str) -> str:
    _ = i18n.gettext(lang)
    area = area_name(coverage.CITY, lang)
    return _("Jamsostek coverage in {area}: the charts of the site, ready for slides.").format(area=area)


def _title_slide(deck, package: DataPackage, lang: str, today: dt.date) -> tuple[str, ...]:
    """The site; the city's newest figure in the share card's words; the day the deck was made.

    The card names the figure as the newest found, "about" when its source rounds it, its base, its date at
    the source's precision, its age on the day it was made (a file travels: not "ago"), that no newer figure
    was published, the newest target with its caveat, and the sources of both. Returns those sources' ids.
    """
    _ = i18n.gettext(lang)
    words = card.card_lines(package, lang, today)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    slides.band(slide)
    end = slides.title(slide, cite.SITE_NAME, 44, lang, top=0.7, color=BLUE)
    lead = _lead(lang)
    top = end + 0.1 + slides.height(lead, WIDTH - 2 * MARGIN, 24)
    slides.text(slide, (MARGIN, end + 0.1, WIDTH - 2 * MARGIN, top - end - 0.1), [lead], 24, lang)
    kicker = slides.height(words["kicker"], WIDTH - 2 * MARGIN, 20, bold=True)
    slides.text(slide, (MARGIN, top + 0.25, WIDTH - 2 * MARGIN, kicker), [words["kicker"]], 20, lang, bold=True)
    top += 0.25 + kicker + 0.1
    figure = [(f"{words['prefix']} ", 36)] if words["prefix"] else []
    figure.append((words["headline"], 80))
    slides.text(slide, (MARGIN, top, FIGURE_COLUMN, 1.5), [figure], 80, lang, bold=True, color=BLUE)
    left = MARGIN + FIGURE_COLUMN + GAP
    _stack(slide, (left, top + 0.15, WIDTH - MARGIN - left, HEIGHT - 1.4 - top), words, lang)
    footer = [
        _("Made on {date}").format(date=i18n.date(today, lang)),
        _("This site explains Jamsostek; it is not BPJS Ketenagakerjaan."),
    ]
    slides.text(slide, (MARGIN, HEIGHT - 1.1, WIDTH - 2 * MARGIN, 0.8), footer, 16, lang, color=GREY)
    obs, target = coverage.newest(package), coverage.newest_target(package)  # the card's figure and target
    return tuple(dict.fromkeys([obs.source_id, *([target.source_id] if target else [])]))


def _stack(slide: Slide, box: Box, words: dict, lang: str) -> None:
    """The card's sentence, its note and its source line, one under the other in ``box``; smaller when long."""
    texts = [str(words["sub"]), str(words["note"]), str(words["source"])]
    for sizes in ((20, 18, 14), (16, 14, 12)):
        if sum(slides.height(text, box[2], size) for text, size in zip(texts, sizes, strict=True)) <= box[3]:
            break
    text_frame = slides.frame(slide.shapes.add_textbox(0, 0, 0, 0), box)
    for text, size, color in zip(texts, sizes, (INK, INK, GREY), strict=True):
        slides.write(text_frame, [text], size, lang, before=0.8, color=color)


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[^\w%]+", text.lower()) if word]


def caveats(takeaway: str, notes: tuple[str, ...]) -> list[str]:
    """The chart's notes that the takeaway beside them does not already say.

    A chart's picture carries no takeaway, so its notes restate it with a date instead of "ago" ("18 months
    before 29 November 2026"); beside the takeaway, a note most of whose words it already uses is a repeat.
    """
    said = set(_words(takeaway))
    return [note for note in notes if sum(word in said for word in _words(note)) < REPEAT * len(_words(note))]


def _chart_slide(deck, package: DataPackage, chart_id: str, lang: str, today: dt.date) -> tuple[str, ...]:
    """Title, the 16:9 slide PNG (the same file as every PNG export), the takeaway beside it, the source below.

    Everything for the deck's ``today``; the source line is the one baked into the picture. Returns the
    sources the slide cites.
    """
    _ = i18n.gettext(lang)
    view = files.chart_view(package, chart_id, lang, today=today)
    parts = charts.REGISTRY[chart_id].data(package, lang, today)  # the chart's notes (caveats) are not in its view
    source = charts.source_line(package, parts, lang)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    top = slides.title(slide, view.title, 30, lang) + 0.15
    source_height = slides.height(source, WIDTH - 2 * MARGIN, 14)
    bottom = HEIGHT - 0.3 - source_height
    width = min(PICTURE_WIDTH, (bottom - 0.15 - top) * 16 / 9)
    png = files.chart_file(package, chart_id, lang, "png", files.SLIDE, today=today)
    picture = slide.shapes.add_picture(io.BytesIO(png), slides.inches(MARGIN), slides.inches(top), slides.inches(width))
    picture.name = view.title
    picture._element.nvPicPr.cNvPr.set("descr", view.alt_text)  # alt text: python-pptx has no setter for it
    told = caveats(view.takeaway, parts.notes)
    column = (MARGIN + width + GAP, top + 0.1, WIDTH - 2 * MARGIN - width - GAP, bottom - top - 0.25)
    _column(slide, column, view.takeaway, told, lang)
    slides.text(slide, (MARGIN, bottom, WIDTH - 2 * MARGIN, source_height), [source], 14, lang, color=GREY)
    slides.notes(slide, [view.takeaway, *([_("Caveats:")] if told else []), *(f"– {note}" for note in told), source])
    return view.source_ids


def _column(slide: Slide, box: Box, takeaway: str, notes: list[str], lang: str) -> None:
    """The takeaway beside the chart, and under it the chart's caveats when they fit (they are in the notes too).

    The takeaway is set a little smaller (18 points, not 20) when that makes room for the caveats.
    """
    width, tall = box[2], box[3]
    more = slides.height("\n".join(notes), width, 14) + 0.1 * len(notes) if notes else 0.0
    fits = [size for size in (20, 18) if notes and slides.height(takeaway, width, size) + 0.25 + more <= tall]
    text_frame = slides.frame(slide.shapes.add_textbox(0, 0, 0, 0), box)
    slides.write(text_frame, [takeaway], fits[0] if fits else 20, lang)
    if fits:
        slides.write(text_frame, notes[:1], 14, lang, before=1.5, color=GREY)
        slides.write(text_frame, notes[1:], 14, lang, color=GREY)


def corroborated(package: DataPackage, source_ids: list[str]) -> list[str]:
    """Each source followed by those that corroborate the coverage figures and targets it is the source of.

    The charts name a row's own source; the pages also list its corroborating sources (corroborations.csv),
    and so does the deck's list of sources.
    """
    rows = [(o.source_id, package.also("coverage", o.item)) for a in AREAS for o in coverage.observations(package, a)]
    rows += [(t.source_id, package.also("targets", t.id)) for a in AREAS for t in coverage.targets(package, a)]
    found = [
        s for source_id in source_ids for s in (source_id, *(x for own, also in rows if own == source_id for x in also))
    ]
    return list(dict.fromkeys(found))


def _source_paragraph(text_frame: TextFrame, package: DataPackage, source_id: str, lang: str, first: bool) -> None:
    """``[id] Publisher, "Title", date, URL (accessed date)``, the address a real hyperlink."""
    from pptx.util import Pt  # python-pptx: only when a deck is made

    paragraph = text_frame.paragraphs[0] if first else text_frame.add_paragraph()
    if not first:
        paragraph.space_before = Pt(9)
    reference, url = cite.source_reference(package, source_id, lang), package.source(source_id).get("url") or ""
    before, link, after = reference.partition(url) if url else (reference, "", "")
    for text, bold, address in [
        (f"[{source_id}] ", True, ""),
        (before, False, ""),
        (link, False, link),
        (after, False, ""),
    ]:
        if text:
            run = paragraph.add_run()
            run.text = text
            slides.style(run, 14, lang, bold=bold, color=BLUE if address else INK)
            if address:
                run.hyperlink.address = address


def _split(items: list[str], heights: list[float], limit: float) -> list[list[str]]:
    """The items in order, a new page whenever the next would take the page past ``limit`` inches."""
    pages, used = [[]], 0.0
    for item, tall in zip(items, heights, strict=True):
        if pages[-1] and used + tall > limit:
            pages, used = [*pages, []], 0.0
        pages[-1], used = [*pages[-1], item], used + tall
    return pages


def _pages(items: list[str], heights: list[float], capacity: float) -> list[list[str]]:
    """As few pages as the items need, the fullest as empty as it can be (not two full pages and one nearly empty).

    The smallest page limit that still needs no more pages, found in steps of 0.05 inch from the average.
    """
    count = len(_split(items, heights, capacity))
    limit = sum(heights) / count
    while limit < capacity and len(_split(items, heights, limit)) > count:
        limit += 0.05
    return _split(items, heights, min(limit, capacity))


def _source_slides(deck, package: DataPackage, source_ids: list[str], lang: str) -> None:
    """Every source named in the deck with its link; another slide when they would not fit on one."""
    _ = i18n.gettext(lang)
    width = WIDTH - 2 * MARGIN
    references = [f"[{source_id}] " + cite.source_reference(package, source_id, lang) for source_id in source_ids]
    tall = [slides.lines(text, width, 14) * 14 * 1.2 / 72 + 0.125 for text in references]  # 9 points between
    for number, ids in enumerate(_pages(source_ids, tall, HEIGHT - 1.6), start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
        top = slides.title(slide, _("Sources") if number == 1 else _("Sources (continued)"), 30, lang) + 0.2
        text_frame = slides.frame(slide.shapes.add_textbox(0, 0, 0, 0), (MARGIN, top, width, HEIGHT - top - 0.4))
        for index, source_id in enumerate(ids):
            _source_paragraph(text_frame, package, source_id, lang, first=index == 0)


def _properties(deck, lang: str, today: dt.date) -> None:
    """Fixed document properties: python-pptx would stamp the time of the build, and the template its author."""
    props = deck.core_properties
    props.title = props.subject = _lead(lang)
    props.author = props.last_modified_by = cite.SITE_NAME
    props.comments, props.keywords, props.category, props.language = "", "", "", lang
    props.revision = 1
    props.created = props.modified = props.last_printed = dt.datetime.combine(today, dt.time())


@per_package(maxsize=8)
def _deck(package: DataPackage, lang: str, chart_ids: tuple[str, ...], today: dt.date) -> bytes:
    from pptx import Presentation  # python-pptx (with lxml): only when a deck is made, not for every page run

    deck = Presentation()
    slides.widen(deck)
    source_ids = list(_title_slide(deck, package, lang, today))
    for chart_id in chart_ids:
        source_ids += _chart_slide(deck, package, chart_id, lang, today)
    _source_slides(deck, package, corroborated(package, source_ids), lang)
    _properties(deck, lang, today)
    buffer = io.BytesIO()
    deck.save(buffer)
    return slides.stable_zip(buffer.getvalue(), today)


def deck_file(
    package: DataPackage, lang: str, chart_ids: tuple[str, ...] = charts.CHART_IDS, today: dt.date | None = None
) -> bytes:
    """The deck as .pptx bytes: the same bytes for the same data, language, charts and day.

    Cached per package content, language, chart list and day (the title slide names the day it was made, the
    charts the age of their figures). Raises ExportError for an unknown chart id or an unknown language.
    """
    chart_ids = parse_charts(",".join(chart_ids))
    if lang not in i18n.LANGUAGES:
        raise files.ExportError(f"unknown language {lang!r}; use one of {', '.join(i18n.LANGUAGES)}")
    return _deck(package, lang, chart_ids, today or clock.today())
