"""Accessibility checks beyond the axe-core run that every page gets in test_pages.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .helpers import open_page, url

BROKEN = {
    "label": "<input type='text'>",
    "color-contrast": "<p style='color:#bbbbbb;background:#ffffff'>pale text</p>",
    "link-name": "<a href='/data'></a>",
}


@pytest.mark.parametrize("rule", list(BROKEN))
def test_the_axe_check_catches_what_it_must(page, base_url, rule):
    open_page(page, url(base_url, "/", "id"))
    assert_accessible(page)
    main = page.locator("[data-testid='stMainBlockContainer']")
    main.evaluate("(main, html) => main.insertAdjacentHTML('afterbegin', html)", BROKEN[rule])
    with pytest.raises(AssertionError, match=rule):
        assert_accessible(page)


def test_the_language_switch_is_a_labelled_group(page, base_url):
    open_page(page, url(base_url, "/", "en"))
    group = page.get_by_role("radiogroup", name="Language")
    expect(group).to_be_visible()
    expect(group.get_by_role("radio", name="English")).to_have_attribute("aria-checked", "true")
    expect(group.get_by_role("radio", name="Bahasa Indonesia")).to_have_attribute("aria-checked", "false")
