"""Every page runs in both languages with no exception; the home page shows the right figures."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PAGES, page_text, run_page

LANGS = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_runs(path, lang):
    app = run_page(path, lang=lang)
    assert not app.exception, app.exception
    text = page_text(app)
    assert text.strip()
    assert "{{" not in text and not re.search(r"\bnan\b|\bNone\b|∞", text, re.IGNORECASE)
    assert app.query_params["lang"] == [lang] or app.query_params["lang"] == lang
    if path != "/embed":  # every page but the one-chart view ends with its sources and "data as of"
        assert ("Data per" if lang == "id" else "Data as of") in app.caption[-1].value


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("id", ["150.000", "300.000", "50%", "53%", "10 September 2024", "9.000", "Rp8.400", "ANTARA Jambi"]),
        ("en", ["150,000", "300,000", "50%", "53%", "September 10, 2024", "9,000", "Rp8,400", "ANTARA Jambi"]),
    ],
)
def test_home_headline_figures(lang, expected, set_today):
    set_today("2026-11-29")  # the discount runs (Rp8.400); the 2024 story is dated history, still on the page
    text = page_text(run_page("/", lang=lang)).replace("\\", "")
    for figure in expected:
        assert figure in text, figure


def test_home_figures_carry_date_and_source():
    app = run_page("/", lang="id")
    captions = " ".join(c.value for c in app.caption).replace("\\", "")
    assert "Sumber: ANTARA Jambi [S1a]" in captions and "per 10 September 2024" in captions


def test_default_language_is_indonesian():
    app = run_page("/")
    assert app.title[0].value.startswith("Jamsostek untuk")


def test_strange_lang_falls_back_to_indonesian():
    app = run_page("/manfaat", lang="<script>alert(1)</script>")
    assert not app.exception
    assert app.title[0].value == "Manfaat Jamsostek"
