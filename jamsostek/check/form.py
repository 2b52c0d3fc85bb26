"""The check's form and its address (pure, no Streamlit): which side wins when the URL and the widgets disagree.

The URL holds the answers, so a result can be shared. The widgets are set from the URL when the URL changed
since the form last wrote it (a shared link, a language switch, coming back to the page); a changed widget
writes every answer back to the URL, and the form remembers what it wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from jamsostek.check.answers import KEYS, Answers, programmes_param, widget_income
from jamsostek.rules import PROGRAMMES

WIDGETS = ("check_work", "check_income", "check_jht", "check_date", "check_city")
REMEMBERED = "_check_url"  # session key: the URL as the form last wrote or read it


def url_key(lang: str, query: Mapping[str, Sequence[str]]) -> tuple:
    """The answers and the language as the URL has them now (all values of every answer key)."""
    return (lang, *sorted((key, tuple(query.get(key, ()))) for key in KEYS))


def must_seed(remembered: object, current: tuple, state: Mapping[str, object]) -> bool:
    """Whether the widgets must take their values from the URL: it changed, or a widget has no value yet."""
    return remembered != current or any(key not in state for key in WIDGETS)


def widget_state(answers: Answers, lang: str) -> dict[str, object]:
    """Each widget's value for a set of answers."""
    return dict(zip(WIDGETS, answers.widget_values(lang), strict=True))


def query_from_widgets(state: Mapping[str, object], today: dt.date) -> dict[str, str]:
    """The answers as the URL writes them, from the widgets (an unreadable income goes as typed, to be corrected)."""
    jht = bool(state["check_jht"])
    return {
        "work": str(state["check_work"]),
        "income": widget_income(str(state["check_income"])),
        "programs": programmes_param(PROGRAMMES if jht else ()),
        "date": (state["check_date"] or today).isoformat(),
        "city_paid": "1" if state["check_city"] else "0",
    }
