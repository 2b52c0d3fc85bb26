"""The check's form and its address (pure, no Streamlit): which side wins when the URL and the widgets disagree.

The URL holds the answers, so a result can be shared. The widgets are set from the URL when the URL changed
since the form last wrote it (a shared link, a language switch, coming back to the page); a changed widget
writes every answer back to the URL in the current form (``month=``; an old link's ``date=`` is dropped),
and the form remembers what it wrote.

The month is a select of contribution months, newest first, down to the site's first month, plus one
last option for "before" it: a link to an earlier month shows that option and the page's "no rules" answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jamsostek import i18n, months, rules
from jamsostek.check.answers import KEYS, OLD_KEYS, Answers, newest_month, programmes_param, widget_income
from jamsostek.data import DataPackage
from jamsostek.i18n import N_

WIDGETS = ("check_work", "check_income", "check_jht", "check_month", "check_city")
REMEMBERED = "_check_url"  # session key: the URL as the form last wrote or read it
BEFORE = N_("Before {month}")


@dataclass(frozen=True)
class Setup:
    """What the form needs from the data and the clock: the lowest income, today, the first and newest months."""

    lowest: int
    today: dt.date
    first: dt.date
    newest: dt.date

    @property
    def before(self) -> str:
        """The select's value for any month before the first (the month just before it)."""
        return months.key(months.add_months(self.first, -1))

    @property
    def month_options(self) -> list[str]:
        """The select's values, newest first, then ``before``."""
        count = (self.newest.year - self.first.year) * 12 + self.newest.month - self.first.month + 1
        return [months.key(m) for m in reversed(months.span(self.first, count))] + [self.before]

    def month_label(self, value: str, lang: str) -> str:
        """An option's label: ``November 2026``, or ``Before December 2019`` for the last one."""
        if value == self.before:
            return i18n.gettext(lang)(BEFORE).format(month=i18n.month(self.first, lang))
        return i18n.month(months.parse(value) or self.first, lang)


def setup(package: DataPackage, today: dt.date) -> Setup:
    """The form's setup for a package on a day."""
    newest = newest_month(today, rules.last_known_month(package))
    return Setup(rules.lowest_income(package), today, rules.first_month(package), newest)


def url_key(lang: str, query: Mapping[str, Sequence[str]]) -> tuple:
    """The answers and the language as the URL has them now (all values of every answer key, old ones too)."""
    return (lang, *sorted((key, tuple(query.get(key, ()))) for key in (*KEYS, *OLD_KEYS)))


def must_seed(remembered: object, current: tuple, state: Mapping[str, object]) -> bool:
    """Whether the widgets must take their values from the URL: it changed, or a widget has no value yet."""
    return remembered != current or any(key not in state for key in WIDGETS)


def widget_state(answers: Answers, lang: str, form: Setup) -> dict[str, object]:
    """Each widget's value for a set of answers (a month before the first shows the "before" option)."""
    month = months.key(answers.month) if answers.month >= form.first else form.before
    values = (answers.work, i18n.number(answers.income, lang), "jht" in answers.programmes, month, answers.city_paid)
    return dict(zip(WIDGETS, values, strict=True))


def query_from_widgets(state: Mapping[str, object], form: Setup, current: dt.date | None = None) -> dict[str, str]:
    """The answers as the URL writes them, from the widgets (an unreadable income goes as typed, to be corrected).

    ``current`` is the month the URL holds now: while the select shows "before", a link's own earlier month
    stays in the URL (a shared ``month=2018-05`` keeps saying May 2018).
    """
    month = str(state["check_month"] or "")
    if month == form.before and current is not None and current < form.first:
        month = months.key(current)
    return {
        "work": str(state["check_work"]),
        "income": widget_income(str(state["check_income"])),
        "programs": programmes_param(rules.PROGRAMMES if state["check_jht"] else ()),
        "month": month if months.parse(month) else months.key(form.today),
        "city_paid": "1" if state["check_city"] else "0",
    }


def dropped_keys(query: Mapping[str, object]) -> list[str]:
    """The old answer keys in a URL, which the form removes once it writes the current ones."""
    return [key for key in OLD_KEYS if key in query]
