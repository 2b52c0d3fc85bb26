"""Every page in a real browser, at phone and desktop size, in both languages: settles, fits, says what it must."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from jamsostek import content, data, i18n
from jamsostek.charts import CHART_IDS
from jamsostek.figures import figures, format_figure
from tests.conftest import SITE_TODAY

from .a11y import assert_accessible
from .helpers import LANGS, PAGE_TIMEOUT_MS, PAGES, SETTLED, open_page, url

CHART = "[data-testid='stVegaLiteChart']"


def main_text(page) -> str:
    return page.locator("[data-testid='stMainBlockContainer']").inner_text()


DRAWN = """chart => [...chart.querySelectorAll('svg, canvas')]
    .map(m => m.getBoundingClientRect()).some(r => r.width * r.height > 1000)"""


def wait_for_charts(page, count: int) -> None:
    """Wait until the page shows ``count`` charts and each has drawn an SVG or canvas of a real size."""
    page.wait_for_function(
        f"""n => {{ const charts = [...document.querySelectorAll("{CHART}")];
            return charts.length === n && charts.every({DRAWN}); }}""",
        arg=count,
    )


def drawn_charts(page) -> list[dict]:
    """Each chart on the page: whether it has an SVG or canvas with a non-zero size."""
    return page.eval_on_selector_all(
        CHART,
        f"""charts => charts.map(chart => ({{
            drawn: ({DRAWN})(chart), marks: chart.querySelectorAll('svg, canvas').length}}))""",
    )


@pytest.fixture(scope="module")
def values() -> dict[str, dict[str, str]]:
    """Today's figures as the pages format them, per language."""
    today = figures(data.load(), SITE_TODAY)
    return {lang: {name: format_figure(fig, lang) for name, fig in today.items()} for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES))
def test_page_settles_fits_speaks_its_language_and_passes_axe(page, base_url, path, lang):
    open_page(page, url(base_url, path, lang))
    # set by a script element app.py draws: allow the browser a moment after a first-visit rerun
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=5000)
    assert main_text(page).strip()
    name = PAGES[path]
    if name != "embed":
        title = content.load_page(name, lang).title
        expect(page.locator("h1").first).to_have_text(title)
        expect(language_switch(page, lang).get_by_role("radio", name="English")).to_be_visible()
    assert_accessible(page)


