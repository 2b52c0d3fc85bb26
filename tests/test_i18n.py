"""Language choice, catalogues that really load, and Babel formatting per language."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from jamsostek import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "query, browser, expected",
    [
        ("en", "id-ID", "en"),
        ("id", "en-US", "id"),
        (None, "en-GB", "en"),
        (None, "en_US", "en"),
        (None, "fr-FR", "id"),
        (None, None, "id"),
        ("xx", "en-US", "en"),
        ("<script>", None, "id"),
        (["en", "id"], None, "en"),
        ("EN", None, "en"),
        (42, None, "id"),
    ],
)
def test_choose_language(query, browser, expected):
    assert i18n.choose_language(query, browser) == expected


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_each_catalogue_really_loads(lang):
    messages = i18n.catalogue(lang)
    assert len(messages) > 20
    assert i18n.gettext(lang)("Home") == {"id": "Beranda", "en": "Home"}[lang]


def test_a_missing_catalogue_fails_loudly(tmp_path):
    (tmp_path / "id" / "LC_MESSAGES").mkdir(parents=True)
    with pytest.raises(i18n.CatalogueError):
        i18n.catalogue("id", tmp_path)


def test_an_empty_catalogue_fails_loudly(tmp_path):
    folder = tmp_path / "id" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text('msgid "Home"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(i18n.CatalogueError):
        i18n.catalogue("id", tmp_path)


def test_catalogues_are_complete_and_template_fresh():
    result = subprocess.run(
        [sys.executable, "scripts/messages.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "func, value, lang, expected",
    [
        (i18n.number, 150_000, "id", "150.000"),
        (i18n.number, 150_000, "en", "150,000"),
        (i18n.percent, 50, "id", "50%"),
        (i18n.percent, 48.64, "id", "48,64%"),
        (i18n.percent, 48.64, "en", "48.64%"),
        (i18n.money, 16_800, "id", "Rp16.800"),
        (i18n.money, 16_800, "en", "Rp16,800"),
        (i18n.money, 8_400.4, "id", "Rp8.400"),
        (i18n.money, 42_000_000, "en", "Rp42,000,000"),
        (i18n.date, dt.date(2024, 9, 10), "id", "10 September 2024"),
        (i18n.date, dt.date(2024, 9, 10), "en", "September 10, 2024"),
        (i18n.date, dt.date(2025, 5, 22), "id", "22 Mei 2025"),
        (i18n.month, dt.date(2027, 3, 31), "id", "Maret 2027"),
        (i18n.month, dt.date(2027, 3, 31), "en", "March 2027"),
        (i18n.partial_date, "2015", "id", "2015"),
        (i18n.partial_date, "2024-09", "id", "September 2024"),
        (i18n.partial_date, "2025-05", "en", "May 2025"),
        (i18n.partial_date, "2026-01-14", "id", "14 Januari 2026"),
        (i18n.partial_date, None, "en", ""),
    ],
)
def test_formatting(func, value, lang, expected):
    assert func(value, lang) == expected


def test_money_is_never_decimal():
    for lang in i18n.LANGUAGES:
        assert ",00" not in i18n.money(6800, lang) and ".00" not in i18n.money(6800, lang)
