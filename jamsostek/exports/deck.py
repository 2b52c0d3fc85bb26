"""A 16:9 PowerPoint deck of the charts (python-pptx): a title slide, one slide per chart, the sources."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
import zipfile
from typing import TYPE_CHECKING

from jamsostek import charts, cite, clock, coverage, i18n
from jamsostek.charts.style import BLUE, GREY, INK
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports import files
from jamsostek.labels import area_name, basis_name

if TYPE_CHECKING:
    from pptx.slide import Slide
    from pptx.text.text import TextFrame

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
WIDTH, HEIGHT = 40 / 3, 7.5  # inches: PowerPoint's own 16:9 "Widescreen", 13.33 x 7.5
MARGIN = 0.5
PICTURE_WIDTH = 8.9  # the chart's 16:9 PNG; the takeaway sits in the column beside it
GAP = 0.3
FONT = "Arial"  # on every Windows and Mac and in Google Slides; LibreOffice has its metric twin, Liberation Sans
TITLE_LAYOUT = 5  # the default template's "Title Only": a real title placeholder, so outlines and readers see it
LANGUAGE_IDS = {"id": "INDONESIAN", "en": "ENGLISH_US"}  # spelling checks in the deck's language


Box = tuple[float, float, float, float]  # left, top, width and height in inches


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


def _height(text: str, width: float, size: float, bold: bool = False) -> float:
    """Inches a paragraph of Arial at ``size`` points takes in a box ``width`` inches wide (an estimate).

    python-pptx cannot measure text, and "shrink text on overflow" is only applied by PowerPoint when the text
    is edited; so each box is sized from its words, with Arial's average letter width (half its size, more bold).
    """
    per_line = max(8, int(width * 72 / (size * (0.55 if bold else 0.5))))
    lines = sum(max(1, len(textwrap.wrap(part, per_line))) for part in text.split("\n"))
    return lines * size * 1.2 / 72 + 0.1


def _inches(value: float) -> int:
    return round(value * 914400)


def _style(run, size: float, lang: str, bold: bool = False, color: str = INK) -> None:
    from pptx.dml.color import RGBColor  # python-pptx: only when a deck is made (see deck_file)
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.util import Pt

    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
    run.font.language_id = getattr(MSO_LANGUAGE_ID, LANGUAGE_IDS[lang])


def _frame(shape, box: Box) -> TextFrame:
    """A shape placed on ``box``, its text top-left aligned, wrapped, never auto-resized, without inner margins."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

    shape.left, shape.top, shape.width, shape.height = (_inches(v) for v in box)
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size, frame.vertical_anchor = True, MSO_AUTO_SIZE.NONE, MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    return frame


def _write(frame: TextFrame, paragraphs: list[str], size: float, lang: str, **style) -> None:
    """Each text as its own paragraph of one run, styled, left aligned, a little space between paragraphs."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        if index:
            paragraph.space_before = Pt(size * 0.5)
        run = paragraph.add_run()
        run.text = text
        _style(run, size, lang, **style)


def _text(slide: Slide, box: Box, paragraphs: list[str], size: float, lang: str, **style) -> None:
    _write(_frame(slide.shapes.add_textbox(0, 0, 0, 0), box), paragraphs, size, lang, **style)


def _title(slide: Slide, text: str, size: float, lang: str, top: float = 0.35, color: str = INK) -> float:
    """The slide's title placeholder, across the slide; returns where it ends (inches from the top)."""
    height = _height(text, WIDTH - 2 * MARGIN, size, bold=True)
    box = (MARGIN, top, WIDTH - 2 * MARGIN, height)
    _write(_frame(slide.shapes.title, box), [text], size, lang, bold=True, color=color)
    return top + height


def _notes(slide: Slide, paragraphs: list[str]) -> None:
    slide.notes_slide.notes_text_frame.text = "\n".join(paragraphs)


def _band(slide: Slide) -> None:
    """A blue band across the top of the title slide, the site's colour.

    A filled text box, not a rectangle: a rectangle takes the theme's shadow, which LibreOffice draws even
    when the shape turns effects off.
    """
    from pptx.dml.color import RGBColor

    band = slide.shapes.add_textbox(0, 0, _inches(WIDTH), _inches(0.25))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor.from_string(BLUE.lstrip("#").upper())


