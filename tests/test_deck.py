"""The PowerPoint deck: 16:9, a title slide, a slide per chart (picture, title, takeaway, source, date, notes),
the sources with real links, in both languages; export-deck; the same bytes from the CLI and from /bagikan."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu
from streamlit.runtime.media_file_manager import MediaFileManager

from jamsostek import charts, coverage, i18n
from jamsostek.__main__ import main
from jamsostek.exports import deck
from jamsostek.exports import files as export
from tests.conftest import SITE_TODAY, run_page

LANGS = ("id", "en")
# Words of the deck per language, typed here (not taken from the code) so a wrong language fails.
WORDS = {
    "id": {"source": "Sumber: ", "as_of": "Data per ", "sources": "Sumber", "caveats": "Catatan penting:"},
    "en": {"source": "Source: ", "as_of": "Data as of ", "sources": "Sources", "caveats": "Caveats:"},
}
DATES = {"id": "10 September 2024", "en": "September 10, 2024"}  # the progress chart's data date
BASE_CHANGE = {"id": "44% bukan penurunan dari 50%", "en": "44% is not a fall from 50%"}


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


@pytest.fixture(scope="module")
def decks(package) -> dict[str, bytes]:
    return {lang: deck.deck_file(package, lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_deck_is_widescreen_with_title_chart_and_source_slides(decks, lang):
    slides = opened(decks[lang]).slides
    presentation = opened(decks[lang])
    assert (presentation.slide_width, presentation.slide_height) == (12192000, 6858000)  # 13.33 x 7.5 in, 16:9
    assert len(slides) == 1 + len(charts.CHART_IDS) + 1
    assert slides[0].shapes.title.text == "Jamsostek Jambi"
    assert slides[len(slides) - 1].shapes.title.text == WORDS[lang]["sources"]
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
    assert WORDS[lang]["as_of"] + i18n.date(view.as_of, lang) in source
    for source_id in view.source_ids:
        assert f"{package.source(source_id)['publisher']} [{source_id}]" in source


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_numbers_follow_the_language(decks, lang):
    slide = opened(decks[lang]).slides[1 + charts.CHART_IDS.index("progress")]
    assert any(DATES[lang] in text for text in texts(slide))
    covered = opened(decks[lang]).slides[1 + charts.CHART_IDS.index("covered")]
    assert ("150.000" if lang == "id" else "150,000") in " ".join(texts(covered))


@pytest.mark.parametrize("lang", LANGS)
def test_notes_carry_the_takeaway_and_the_caveats(package, decks, lang):
    slides = opened(decks[lang]).slides
    for index, chart_id in enumerate(charts.CHART_IDS, start=1):
        notes = slides[index].notes_slide.notes_text_frame.text
        assert export.chart_view(package, chart_id, lang).takeaway in notes
    history = slides[1 + charts.CHART_IDS.index("history")].notes_slide.notes_text_frame.text
    assert WORDS[lang]["caveats"] in history and BASE_CHANGE[lang] in history
    progress = slides[1 + charts.CHART_IDS.index("progress")].notes_slide.notes_text_frame.text
    assert WORDS[lang]["caveats"] not in progress  # no caveats heading without caveats


@pytest.mark.parametrize("lang", LANGS)
def test_sources_slide_links_every_source(package, decks, lang):
    slides = opened(decks[lang]).slides
    sources = slides[len(slides) - 1]
    links = {run.hyperlink.address: run.text for run in runs(sources) if run.hyperlink.address}
    named = {coverage.latest(package, with_counts=False).source_id}
    for chart_id in charts.CHART_IDS:
        named |= set(export.chart_view(package, chart_id, lang).source_ids)
    expected = {package.source(s)["url"] for s in named if package.source(s).get("url")}
    assert set(links) == expected and len(expected) >= 5
    assert all(text == address for address, text in links.items())  # the address shown is the link
    external = [rel for rel in sources.part.rels.values() if rel.is_external]
    assert {rel.target_ref for rel in external} == expected
    body = " ".join(texts(sources))
    assert all(f"[{s}]" in body for s in named)


@pytest.mark.parametrize("lang, made", [("id", "Dibuat 15 Januari 2027"), ("en", "Made on January 15, 2027")])
def test_title_slide_names_the_newest_city_figure_and_today(package, set_today, lang, made):
    today = set_today("2027-01-15")
    title = opened(deck.deck_file(package, lang)).slides[0]
    words = " ".join(texts(title))
    newest = coverage.latest(package, with_counts=False)
    assert i18n.percent(newest.coverage_pct, lang) in words and i18n.date(newest.as_of, lang) in words
    assert f"[{newest.source_id}]" in words and made in words
    props = opened(deck.deck_file(package, lang)).core_properties
    assert props.created == props.modified == dt.datetime.combine(today, dt.time())


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
    assert len(slides) == 4
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
    bold = [run.text for slide in slides for run in runs(slide) if run.font.bold]
    listed = [text.strip("[] ") for text in bold if text.startswith("[")]
    assert listed == source_ids


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