HEADLINE = {
    "id": ["150.000", "300.000", "50%", "53%"],
    "en": ["150,000", "300,000", "50%", "53%"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_headline_figures_and_this_months_cost(page, base_url, values, lang):
    open_page(page, url(base_url, "/", lang))
    main = page.locator("[data-testid='stMainBlockContainer']")
    for figure in HEADLINE[lang]:
        expect(main).to_contain_text(figure)
    cost = values[lang]["cost_now"]
    per_month = {"id": "per bulan", "en": "per month"}[lang]
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text(f"{cost} {per_month}")
    expect(main).to_contain_text(values[lang]["this_month"])


CHECK_CASES = [
    pytest.param("ojol", "jkk,jkm", "2026-11-23", {"id": "Rp8.400", "en": "Rp8,400"}, id="discounted"),
    pytest.param(
        "ojol",
        "jkk,jkm,jht",
        "2026-11-23",
        {"id": "Rp28.400", "en": "Rp28,400"},
        id="with-jht",
    ),
    pytest.param(
        "ojol",
        "jkk,jkm",
        "2025-06-01",
        {"id": "Rp16.800", "en": "Rp16,800"},
        id="before-discount",
    ),
]


def check_url(base_url: str, work: str, programs: str, date: str, lang: str) -> str:
    query = f"work={work}&income=1000000&programs={programs}&date={date}&city_paid=0"
    return url(base_url, f"/cek-iuran?{query}", lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("work", "programs", "date", "total"), CHECK_CASES)
def test_a_shared_check_link_shows_its_total(page, base_url, work, programs, date, total, lang):
    open_page(page, check_url(base_url, work, programs, date, lang))
    label = {"id": "Total per bulan", "en": "Total per month"}[lang]
    block = page.locator("[data-testid='stMainBlockContainer']")
    # "settled" can come a moment before React has painted the last deltas: let Playwright wait for them
    expect(block.get_by_text(label).first).to_be_visible()
    expect(block.get_by_text(total[lang], exact=False).first).to_be_visible()


PICTURES = """figures => figures.map(f => [...f.querySelectorAll('img')]
    .filter(i => getComputedStyle(i).display !== 'none')
    .map(i => ({cls: i.className, alt: i.alt, loaded: i.complete && i.naturalWidth > 0,
                width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height})))"""


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_draws_every_chart_with_alt_text_and_a_table(page, base_url, lang):
    open_page(page, url(base_url, "/cakupan", lang))
    figures = page.locator("[data-testid='stMain'] .jsj-figure")
    expect(figures).to_have_count(len(CHART_IDS))
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jsj-figure img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    shown = page.eval_on_selector_all("[data-testid='stMain'] .jsj-figure", PICTURES)
    # one picture per chart shows: the phone one in a phone's column, the wide one from 560 px
    fits = "jsj-phone" if page.viewport_size["width"] < 560 else "jsj-wide"
    column = page.locator("[data-testid='stMainBlockContainer']").bounding_box()["width"]
    for (picture,) in shown:
        assert picture["cls"] == fits and picture["loaded"] and picture["alt"], shown
        assert 0.6 * column < picture["width"] <= column and picture["height"] > 100, (picture, column)
    tables = page.locator("[data-testid='stMain'] .jsj-chart-block details.jsj-details table")
    expect(tables).to_have_count(len(shown))  # every chart has its numbers in a table, folded under it
    expect(tables.first).to_be_hidden()
    summary = page.locator("[data-testid='stMain'] .jsj-chart-block details.jsj-details summary").first
    assert summary.bounding_box()["height"] >= 47.5  # a comfortable tap target
    summary.click()
    expect(tables.first).to_be_visible()
    expect(tables.first.locator("caption")).not_to_be_empty()
    live = page.locator("[data-testid='stMain'] .jsj-live a[href*='chart=']")
    expect(live).to_have_count(len(CHART_IDS))  # and its interactive chart one tap away


def test_a_chart_picture_leads_to_its_interactive_chart(page, base_url):
    open_page(page, url(base_url, "/cakupan", "id"))
    live = page.locator("[data-testid='stMain'] .jsj-live a[href*='chart=history']")
    expect(live).to_have_text(re.compile("Grafik interaktif"))
    live.click()
    page.wait_for_url(lambda u: parse_qs(urlsplit(u).query).get("chart") == ["history"])
    wait_for_charts(page, 1)  # the live Vega chart, with its tooltips
    assert drawn_charts(page)[0]["drawn"]


@pytest.mark.parametrize("lang", LANGS)
def test_embed_draws_the_progress_chart(page, base_url, lang):
    open_page(page, url(base_url, "/embed?chart=progress", lang))
    wait_for_charts(page, 1)
    charts = drawn_charts(page)
    assert len(charts) == 1 and charts[0]["drawn"], charts


def language_switch(page, lang: str):
    """The site's language switch (a radiogroup named "Language" in the page's language)."""
    return page.get_by_role("radiogroup", name=i18n.gettext(lang)("Language"), exact=True)


def click_language(page, name: str, lang: str) -> None:
    current = "id" if lang == "en" else "en"
    language_switch(page, current).get_by_role("radio", name=name).click()
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.wait_for_url(lambda u: parse_qs(urlsplit(u).query).get("lang") == [lang])
    page.wait_for_selector(SETTLED)


@pytest.mark.parametrize("path", ["/", "/cakupan"])
def test_language_switch_moves_between_languages_on_the_same_page(page, base_url, path):
    open_page(page, url(base_url, path, "id"))
    name = PAGES[path]
    click_language(page, "English", "en")
    assert urlsplit(page.url).path == urlsplit(url(base_url, path, "en")).path
    page.get_by_role("heading", level=1, name=content.load_page(name, "en").title).wait_for()
    click_language(page, "Bahasa Indonesia", "id")
    page.get_by_role("heading", level=1, name=content.load_page(name, "id").title).wait_for()


def test_language_switch_keeps_the_answers_of_the_check(page, base_url):
    open_page(page, check_url(base_url, "ojol", "jkk,jkm", "2026-11-23", "id"))
    before = parse_qs(urlsplit(page.url).query)
    click_language(page, "English", "en")
    after = parse_qs(urlsplit(page.url).query)
    assert after.pop("lang") == ["en"] and before.pop("lang") == ["id"]
    assert after == before
    page.get_by_role("heading", level=1, name=content.load_page("check", "en").title).wait_for()
    expect(page.get_by_text("Rp8,400").first).to_be_visible()


def _shows_page_with_frame(tab, address: str, name: str) -> None:
    open_page(tab, address)
    if name != "embed":
        expect(tab.get_by_role("heading", level=1).first).to_have_text(content.load_page(name, "id").title)
        expect(language_switch(tab, "id").get_by_role("radio", name="English")).to_be_visible()
    expect(tab.locator('[role="dialog"]')).to_have_count(0)
    assert tab.evaluate("() => document.documentElement.lang") == "id"


def _is_not_a_page(tab, address: str) -> None:
    tab.goto(address, wait_until="domcontentloaded")
    expect(tab.locator('[role="dialog"]')).to_contain_text("Page not found")
    expect(tab.get_by_role("heading", level=1).first).to_have_text(content.load_page("home", "id").title)


@pytest.mark.parametrize("first", ["/data", "/check"])
def test_a_fresh_server_serves_every_url_with_the_frame_and_no_shadow_pages(browser, first):
    """Page scripts live in views/, which Streamlit does not auto-discover. On a server no visitor has used yet,
    every URL runs app.py (menu, language switch, ``<html lang>``) with no "Page not found", and the scripts'
    file names (``/check``, ``/home``) are not pages."""
    from .conftest import serve

    with serve() as fresh:
        tab = browser.new_page()
        tab.set_default_timeout(PAGE_TIMEOUT_MS)
        try:
            if first == "/check":
                for shadow in ("/check", "/home", "/share"):
                    _is_not_a_page(tab, url(fresh, shadow, "id"))
            else:
                for path in ("/data", *[p for p in PAGES if p != "/data"]):
                    _shows_page_with_frame(tab, url(fresh, path, "id"), PAGES[path])
        finally:
            tab.close()