def _title_slide(deck, package: DataPackage, lang: str, today: dt.date) -> None:
    """The site, the newest city figure with its base, date and source, the day the deck was made."""
    _ = i18n.gettext(lang)
    newest = coverage.latest(package, with_counts=False)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    _band(slide)
    area = area_name(newest.area, lang)
    end = _title(slide, cite.SITE_NAME, 44, lang, top=1.0, color=BLUE)
    lead = _("Jamsostek coverage in {area}: the charts of the site, ready for slides.").format(area=area)
    _text(slide, (MARGIN, end + 0.1, WIDTH - 2 * MARGIN, 1.0), [lead], 24, lang)
    figure = i18n.percent(newest.coverage_pct, lang)
    _text(slide, (MARGIN, end + 1.1, 3.6, 1.4), [figure], 72, lang, bold=True, color=BLUE)
    base = basis_name(package, newest.basis, lang)
    if newest.workforce is not None:
        base = _("{base}, about {workforce} workers").format(base=base, workforce=i18n.number(newest.workforce, lang))
    publisher = package.source(newest.source_id)["publisher"]
    words = [
        _("The newest coverage figure we found for {area} is {pct}, as of {date}.").format(
            area=area, pct=figure, date=i18n.date(newest.as_of, lang)
        ),
        _("Base: {base}").format(base=base),
        _("Source: {sources}").format(sources=f"{publisher} [{newest.source_id}]"),
    ]
    _text(slide, (MARGIN + 3.8, end + 1.2, WIDTH - 2 * MARGIN - 3.8, 2.6), words, 20, lang)
    footer = [
        _("Made on {date}").format(date=i18n.date(today, lang)),
        _("This site explains Jamsostek; it is not BPJS Ketenagakerjaan."),
    ]
    _text(slide, (MARGIN, HEIGHT - 1.3, WIDTH - 2 * MARGIN, 0.9), footer, 16, lang, color=GREY)


def _chart_slide(deck, package: DataPackage, chart_id: str, lang: str) -> None:
    """Title, the 16:9 slide PNG (the same file as every PNG export), the takeaway beside it, the source below."""
    _ = i18n.gettext(lang)
    view = files.chart_view(package, chart_id, lang)
    parts = charts.REGISTRY[chart_id].data(package, lang)  # the chart's notes (caveats) are not in its view
    source = charts.source_line(package, parts, lang)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    top = _title(slide, view.title, 30, lang) + 0.15
    source_height = _height(source, WIDTH - 2 * MARGIN, 14)
    bottom = HEIGHT - 0.3 - source_height
    width = min(PICTURE_WIDTH, (bottom - 0.15 - top) * 16 / 9)
    png = files.chart_file(package, chart_id, lang, "png", files.SLIDE)
    picture = slide.shapes.add_picture(io.BytesIO(png), _inches(MARGIN), _inches(top), width=_inches(width))
    picture.name = view.title
    picture._element.nvPicPr.cNvPr.set("descr", view.alt_text)  # alt text: python-pptx has no setter for it
    _column(slide, (MARGIN + width + GAP, top + 0.1, WIDTH - 2 * MARGIN - width - GAP, bottom - top), view, parts, lang)
    _text(slide, (MARGIN, bottom, WIDTH - 2 * MARGIN, source_height), [source], 14, lang, color=GREY)
    caveats = [_("Caveats:"), *(f"– {note}" for note in parts.notes)] if parts.notes else []
    _notes(slide, [view.takeaway, *caveats, source])


def _column(slide: Slide, box: Box, view: charts.ChartView, parts, lang: str) -> None:
    """The takeaway beside the chart, and under it the chart's caveats when they fit (they are in the notes too)."""
    left, top, width, height = box
    takeaway = _height(view.takeaway, width, 20)
    _text(slide, (left, top, width, takeaway), [view.takeaway], 20, lang)
    caveats = _height("\n".join(parts.notes), width, 14) + 0.1 * len(parts.notes)
    if parts.notes and takeaway + 0.25 + caveats <= height:
        _text(slide, (left, top + takeaway + 0.25, width, caveats), list(parts.notes), 14, lang, color=GREY)


def _source_paragraph(frame: TextFrame, package: DataPackage, source_id: str, lang: str, first: bool) -> None:
    """``[id] Publisher, "Title", date, URL (accessed date)``, the address a real hyperlink."""
    from pptx.util import Pt

    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
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
            _style(run, 14, lang, bold=bold, color=BLUE if address else INK)
            if address:
                run.hyperlink.address = address


