"""Drawing on python-pptx slides for the deck: sizes, boxes of styled text, titles, notes, layouts, stable bytes.

python-pptx (with lxml) is imported inside each function: only when a deck is made, not on every page run.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from typing import TYPE_CHECKING

from jamsostek.charts.style import BLUE, INK

if TYPE_CHECKING:
    import datetime as dt

    from pptx.slide import Slide
    from pptx.text.text import TextFrame, _Run

WIDTH, HEIGHT = 40 / 3, 7.5  # inches: PowerPoint's own 16:9 "Widescreen", 13.33 x 7.5
MARGIN = 0.5
FONT = "Arial"  # on every Windows and Mac and in Google Slides; LibreOffice has its metric twin, Liberation Sans
TITLE_LAYOUT = 5  # the default template's "Title Only": a real title placeholder, so outlines and readers see it
LANGUAGE_IDS = {"id": "INDONESIAN", "en": "ENGLISH_US"}  # spelling checks in the deck's language

Box = tuple[float, float, float, float]  # left, top, width and height in inches
Run = tuple[str, float]  # a piece of a paragraph and its size in points


def lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines a text of Arial at ``size`` points takes in a box ``width`` inches wide (an estimate).

    python-pptx cannot measure text, and "shrink text on overflow" is only applied by PowerPoint when the text
    is edited; so each box is sized from its words, with Arial's average letter width (half its size, more bold).
    A word longer than a line (a source's address) starts a line of its own and is broken where the line ends,
    as PowerPoint and LibreOffice do.
    """
    per_line = max(8, int(width * 72 / (size * (0.55 if bold else 0.5))))
    wrapped = [
        line for part in text.split("\n") for line in textwrap.wrap(part, per_line, break_long_words=False) or [""]
    ]
    return sum(-(-len(line) // per_line) or 1 for line in wrapped)


def height(text: str, width: float, size: float, bold: bool = False) -> float:
    """Inches a text box of ``text`` takes (see ``lines``), with a little room to spare."""
    return lines(text, width, size, bold) * size * 1.2 / 72 + 0.1


def inches(value: float) -> int:
    return round(value * 914400)


def style(run: _Run, size: float, lang: str, bold: bool = False, color: str = INK) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.util import Pt

    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
    run.font.language_id = getattr(MSO_LANGUAGE_ID, LANGUAGE_IDS[lang])


def frame(shape, box: Box) -> TextFrame:
    """A shape placed on ``box``, its text top-left aligned, wrapped, never auto-resized, without inner margins."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

    shape.left, shape.top, shape.width, shape.height = (inches(v) for v in box)
    text_frame = shape.text_frame
    text_frame.word_wrap, text_frame.auto_size = True, MSO_AUTO_SIZE.NONE
    text_frame.vertical_anchor = MSO_ANCHOR.TOP
    text_frame.margin_left = text_frame.margin_right = text_frame.margin_top = text_frame.margin_bottom = 0
    return text_frame


def write(
    text_frame: TextFrame, paragraphs: list[str | list[Run]], size: float, lang: str, before: float = 0.5, **how
) -> None:
    """Each paragraph left aligned, after what the frame holds, ``before`` times its size in points above it.

    A paragraph is a text, or runs of other sizes (``[("sekitar ", 36), ("44%", 80)]``: one line, one baseline,
    as the share card sets "about" before its figure). Texts of different sizes and colours share one frame, so
    each follows the one before whatever the number of lines it wraps to.
    """
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    for parts in paragraphs:
        first = not text_frame.paragraphs[-1].runs and len(text_frame.paragraphs) == 1  # a new frame's empty one
        paragraph = text_frame.paragraphs[0] if first else text_frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        if not first:
            paragraph.space_before = Pt(size * before)
        for words, points in [(parts, size)] if isinstance(parts, str) else parts:
            run = paragraph.add_run()
            run.text = words
            style(run, points, lang, **how)


def text(slide: Slide, box: Box, paragraphs: list[str | list[Run]], size: float, lang: str, **how) -> None:
    """A text box on ``box`` (see ``write``)."""
    write(frame(slide.shapes.add_textbox(0, 0, 0, 0), box), paragraphs, size, lang, **how)


def title(slide: Slide, words: str, size: float, lang: str, top: float = 0.35, color: str = INK) -> float:
    """The slide's title placeholder, across the slide; returns where it ends (inches from the top)."""
    tall = height(words, WIDTH - 2 * MARGIN, size, bold=True)
    box = (MARGIN, top, WIDTH - 2 * MARGIN, tall)
    write(frame(slide.shapes.title, box), [words], size, lang, bold=True, color=color)
    return top + tall


def notes(slide: Slide, paragraphs: list[str]) -> None:
    slide.notes_slide.notes_text_frame.text = "\n".join(paragraphs)


def band(slide: Slide) -> None:
    """A blue band across the top of the title slide, the site's colour.

    A filled text box, not a rectangle: a rectangle takes the theme's shadow, which LibreOffice draws even
    when the shape turns effects off.
    """
    from pptx.dml.color import RGBColor

    shape = slide.shapes.add_textbox(0, 0, inches(WIDTH), inches(0.25))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(BLUE.lstrip("#").upper())


def widen(deck) -> None:
    """Stretch the template's 4:3 layouts across the 16:9 slide, so a slide the official adds is laid out right.

    Layouts first: their placeholders read their place from the master until they get their own.
    """
    scale = WIDTH / 10  # python-pptx's template is 10 inches wide
    for shapes in [*(layout.placeholders for layout in deck.slide_layouts), deck.slide_master.placeholders]:
        for shape in shapes:
            left, top, width, tall = shape.left, shape.top, shape.width, shape.height
            shape.left, shape.top, shape.width, shape.height = round(left * scale), top, round(width * scale), tall
    deck.slide_width, deck.slide_height = inches(WIDTH), inches(HEIGHT)


def stable_zip(content: bytes, today: dt.date) -> bytes:
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
