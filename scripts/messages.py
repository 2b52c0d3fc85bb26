"""Keep the interface strings' catalogues in step with the code.

Usage: python scripts/messages.py          write locales/messages.pot; in each messages.po drop unused strings
                                           and add new ones (English filled in, Indonesian left to translate)
       python scripts/messages.py --check  exit 1 if the template is stale or a string lacks a translation

One catalogue per language, ``locales/<lang>/LC_MESSAGES/messages.po``: a string edited in the code is
dropped and added again in the same file, so nothing is left stale in another.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "messages.pot"
KEYWORDS = {"_": None, "N_": None}
METHOD_MAP = [
    ("app.py", "python"),
    ("views/**.py", "python"),
    ("jamsostek/**.py", "python"),
    ("jamsostek/exports/templates/**.html", "jinja2.ext:babel_extract"),
]


def extract() -> Catalog:
    """Every ``_("...")`` and ``N_("...")`` string in the app's Python files."""
    catalog = Catalog(project="jamsostek-jambi", charset="utf-8")
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=METHOD_MAP, keywords=KEYWORDS
    ):
        catalog.add(message, locations=[(filename, lineno)])
    return catalog


def render(catalog: Catalog) -> bytes:
    """A catalogue as .po text: sorted, no header or locations, so it diffs cleanly."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, no_location=True, width=100)
    return buffer.getvalue()


def translated(lang: str) -> dict[str, str]:
    """Every translated message of a language, across its .po files."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            messages.update({m.id: m.string for m in read_po(handle, locale=lang) if m.id and m.string})
    return messages


def languages() -> list[str]:
    return sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES").is_dir())


def check(template: Catalog) -> list[str]:
    """Problems: a stale template, a string with no translation in some language."""
    problems = []
    if not TEMPLATE.exists() or TEMPLATE.read_bytes() != render(template):
        problems.append(f"{TEMPLATE.relative_to(ROOT)} is stale: run python scripts/messages.py")
    for lang in languages():
        have = translated(lang)
        problems += [f"{lang}: no translation for {m.id!r}" for m in template if m.id and m.id not in have]
        used = {m.id for m in template if m.id}
        problems += [f"{lang}: {msgid!r} is translated but no longer used" for msgid in have if msgid not in used]
    return problems


def update(template: Catalog) -> None:
    """Write the template; in each messages.po drop unused strings and add ones no catalogue has yet."""
    TEMPLATE.write_bytes(render(template))
    for lang in languages():
        path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        catalog = read_po(path.open("rb"), locale=lang) if path.exists() else Catalog(locale=lang)
        used = {m.id for m in template if m.id}
        for message in list(catalog):
            if message.id and message.id not in used:
                catalog.delete(message.id)
        known = set(translated(lang)) | {m.id for m in catalog if m.id}
        for message in template:
            if message.id and message.id not in known:
                catalog.add(message.id, string=message.id if lang == "en" else "")
        path.write_bytes(render(catalog))


def main(argv: list[str]) -> int:
    template = extract()
    if "--check" in argv:
        problems = check(template)
        print("\n".join(problems) or "catalogues are up to date")
        return 1 if problems else 0
    update(template)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
