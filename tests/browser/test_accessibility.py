"""axe-core on every page, both languages, phone and desktop: no serious or critical violation in what we render."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import LANGS, PAGES, open_page, url

FAILING_IMPACTS = {"serious", "critical"}
# Moderate rules that judge our own content (the Markdown and the page scripts), so they are strict too.
STRICT_MODERATE_RULES = {"heading-order", "empty-heading"}


@dataclass(frozen=True)
class KnownException:
    """A violation in Streamlit's own markup that the app cannot change."""

    rule: str
    selector: str  # a regular expression over axe's CSS target of the node
    reason: str


# Streamlit's own markup that axe flags and the app cannot change. Each entry names the rule, the nodes
# (by a pattern over axe's CSS selector) and why it is not ours; everything else fails the test.
KNOWN_EXCEPTIONS: list[KnownException] = []


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def is_known(rule: str, target: str) -> bool:
    return any(e.rule == rule and re.search(e.selector, target) for e in KNOWN_EXCEPTIONS)


def failures(results: dict) -> list[str]:
    """Every violation node that counts, as one readable line each."""
    lines = []
    for violation in results["violations"]:
        rule, impact = violation["id"], violation["impact"]
        if impact not in FAILING_IMPACTS and rule not in STRICT_MODERATE_RULES:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if not is_known(rule, target):
                lines.append(f"{rule} ({impact}) at {target}: {node['html'][:160]}")
    return lines


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES))
def test_no_serious_accessibility_violation(page, base_url, axe, path, lang):
    open_page(page, url(base_url, path, lang))
    results = axe.run(page).response
    found = failures(results)
    assert not found, "axe-core found:\n" + "\n".join(found)


def test_known_exceptions_name_a_rule_a_selector_and_a_reason():
    for exception in KNOWN_EXCEPTIONS:
        assert exception.rule and exception.reason
        re.compile(exception.selector)


def test_the_language_switch_is_a_labelled_group(page, base_url):
    open_page(page, url(base_url, "/", "en"))
    group = page.get_by_role("radiogroup", name="Language")
    assert group.is_visible()
    assert group.get_by_role("radio", name="English").get_attribute("aria-checked") == "true"
