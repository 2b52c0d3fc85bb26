"""The check in a real browser: shared links (old ``date=`` and new ``month=``), both languages, phone and desktop;
its widgets large enough for a thumb; no code block or date picker; a month chosen in the select."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import open_page, url

METRIC = "[data-testid='stMetricValue']"
LINKS = [
    # (query, language, the total as shown): old links keep opening their month
    ("work=ojol&income=1000000&programs=jkk,jkm&date=2026-11-23&city_paid=0", "id", "Rp8.400"),
    ("work=ojol&income=1000000&programs=jkk,jkm&date=2026-11-23&city_paid=0", "en", "Rp8,400"),
    ("work=sopir&income=1000000&programs=jkk,jkm&date=2027-04-01&city_paid=0", "id", "Rp16.800"),
    ("work=umkm&income=1000000&programs=jkk,jkm&date=2020-09-15&city_paid=0", "en", "Rp168"),
    # the new form
    ("work=ojol&income=1000000&programs=jkk,jkm&month=2027-03&city_paid=0", "en", "Rp8,400"),
    ("work=umkm&income=2750000&programs=jkk,jkm&month=2026-12&city_paid=0", "id", "± Rp17.150"),
    ("work=umkm&income=2750000&programs=jkk,jkm&month=2026-12&city_paid=0", "en", "about Rp17,150"),
    ("work=ojol&income=1000000&programs=jkk,jkm,jht&month=2026-06&city_paid=1", "id", "Rp20.000"),
    ("work=ojol&income=50000000&programs=jkk,jkm,jht&month=2026-06&city_paid=0", "en", "at most Rp106,900 + JHT"),
]


def check(base_url: str, query: str, lang: str) -> str:
    return url(base_url, f"/cek-iuran?{query}", lang)


def shown(page) -> str:
    return page.locator(METRIC).first.inner_text().replace("\u00a0", " ").strip()


@pytest.mark.parametrize(("query", "lang", "total"), LINKS)
def test_a_shared_link_opens_its_month_and_total(page, base_url, query, lang, total):
    open_page(page, check(base_url, query, lang))
    expect(page.locator(METRIC).first).to_be_visible()
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel)?.innerText.replace(/\\u00a0/g, ' ').trim() === want",
        arg=[METRIC, total],
    )
    asked = parse_qs(query)
    month = asked.get("month", [asked.get("date", [""])[0][:7]])[0]
    page.wait_for_url(lambda u: parse_qs(urlsplit(u).query).get("month") == [month])
    assert "date" not in parse_qs(urlsplit(page.url).query)  # the page writes the new form


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_month_before_december_2019_shows_no_amount(page, base_url, lang):
    open_page(page, check(base_url, "work=ojol&income=1000000&programs=jkk,jkm&date=2019-06-01&city_paid=0", lang))
    words = {"id": "sebelum Desember 2019", "en": "before December 2019"}[lang]
    expect(page.get_by_text(words, exact=False).first).to_be_visible()
    expect(page.locator(METRIC)).to_have_count(0)


TARGETS = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const parts = [
    '.st-key-check_form [data-testid="stSelectbox"] div:has(> input)',
    '.st-key-check_form [data-testid="stTextInputRootElement"]',
    '.st-key-check_form [data-testid="stCheckbox"] label',
    '.st-key-check_form [data-testid="stRadioOption"]',
    '.st-key-check_form [data-testid="stTooltipHoverTarget"] button',
    '.st-key-check_share a',
    '[data-testid="stPageLink"] a',
  ];
  return parts.map(sel => [sel, [...main.querySelectorAll(sel)].map(e => e.getBoundingClientRect().height)]);
}"""


def test_every_widget_is_a_comfortable_tap_target_on_a_phone(phone_context, base_url):
    page = phone_context.new_page()
    try:
        open_page(page, check(base_url, "work=ojol&income=1000000&programs=jkk,jkm&month=2026-11&city_paid=0", "id"))
        expect(page.locator(METRIC).first).to_be_visible()
        styled = ".st-key-check_form [data-testid='stTextInputRootElement']"  # the page's style has applied
        page.wait_for_function(f'() => document.querySelector("{styled}")?.getBoundingClientRect().height >= 48')
        heights = dict(page.evaluate(TARGETS))
        counts = {sel: len(found) for sel, found in heights.items()}
        assert all(counts.values()), counts  # every kind of target is on the page
        small = {sel: found for sel, found in heights.items() if min(found) < 47.5}
        assert not small, small
    finally:
        page.close()


def test_no_code_block_no_date_picker_and_a_whatsapp_share(page, base_url):
    open_page(page, check(base_url, "work=ojol&income=1000000&programs=jkk,jkm&month=2026-11&city_paid=0", "en"))
    expect(page.locator(METRIC).first).to_have_text("Rp8,400")
    expect(page.locator("[data-testid='stCode'], [data-testid='stDateInput']")).to_have_count(0)
    share = page.locator(".st-key-check_share a", has_text="Link to this result")
    href = share.get_attribute("href")
    assert urlsplit(href).path.endswith("/cek-iuran") and parse_qs(urlsplit(href).query)["month"] == ["2026-11"]
    whatsapp = unquote(page.locator(".st-key-check_share a[href^='https://wa.me/']").get_attribute("href"))
    assert "My Jamsostek contribution for November 2026: Rp8,400 per month." in whatsapp
    assert "/cek-iuran?" in whatsapp and "month=2026-11" in whatsapp


def test_choosing_a_month_changes_the_total_and_the_link(page, base_url):
    open_page(page, check(base_url, "work=umkm&income=1000000&programs=jkk,jkm&month=2026-12&city_paid=0", "id"))
    expect(page.locator(METRIC).first).to_have_text("Rp8.400")
    page.locator(".st-key-check_month input").click()
    page.keyboard.type("Januari 2027")
    page.get_by_role("option", name="Januari 2027", exact=True).click()
    expect(page.locator(METRIC).first).to_have_text("Rp16.800")  # the other-work discount ended in December 2026
    page.wait_for_url(lambda u: parse_qs(urlsplit(u).query).get("month") == ["2027-01"])
