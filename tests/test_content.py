"""Markdown pages: both languages hold the same pages, sections and placeholders, all resolvable."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from jamsostek import content, data, figures, i18n


def test_both_languages_hold_the_same_pages():
    assert content.page_names("id") == content.page_names("en")
    assert len(content.page_names("id")) >= 8


@pytest.mark.parametrize("name", content.page_names("id"))
def test_same_sections_and_placeholders(name):
    pages = {lang: content.load_page(name, lang) for lang in i18n.LANGUAGES}
    assert pages["id"].sections.keys() == pages["en"].sections.keys()
    assert content.used_placeholders(name, "id") == content.used_placeholders(name, "en")


@pytest.fixture(scope="module")
def values(package):
    figs = figures.figures(package, dt.date(2026, 11, 23))
    return {lang: {k: figures.format_figure(f, lang) for k, f in figs.items()} for lang in i18n.LANGUAGES}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("name", content.page_names("id"))
def test_every_placeholder_resolves(values, name, lang):
    page = content.filled_page(name, lang, values[lang])
    for text in [page.title, page.summary, *page.sections.values()]:
        assert "{{" not in text and "}}" not in text
        assert "nan" not in text.lower().split() and "None" not in text


def test_unknown_placeholder_is_an_error():
    with pytest.raises(content.ContentError, match="no_such_figure"):
        content.fill("We have {{ no_such_figure }} workers", {"workforce": "300.000"})


def test_values_are_escaped_as_text():
    filled = content.fill("Source: {{ title }}", {"title": "<script>alert(1)</script> **bold** [x](http://e)"})
    assert "<script>" not in filled and "**bold**" not in filled and "](" not in filled


def test_front_matter_is_required(tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "x.md").write_text("---\ntitle: X\n---\nbody", encoding="utf-8")
    with pytest.raises(content.ContentError, match="summary"):
        content.load_page("x", "id", tmp_path)
    (tmp_path / "id" / "y.md").write_text("no front matter", encoding="utf-8")
    with pytest.raises(content.ContentError, match="front matter"):
        content.load_page("y", "id", tmp_path)


def test_no_digits_typed_into_prose():
    """Figures come from placeholders; only step numbers, legal references and fixed names may have digits."""
    allowed = {
        "50/2025",
        "44/2015",
        "82/2019",
        "46/2015",
        "49/2023",
        "16 angka",
        "16 digits",
        "3 langkah",
        "3 steps",
        "Pasal 5 ayat (3)",
        "Pasal 4",
        "Article 5(3)",
        "Article 4",
        "12 kali",
        "12 times",
        "Pasal 44",
        "Article 44",
        "Pasal 5",
        "Article 5",
        "5/2021",
        "× 24 jam",
        "× 24 hours",
    }
    for lang in i18n.LANGUAGES:
        for name in content.page_names(lang):
            page = content.load_page(name, lang)
            text = content.PLACEHOLDER.sub("", "\n".join(page.sections.values()))
            for token in sorted(allowed, key=len, reverse=True):  # "Pasal 44" before "Pasal 4"
                text = text.replace(token, "")
            words = [w for w in text.split() if not w.rstrip(".").isdigit() or not w.endswith(".")]
            digits = [w for w in words if any(c.isdigit() for c in w)]
            assert not digits, f"{lang}/{name}.md types numbers: {digits}"


def test_a_valid_update_without_a_target_still_formats(package):
    """A new counted observation in a year with no target must not break any page's figures."""
    extra = package.coverage.iloc[[1]].copy()
    extra["as_of"] = [dt.date(2025, 9, 1)]
    tables = dict(package.tables)
    tables["coverage"] = pd.concat([package.coverage, extra], ignore_index=True)
    newer = data.DataPackage(package.directory, tables)
    figs = figures.figures(newer, dt.date(2026, 11, 23))
    # the 2024 target is measured against the last counted figure of 2024, never one from after its year
    assert figures.format_figure(figs["coverage_as_of"], "id") == "10 September 2024"
    assert figures.format_figure(figs["target_year"], "id") == "2024"
    for lang in i18n.LANGUAGES:
        values = {k: figures.format_figure(f, lang) for k, f in figs.items()}
        for name in content.page_names(lang):
            content.filled_page(name, lang, values)
