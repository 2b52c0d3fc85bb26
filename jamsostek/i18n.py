"""Language choice, the catalogue marker ``N_``, message catalogues (.po, read directly) and Babel formatting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.lists import format_list
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from babel.units import format_unit

from jamsostek.settings import LOCALES_DIR

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
Translate = Callable[[str], str]
KINDS = ("number", "percent", "money", "money-words", "date", "month", "mid-month", "year", "age", "text", "words")
ABOUT = "about-"  # a kind prefix: "about-percent" reads "sekitar 44%" / "about 44%"
# How precise a date from the data is (the ``precision`` columns), and the kind that shows it no more precisely.
PRECISION_KINDS = {"day": "date", "month": "month", "mid-month": "mid-month"}


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined; it is translated where it is shown."""
    return message


class CatalogueError(RuntimeError):
    """A language's message catalogue is missing or empty."""


def choose_language(query_value: object = None, browser_locale: object = None) -> str:
    """The page's language: the URL's ``lang`` first, then the browser's locale, then Indonesian."""
    for candidate in (query_value, browser_locale):
        if isinstance(candidate, list | tuple):
            candidate = candidate[0] if candidate else None
        if isinstance(candidate, str) and candidate:
            code = candidate.strip().lower().replace("_", "-").split("-")[0]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


@cache
def catalogue(lang: str, locales_dir: Path = LOCALES_DIR) -> dict[str, str]:
    """All messages of one language, merged from every ``.po`` file in its folder."""
    folder = locales_dir / lang / "LC_MESSAGES"
    files = sorted(folder.glob("*.po"))
    if not files:
        raise CatalogueError(f"no .po files for language {lang!r} in {folder}")
    messages: dict[str, str] = {}
    for path in files:
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    if not messages:
        raise CatalogueError(f"the catalogue for {lang!r} in {folder} has no translated messages")
    return messages


def gettext(lang: str) -> Translate:
    """A ``_`` function for one language; a missing message falls back to its English id."""
    messages = catalogue(lang)

    def _(message: str) -> str:
        return messages.get(message, message)

    return _


def number(value: float, lang: str, digits: int = 0) -> str:
    """``150.000`` (id) or ``150,000`` (en); up to ``digits`` decimals, trailing zeros dropped."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=lang)


def percent(value: float, lang: str, digits: int = 2) -> str:
    """A percentage given in percent points: ``48,64%`` (id), ``48.64%`` (en)."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "") + "%"
    return format_percent(value / 100, format=pattern, locale=lang)


def money(value: float, lang: str) -> str:
    """Whole rupiah: ``Rp16.800`` (id), ``Rp16,800`` (en); never ``,00``."""
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{number(round(abs(value)), lang)}"


def date(value: dt.date, lang: str) -> str:
    """``10 September 2024`` (id) or ``September 10, 2024`` (en)."""
    return format_date(value, format="long", locale=lang)


def month(value: dt.date, lang: str) -> str:
    """``Maret 2027`` (id) or ``March 2027`` (en)."""
    return format_date(value, format="MMMM y", locale=lang)


def mid_month(value: dt.date, lang: str) -> str:
    """``pertengahan September 2024`` (id) or ``mid-September 2024`` (en): a source that says only "mid-month"."""
    _ = gettext(lang)
    return _("mid-{month}").format(month=month(value, lang))


def when(value: dt.date | str, precision: str | None, lang: str) -> str:
    """A date from the data at the precision its source gives: never a day the source did not state."""
    return format_value(PRECISION_KINDS.get(precision or "day", "date"), value, lang)


def money_words(value: float, lang: str) -> str:
    """Large amounts as the news writes them: ``Rp68,9 miliar`` (id), ``Rp68.9 billion`` (en)."""
    return "Rp" + format_compact_decimal(value, format_type="long", fraction_digits=1, locale=lang)


def months_between(since: dt.date, until: dt.date) -> int:
    """Whole calendar months from ``since`` to ``until`` (0 if ``until`` is earlier)."""
    months = (until.year - since.year) * 12 + until.month - since.month - (until.day < since.day)
    return max(0, months)


def span(since: dt.date, today: dt.date, lang: str) -> str:
    """How long from ``since`` to ``today`` in words: ``18 bulan``, ``2 tahun dan 7 bulan`` / ``18 months``.

    Months up to two years (a reader counts a figure's staleness in months), then years and months;
    days under a month. Babel names the units in the page's language.
    """
    days, months = (today - since).days, months_between(since, today)
    if months < 1:
        return format_unit(max(days, 0), "duration-day", length="long", locale=lang)
    if months < 24:
        return format_unit(months, "duration-month", length="long", locale=lang)
    parts = [format_unit(months // 12, "duration-year", length="long", locale=lang)]
    if months % 12:
        parts.append(format_unit(months % 12, "duration-month", length="long", locale=lang))
    return format_list(parts, locale=lang)


def age(since: dt.date, today: dt.date, lang: str) -> str:
    """How long ago, read on ``today``: ``18 bulan lalu`` / ``18 months ago`` (``today``/"hari ini" for the day)."""
    _ = gettext(lang)
    if (today - since).days <= 0:
        return _("today")
    return _("{span} ago").format(span=span(since, today, lang))


def age_on(since: dt.date, today: dt.date, lang: str) -> str:
    """The age for a picture that travels: ``18 bulan sebelum 29 November 2026`` (a reference date, not "ago")."""
    _ = gettext(lang)
    return _("{span} before {date}").format(span=span(since, today, lang), date=date(today, lang))


def partial_date(text: str | None, lang: str) -> str:
    """A date known to the year, month or day (``2024``, ``2024-09``, ``2024-09-10``), in words."""
    if not text:
        return ""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return month(dt.date(parts[0], parts[1], 1), lang)
    return date(dt.date(*parts), lang)


def missing(value: object) -> bool:
    """Whether a value is absent: None, NaN or pandas' NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # only NaN differs from itself
    except TypeError:
        return True  # pd.NA refuses a truth value


def _as_date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def format_value(kind: str, value: object, lang: str) -> str:
    """Any value shown to a visitor, by kind (``KINDS``), in the page's language; "" when the value is absent.

    The one formatter the prose, the tables, the check and the charts' tables share. Dates may be given as
    ``datetime.date`` or as ISO text. ``about-<kind>`` says "about" before the value (the source rounds it);
    ``age`` takes ``(date, today)``; ``words`` takes text per language from the data.
    """
    if kind.startswith(ABOUT):
        shown = format_value(kind.removeprefix(ABOUT), value, lang)
        _ = gettext(lang)
        return _("about {value}").format(value=shown) if shown else ""
    if kind == "age":  # value: (the figure's date, today)
        return "" if value is None or missing(value[0]) else age(_as_date(value[0]), _as_date(value[1]), lang)
    if kind == "words":  # value: {language: text}, text from the data in each language
        return str(value.get(lang) or "") if isinstance(value, dict) else ""
    if missing(value):
        return ""
    if kind in ("date", "month", "mid-month"):
        value = _as_date(value)
    if kind == "number":
        return number(float(value), lang, digits=2)
    if kind == "percent":
        return percent(float(value), lang)
    if kind == "money":
        return money(float(value), lang)
    if kind == "money-words":
        return money_words(float(value), lang)
    if kind == "date":
        return date(value, lang)
    if kind == "month":
        return month(value, lang)
    if kind == "mid-month":
        return mid_month(value, lang)
    if kind == "year":
        return str(int(value))
    if kind == "text":
        return str(value)
    raise ValueError(f"unknown kind of value {kind!r}")
