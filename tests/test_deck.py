"""The PowerPoint deck: 16:9, a title slide, a slide per chart (picture, title, takeaway, source, date, notes),
the sources with real links, in both languages; export-deck; the same bytes from the CLI and from /bagikan."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import time
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu
from streamlit.runtime.media_file_manager import MediaFileManager

from jamsostek import charts, coverage, figures, i18n
from jamsostek.__main__ import main
from jamsostek.exports import card, deck
from jamsostek.exports import files as export
from tests.conftest import SITE_TODAY, run_page
from tests.test_dates import invented_days

LANGS = ("id", "en")
# Words of the deck per language, typed here (not taken from the code) so a wrong language fails.
WORDS = {
    "id": {
        "source": "Sumber: ",
        "as_of": "Angka per ",
        "checked": "data diperiksa ",
        "sources": "Sumber",
        "continued": "Sumber (lanjutan)",
        "caveats": "Catatan penting:",
        "newest": "angka terbaru",
    },
    "en": {
        "source": "Source: ",
        "as_of": "Figures as of ",
        "checked": "data checked ",
        "sources": "Sources",
        "continued": "Sources (continued)",
        "caveats": "Caveats:",
        "newest": "newest figure",
    },
}
DATES = {"id": "22 Mei 2025", "en": "May 22, 2025"}  # the progress chart's data date (its source gives the day)
MID_MONTH = {"id": "pertengahan September 2024", "en": "mid-September 2024"}  # the province's, in the history notes
BASE_CHANGE = {"id": "44% bukan penurunan dari 50%", "en": "44% is not a fall from 50%"}
TARGET_BASE = {"id": "bandingkan dengan hati-hati", "en": "compare with care"}  # the progress chart's caveat


def opened(content: bytes):
    return Presentation(io.BytesIO(content))


def texts(slide) -> list[str]:
    """Every paragraph of every text shape on a slide except its title, in order."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame and shape != slide.shapes.title:
            out += [p.text for p in shape.text_frame.paragraphs if p.text]
    return out