def _source_slides(deck, package: DataPackage, source_ids: list[str], lang: str) -> None:
    """Every source named in the deck with its link; another slide when they would not fit on one."""
    _ = i18n.gettext(lang)
    width, pages, page, used = WIDTH - 2 * MARGIN, [], [], 0.0
    for source_id in source_ids:
        height = _height(f"[{source_id}] " + cite.source_reference(package, source_id, lang), width, 14) + 0.125
        if page and used + height > HEIGHT - 1.6:
            pages, page, used = [*pages, page], [], 0.0
        page, used = [*page, source_id], used + height
    for number, ids in enumerate([*pages, page], start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
        title = _("Sources") if number == 1 else _("Sources (continued)")
        top = _title(slide, title, 30, lang) + 0.2
        frame = _frame(slide.shapes.add_textbox(0, 0, 0, 0), (MARGIN, top, width, HEIGHT - top - 0.4))
        for index, source_id in enumerate(ids):
            _source_paragraph(frame, package, source_id, lang, first=index == 0)


def _widen(deck) -> None:
    """Stretch the template's 4:3 layouts across the 16:9 slide, so a slide the official adds is laid out right.

    Layouts first: their placeholders read their place from the master until they get their own.
    """
    scale = WIDTH / 10  # python-pptx's template is 10 inches wide
    for shapes in [*(layout.placeholders for layout in deck.slide_layouts), deck.slide_master.placeholders]:
        for shape in shapes:
            left, top, width, height = shape.left, shape.top, shape.width, shape.height
            shape.left, shape.top, shape.width, shape.height = round(left * scale), top, round(width * scale), height


def _properties(deck, lang: str, today: dt.date) -> None:
    """Fixed document properties: python-pptx would stamp the time of the build, and the template its author."""
    _ = i18n.gettext(lang)
    props = deck.core_properties
    props.title = props.subject = _("Jamsostek coverage in {area}: the charts of the site, ready for slides.").format(
        area=area_name(coverage.CITY, lang)
    )
    props.author = props.last_modified_by = cite.SITE_NAME
    props.comments, props.keywords, props.category, props.language = "", "", "", lang
    props.revision = 1
    props.created = props.modified = props.last_printed = dt.datetime.combine(today, dt.time())


def _stable_zip(content: bytes, today: dt.date) -> bytes:
    """The same ZIP with every entry dated ``today`` at midnight: python-pptx stamps each entry with the clock.

    The entries keep python-pptx's permissions (0600), and name Unix as their maker wherever the deck is built.
    """
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(today.year, today.month, today.day, 0, 0, 0))
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o600 << 16, 3
            archive.writestr(info, source.read(entry.filename))
    return out.getvalue()


@per_package(maxsize=8)
def _deck(package: DataPackage, lang: str, chart_ids: tuple[str, ...], today: dt.date) -> bytes:
    from pptx import Presentation  # python-pptx (with lxml): only when a deck is made, not for every page run

    deck = Presentation()
    _widen(deck)
    deck.slide_width, deck.slide_height = _inches(WIDTH), _inches(HEIGHT)
    _title_slide(deck, package, lang, today)
    source_ids = [coverage.latest(package, with_counts=False).source_id]
    for chart_id in chart_ids:
        _chart_slide(deck, package, chart_id, lang)
        source_ids += files.chart_view(package, chart_id, lang).source_ids
    _source_slides(deck, package, list(dict.fromkeys(source_ids)), lang)
    _properties(deck, lang, today)
    buffer = io.BytesIO()
    deck.save(buffer)
    return _stable_zip(buffer.getvalue(), today)


def deck_file(
    package: DataPackage, lang: str, chart_ids: tuple[str, ...] = charts.CHART_IDS, today: dt.date | None = None
) -> bytes:
    """The deck as .pptx bytes: the same bytes for the same data, language, charts and day.

    Cached per package content, language, chart list and day (the title slide names the day it was made).
    Raises ExportError for an unknown chart id or an unknown language.
    """
    chart_ids = parse_charts(",".join(chart_ids))
    if lang not in i18n.LANGUAGES:
        raise files.ExportError(f"unknown language {lang!r}; use one of {', '.join(i18n.LANGUAGES)}")
    return _deck(package, lang, chart_ids, today or clock.today())
