"""The data contract: the rows the code needs (declared as ``NEEDS`` next to the code that uses them), and a
build of every page's figures, prose and charts from a candidate package before it is ever shown.

``load``/``validate`` here are the data package's load and validate with the contract added; everything that
shows data uses them (the app, the live source, the light version, the command line). A copy of the data that
passes the schema but lacks a row the code names, or from which a page cannot be built, is refused like any
other invalid copy: bundled, CI fails; live, the last good data stays and the status line says why.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jamsostek import catalog, charts, clock, content, coverage, figures, i18n, rules, site
from jamsostek.check import outcome
from jamsostek.data import DATA_DIR, DataError, DataPackage, Need, Problem
from jamsostek.data import load as load_data
from jamsostek.data import validate as validate_data
from jamsostek.exports import card

# Every module that declares NEEDS, in one place (tests/test_house.py checks that none is missing).
NEEDS: tuple[Need, ...] = (*coverage.NEEDS, *rules.NEEDS, *figures.NEEDS, *outcome.NEEDS)


def _build_everything(package: DataPackage, today: dt.date) -> None:
    """Everything the pages compute from the data, in both languages (raises what a page would raise)."""
    for lang in i18n.LANGUAGES:
        values = {name: figures.format_figure(fig, lang) for name, fig in figures.figures(package, today).items()}
        for page in site.PAGES:
            content.filled_page(page.content, lang, values)
        for chart_id in charts.CHART_IDS:
            view = charts.view(chart_id, package, lang)
            charts.to_spec(view.chart)
            view.table(lang)
        catalog.figure_table(package, lang)
        card.card_lines(package, lang)
        for work in rules.WORK_KINDS:
            quote = rules.quote(package, rules.Question(work, rules.lowest_income(package), on=today))
            outcome.benefit_sentences(quote, package, lang)
            outcome.discount_text(quote, package, lang)


def builds(package: DataPackage, today: dt.date | None = None) -> list[Problem]:
    """[] when every page can be built from ``package``; else one problem saying where it broke."""
    try:
        _build_everything(package, today or clock.today())
    except Exception as exc:  # any failure means a visitor would see an error: refuse the data instead
        return [
            Problem(DATA_DIR.name, None, None, f"the pages cannot be built from this data: {type(exc).__name__}: {exc}")
        ]
    return []


def validate(directory: Path | str = DATA_DIR, today: dt.date | None = None) -> list[Problem]:
    """Every problem with the package: schema, checks, the rows the code needs, and whether the pages build."""
    problems = validate_data(directory, today, NEEDS)
    if problems:
        return problems
    return builds(load_data(directory, today, NEEDS), today)


def load(directory: Path | str = DATA_DIR, today: dt.date | None = None) -> DataPackage:
    """The validated package that every page can be built from; raises ``DataError`` naming every problem."""
    package = load_data(directory, today, NEEDS)
    problems = builds(package, today)
    if problems:
        raise DataError(problems)
    return package
