"""axe-core in the browser tests: which violations count, and Streamlit's own that the app cannot fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe

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
AXE = Axe()


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


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now; fail on every violation that counts."""
    found = failures(AXE.run(page).response)
    assert not found, "axe-core found:\n" + "\n".join(found)