def runs(slide):
    return [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def source_slides(presentation, lang: str) -> list:
    """The sources slides: the last ones, titled "Sources", then "Sources (continued)"; fails otherwise."""
    slides = list(presentation.slides)
    titles = [slide.shapes.title.text for slide in slides]
    first = titles.index(WORDS[lang]["sources"])
    assert titles[first + 1 :] == [WORDS[lang]["continued"]] * (len(titles) - first - 1), titles
    return slides[first:]


def listed(presentation, lang: str) -> list[str]:
    """The source ids the sources slides list, in order (each entry starts with its id in bold)."""
    bold = [run.text for slide in source_slides(presentation, lang) for run in runs(slide) if run.font.bold]
    return [text.strip("[] ") for text in bold if text.startswith("[")]


def cited(text: str) -> list[str]:
    """The source ids a source line names: ``Publisher [S3a]; Publisher [S15a]``."""
    return re.findall(r"\[([A-Za-z0-9-]+)\]", text)


@pytest.fixture(scope="module")
def decks(package) -> dict[str, bytes]:
    return {lang: deck.deck_file(package, lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_deck_is_widescreen_with_title_chart_and_source_slides(package, decks, lang):
    presentation = opened(decks[lang])
    slides = presentation.slides
    assert (presentation.slide_width, presentation.slide_height) == (12192000, 6858000)  # 13.33 x 7.5 in, 16:9
    sources = source_slides(presentation, lang)
    assert len(slides) == 1 + len(charts.CHART_IDS) + len(sources)
    assert slides[0].shapes.title.text == "Jamsostek Jambi"
    titles = [slide.shapes.title.text for slide in slides]
    assert titles[1 : 1 + len(charts.CHART_IDS)] == [
        export.chart_view(package, c, lang).title for c in charts.CHART_IDS
    ]
    assert all(texts(slide) for slide in sources)  # no empty sources slide
    for slide in slides:  # editable text in a font every Windows machine has
        assert all(run.font.name == "Arial" for run in runs(slide))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index, chart_id", list(enumerate(charts.CHART_IDS, start=1)))
def test_chart_slide_has_picture_title_takeaway_source_and_date(package, decks, lang, index, chart_id):
    slide = opened(decks[lang]).slides[index]
    view = export.chart_view(package, chart_id, lang)
    assert slide.shapes.title.text == view.title
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    picture = pictures[0]
    assert picture.image.content_type == "image/png"
    assert picture.image.blob == export.chart_file(package, chart_id, lang, "png", export.SLIDE)
    width, height = export.png_size(picture.image.blob)
    assert width / Emu(picture.width).inches >= 200  # sharp: at least 200 pixels per inch as placed
    assert abs(picture.width / picture.height - width / height) < 0.01  # never stretched
    assert picture._element.nvPicPr.cNvPr.get("descr") == view.alt_text
    words = texts(slide)
    assert view.takeaway in words
    source = next(text for text in words if text.startswith(WORDS[lang]["source"]))
    assert source == charts.source_line(package, charts.REGISTRY[chart_id].data(package, lang, SITE_TODAY), lang)
    assert WORDS[lang]["as_of"] + i18n.when(view.as_of, view.as_of_precision, lang) in source
    assert source.endswith(WORDS[lang]["checked"] + i18n.date(package.as_of, lang))
    for source_id in view.source_ids:
        assert f"{package.source(source_id)['publisher']} [{source_id}]" in source


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_numbers_follow_the_language(decks, lang):
    slide = opened(decks[lang]).slides[1 + charts.CHART_IDS.index("progress")]
    assert any(DATES[lang] in text for text in texts(slide))
    covered = opened(decks[lang]).slides[1 + charts.CHART_IDS.index("covered")]
    assert ("150.000" if lang == "id" else "150,000") in " ".join(texts(covered))


@pytest.mark.parametrize("lang", LANGS)
def test_no_slide_or_note_shows_a_day_its_source_does_not_give(package, decks, lang):
    """A figure known to the month or to "mid-month" is never shown with a day, on a slide or in its notes."""
    presentation = opened(decks[lang])
    shown = " ".join(" ".join(texts(slide)) + " " + notes(slide) for slide in presentation.slides)
    assert not [day for day in invented_days(package)[lang] if day in shown]
    history = presentation.slides[1 + charts.CHART_IDS.index("history")]
    assert MID_MONTH[lang] in notes(history)


@pytest.mark.parametrize("lang", LANGS)
def test_notes_carry_the_takeaway_and_the_caveats(package, decks, lang):
    slides = opened(decks[lang]).slides
    for index, chart_id in enumerate(charts.CHART_IDS, start=1):
        view = export.chart_view(package, chart_id, lang)
        parts = charts.REGISTRY[chart_id].data(package, lang, SITE_TODAY)
        told = deck.caveats(view.takeaway, parts.notes)
        heading = [WORDS[lang]["caveats"]] if told else []
        source = charts.source_line(package, parts, lang)
        assert notes(slides[index]) == "\n".join([view.takeaway, *heading, *(f"– {note}" for note in told), source])
    history = notes(slides[1 + charts.CHART_IDS.index("history")])
    assert WORDS[lang]["caveats"] in history and BASE_CHANGE[lang] in history
    progress = notes(slides[1 + charts.CHART_IDS.index("progress")])
    assert WORDS[lang]["caveats"] in progress and TARGET_BASE[lang] in progress
    newer = charts.REGISTRY["progress"].data(package, lang, SITE_TODAY).notes[1]  # "No newer figure was published"
    assert newer in export.chart_view(package, "progress", lang).takeaway and progress.count(newer) == 1


def test_caveats_leave_out_what_the_takeaway_already_says():
    takeaway = "The newest figure: about 44%, as of May 22, 2025 (18 months ago). No newer figure was published."
    restated = "The newest figure: about 44%, as of May 22, 2025 (18 months before November 29, 2026)."
    other = "The target's base is not the figure's: compare with care."
    assert deck.caveats(takeaway, ("No newer figure was published.", restated, other)) == [other]
    assert deck.caveats(takeaway, (restated,)) == []


def test_notes_have_no_caveats_heading_without_caveats(package, monkeypatch):
    monkeypatch.setattr(deck, "caveats", lambda takeaway, notes: [])
    presentation = opened(deck._deck.__wrapped__(package, "en", ("progress",), SITE_TODAY))
    assert WORDS["en"]["caveats"] not in notes(presentation.slides[1])
    assert TARGET_BASE["en"] not in " ".join(texts(presentation.slides[1]))


@pytest.mark.parametrize("lang", LANGS)
def test_sources_slides_link_every_source_the_deck_cites_and_what_corroborates_it(package, decks, lang):
    """A deck of every chart lists what /cakupan lists: every figure's and target's source, corroborating ones too."""
    presentation = opened(decks[lang])
    sources = source_slides(presentation, lang)
    named = listed(presentation, lang)
    assert len(named) == len(set(named)) and set(named) == set(coverage.source_ids(package))
    assert {"S15b", "S1b", "S13c"} <= set(named)  # corroborating sources (corroborations.csv)
    title = " ".join(texts(presentation.slides[0]))
    slide_sources = [cited(title)] + [list(export.chart_view(package, c, lang).source_ids) for c in charts.CHART_IDS]
    assert named[: len(cited(title))] == cited(title) and all(set(ids) <= set(named) for ids in slide_sources)
    links = {run.hyperlink.address: run.text for slide in sources for run in runs(slide) if run.hyperlink.address}
    expected = {package.source(s)["url"] for s in named if package.source(s).get("url")}
    assert set(links) == expected and len(expected) >= 5
    assert all(text == address for address, text in links.items())  # the address shown is the link
    external = {rel.target_ref for slide in sources for rel in slide.part.rels.values() if rel.is_external}
    assert external == expected


@pytest.mark.parametrize("chart_id, figure", [("progress", None), ("covered", "coverage_pct")])
def test_a_deck_of_one_chart_lists_what_the_home_page_names_for_the_same_figures(package, chart_id, figure):
    """The title slide shows the newest figure and target (and progress the same); covered the September 2024
    figure: the home page's sources of each, corroborating ones included, the title slide's first."""
    presentation = opened(deck.deck_file(package, "en", (chart_id,), today=SITE_TODAY))
    home = figures.figures(package, SITE_TODAY)
    expected = home["city_latest_pct"].sources + home["city_target_pct"].sources
    expected += home[figure].sources if figure else ()
    assert listed(presentation, "en") == list(dict.fromkeys(expected))


# The newest city figure on 15 January 2027, typed: "about" (its source rounds it), its base, its age on that day.
TITLE_WORDS = {
    "id": (
        "sekitar 44%",
        "sekitar 228.000 pekerja potensial",
        "(19 bulan sebelum 15 Januari 2027)",
        "Dibuat 15 Januari 2027",
    ),
    "en": (
        "about 44%",
        "about 228,000 potential workers",
        "(19 months before January 15, 2027)",
        "Made on January 15, 2027",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_title_slide_says_what_the_share_card_says_on_the_day_it_is_made(package, set_today, lang):
    """The newest city figure named as the newest, "about", its base, date, age on the day, target and sources."""
    today = set_today("2027-01-15")
    title = opened(deck.deck_file(package, lang)).slides[0]
    words = texts(title)
    same = card.card_lines(package, lang, today)
    assert f"{same['prefix']} {same['headline']}" in words  # "sekitar 44%", as one line
    assert {same["kicker"], same["sub"], same["note"], same["source"]} <= set(words)
    figure, base, age, made = TITLE_WORDS[lang]
    assert figure in words and made in words
    assert WORDS[lang]["newest"] in same["kicker"] and base in same["sub"] and age in same["sub"]
    assert DATES[lang] in same["sub"]  # the source gives the day
    assert same["source"].endswith(WORDS[lang]["checked"] + i18n.date(package.as_of, lang))
    props = opened(deck.deck_file(package, lang)).core_properties
    assert props.created == props.modified == dt.datetime.combine(today, dt.time())


def test_chart_slides_follow_the_day_the_deck_is_made_for_not_the_clock(package, set_today):
    """Built for 15 January 2028 while the clock says 29 November 2026: every slide speaks of 15 January 2028."""
    set_today("2026-11-29")
    later = dt.date(2028, 1, 15)
    slides = opened(deck.deck_file(package, "en", ("progress", "history"), today=later)).slides
    assert "(2 years and 7 months before January 15, 2028)" in " ".join(texts(slides[0]))
    progress = export.chart_view(package, "progress", "en", today=later)
    assert progress.takeaway in texts(slides[1]) and "(2 years and 7 months ago)" in progress.takeaway
    picture = next(s for s in slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert picture.image.blob == export.chart_file(package, "progress", "en", "png", export.SLIDE, today=later)
    assert picture.image.blob != export.chart_file(package, "progress", "en", "png", export.SLIDE)
    assert "the axis runs to January 15, 2028" in notes(slides[2])


def test_same_bytes_for_the_same_data_and_day(package, monkeypatch):
    first = deck.deck_file(package, "id", today=SITE_TODAY)
    deck._deck.cache_clear()
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 3600)  # three hours later: ZIP entries would differ
    assert deck.deck_file(package, "id", today=SITE_TODAY) == first
    stamps = {entry.date_time for entry in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {(SITE_TODAY.year, SITE_TODAY.month, SITE_TODAY.day, 0, 0, 0)}
    assert deck.deck_file(package, "id", today=SITE_TODAY + dt.timedelta(days=1)) != first


def test_deck_is_cached_per_package_language_charts_and_day(package):
    first = deck.deck_file(package, "en", ("gap",), today=SITE_TODAY)
    assert deck.deck_file(package, "en", ("gap",), today=SITE_TODAY) is first
    assert deck.deck_file(package, "id", ("gap",), today=SITE_TODAY) is not first


def test_cli_selects_charts_in_the_order_given(package, tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert main(["export-deck", str(out), "--lang", "en", "--charts", "history, progress"]) == 0
    slides = opened(out.read_bytes()).slides
    titles = [slide.shapes.title.text for slide in slides]
    assert len(slides) == 1 + 2 + len(source_slides(opened(out.read_bytes()), "en"))
    assert titles[1:3] == [export.chart_view(package, c, "en").title for c in ("history", "progress")]
    assert "2 chart slides" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (["x.ppt"], "must end in .pptx"),
        (["x.pptx", "--charts", "progress,pie"], "unknown chart 'pie'; the charts are: progress, covered"),
        (["x.pptx", "--charts", " , "], "no chart given"),
    ],
)
def test_cli_refuses_bad_input_with_exit_2(tmp_path, capsys, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["export-deck", *args]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_refuses_an_unknown_language(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["export-deck", str(tmp_path / "x.pptx"), "--lang", "fr"])
    assert exit_.value.code == 2


@pytest.mark.parametrize("lang, label", [("id", "PowerPoint (semua grafik)"), ("en", "PowerPoint (all charts)")])
def test_share_page_button_gives_the_cli_file_only_when_clicked(tmp_path, monkeypatch, lang, label):
    """The button's deferred callable makes the deck (not the page run), the same bytes as export-deck."""
    registered, made = {}, []
    original_add, original_deck = MediaFileManager.add_deferred, deck.deck_file

    def spy_add(self, data_callable, mimetype, *args, **kwargs):
        file_id = original_add(self, data_callable, mimetype, *args, **kwargs)
        registered[file_id] = (data_callable, mimetype)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_add)
    monkeypatch.setattr(deck, "deck_file", lambda *a, **k: made.append(a) or original_deck(*a, **k))
    app = run_page("/bagikan", lang=lang)
    assert not app.exception, app.exception
    button = next(b for b in app.get("download_button") if b.proto.label == label)
    make, mime = registered[button.proto.deferred_file_id]
    assert mime == deck.MIME and not made  # nothing made until clicked
    out = tmp_path / "deck.pptx"
    assert main(["export-deck", str(out), "--lang", lang]) == 0
    assert make() == out.read_bytes()


def test_many_sources_continue_on_more_slides_without_losing_one(package):
    """A live package may name many sources: they go on as many slides as they need, in order."""
    source_ids = list(package.sources["id"])
    presentation = Presentation()
    deck._source_slides(presentation, package, source_ids, "id")
    slides = list(presentation.slides)
    assert len(slides) > 1
    assert [s.shapes.title.text for s in slides] == ["Sumber"] + ["Sumber (lanjutan)"] * (len(slides) - 1)
    assert listed(presentation, "id") == source_ids


def test_pages_are_as_few_as_fit_and_the_fullest_as_empty_as_it_can_be():
    assert deck._pages(list("abcde"), [1.0] * 5, 4.0) == [["a", "b", "c"], ["d", "e"]]  # not 4 and 1
    assert deck._pages(list("ab"), [5.0, 1.0], 4.0) == [["a"], ["b"]]  # an item taller than a page stands alone
    rng = random.Random(18)
    for _ in range(200):
        heights = [rng.uniform(0.3, 1.5) for _ in range(rng.randint(1, 30))]
        items = [str(i) for i in range(len(heights))]
        pages = deck._pages(items, heights, 5.9)
        assert [item for page in pages for item in page] == items and all(pages)
        assert len(pages) == len(deck._split(items, heights, 5.9))  # as few as the plain fill needs
        assert all(sum(heights[int(i)] for i in page) <= 5.9 for page in pages)


def test_layouts_span_the_widescreen_slide_for_slides_the_official_adds(decks):
    presentation = opened(decks["en"])
    width = presentation.slide_width
    for layout in [*presentation.slide_layouts, presentation.slide_master]:
        for shape in layout.placeholders:
            assert 0 <= shape.left and shape.left + shape.width <= width, (layout.name, shape.name)
    title = presentation.slide_layouts[1].placeholders[0]  # "Title and Content": centred, as in the template
    assert abs(title.left + title.width / 2 - width / 2) <= 1


def overlap(a, b) -> bool:
    return (
        a.left < b.left + b.width
        and b.left < a.left + a.width
        and a.top < b.top + b.height
        and b.top < a.top + a.height
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_shapes_overlap_and_all_stay_on_the_slide(decks, lang):
    presentation = opened(decks[lang])
    for number, slide in enumerate(presentation.slides):
        shapes = list(slide.shapes)
        for shape in shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= presentation.slide_width, (number, shape.name)
            assert shape.top + shape.height <= presentation.slide_height, (number, shape.name)
        for i, first in enumerate(shapes):
            for second in shapes[i + 1 :]:
                assert not overlap(first, second), (number, first.name, second.name)
