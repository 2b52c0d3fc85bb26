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

from jamsostek import catalog, charts, clock, content, coverage, figures, i18n, rulebook, rules, site
from jamsostek.check import benefits, outcome
from jamsostek.data import (
    BUNDLED_DATA_DIR,
    DATA_DIR,
    DataError,
    DataPackage,
    Need,
    Problem,
    canonical_descriptor,
    read_tables,
)
from jamsostek.data import load as load_data
from jamsostek.data import validate as validate_data
from jamsostek.exports import card

# Every module that declares NEEDS, in one place (tests/test_house.py checks that none is missing).
NEEDS: tuple[Need, ...] = (*coverage.NEEDS, *rulebook.NEEDS, *rules.NEEDS, *benefits.NEEDS)


# The tables whose rows name figures the prose may use (``{{ id_as_of }}``, ``{{ id }}``...).
PROSE_TABLES = ("figures", "statements", "rules", "benefits")
# Everything the check says about an answer, each taking (quote, package, lang), as views/check.py shows them.
CHECK_TEXTS = (
    outcome.heading,
    outcome.total_value,
    outcome.covers,
    outcome.lines_table,
    outcome.notes,
    outcome.discount_block,
    outcome.year_block,
    outcome.share_text,
    outcome.basis_lines,
    benefits.heading,
    benefits.note,
    benefits.sentences,
)


def _questions(package: DataPackage, today: dt.date) -> list[rules.Question]:
    """One answer of each kind of work, at the lowest and at a high income, with JHT and city-paid too."""
    low = rules.lowest_income(package)
    asked = [rules.Question(work, low, month=today) for work in rules.WORK_KINDS]
    asked.append(rules.Question(rules.TRANSPORT_EXAMPLE, 50 * low, frozenset(rules.PROGRAMMES), today))
    asked.append(rules.Question(rules.TRANSPORT_EXAMPLE, low, frozenset(rules.PROGRAMMES), today, budget_paid=True))
    return asked


def _build_everything(package: DataPackage, today: dt.date) -> None:
    """Everything the pages compute from the data, in both languages (raises what a page would raise)."""
    for lang in i18n.LANGUAGES:
        values = {name: figures.format_figure(fig, lang) for name, fig in figures.figures(package, today).items()}
        for page in site.PAGES:
            content.filled_page(page.content, lang, values)
        for chart_id in charts.CHART_IDS:
            view = charts.view(chart_id, package, lang, today=today)
            charts.to_spec(view.chart)
            view.table(lang)
        catalog.figure_table(package, lang, today)
        card.card_lines(package, lang, today)
        for question in _questions(package, today):
            quote = rules.quote(package, question)
            for text in CHECK_TEXTS:
                text(quote, package, lang)


def _bundled_ids() -> dict[str, str]:
    """Each id of the bundled tables that name figures for the prose, with its file (``scholarship_conditions``)."""
    tables = read_tables(BUNDLED_DATA_DIR, canonical_descriptor())
    return {
        row_id.replace("-", "_"): f"{name}.csv"
        for name in PROSE_TABLES
        for row_id in tables[name]["id"]
        if isinstance(row_id, str)
    }


def unfilled_prose(package: DataPackage, today: dt.date) -> list[Problem]:
    """A problem for each placeholder of the prose that this data cannot fill, naming the row it would come from."""
    known = figures.figures(package, today)
    problems, ids = [], None
    for page in site.PAGES:
        for lang in i18n.LANGUAGES:
            for name in sorted(content.used_placeholders(page.content, lang) - known.keys()):
                ids = ids if ids is not None else _bundled_ids()
                row = max((i for i in ids if name.startswith(i)), key=len, default=None)
                where = f"content/{lang}/{page.content}.md"
                if row is None:
                    problems.append(Problem(where, None, None, f"{{{{ {name} }}}} has no value in this data"))
                else:
                    message = f"no row {row.replace('_', '-')!r}, which the prose needs ({{{{ {name} }}}} in {where})"
                    problems.append(Problem(ids[row], None, "id", message))
    return list(dict.fromkeys(problems))


def builds(package: DataPackage, today: dt.date | None = None) -> list[Problem]:
    """[] when every page can be built from ``package``; else the problems saying where it broke."""
    today = today or clock.today()
    try:
        missing = unfilled_prose(package, today)
        if missing:
            return missing
        _build_everything(package, today)
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
