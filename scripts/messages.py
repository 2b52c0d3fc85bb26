"""Extract the interface strings into locales/messages.pot and merge them into each .po file.

Usage: python scripts/messages.py          (update the template and catalogues)
       python scripts/messages.py --check  (exit 1 if the template is stale)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "locales" / "messages.pot"
SOURCES = ("app.py", "pages", "jamsostek")
KEYWORDS = {"_": None, "N_": None}


def extract() -> Catalog:
    """Every ``_("...")`` and ``N_("...")`` string in the app's Python files."""
    catalog = Catalog(project="jamsostek-jambi", charset="utf-8")
    for source in SOURCES:
        path = ROOT / source
        if path.is_file():
            found = extract_from_dir(str(ROOT), method_map=[(source, "python")], keywords=KEYWORDS)
        else:
            found = extract_from_dir(str(path), method_map=[("**.py", "python")], keywords=KEYWORDS)
        for filename, lineno, message, _comments, _context in found:
            catalog.add(message, locations=[(f"{source}/{filename}" if path.is_dir() else source, lineno)])
    return catalog


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, no_location=True, width=100)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    template = render(extract())
    if "--check" in argv:
        if not TEMPLATE.exists() or TEMPLATE.read_bytes() != template:
            print(f"{TEMPLATE.relative_to(ROOT)} is stale: run python scripts/messages.py")
            return 1
        return 0
    TEMPLATE.write_bytes(template)
    for po_path in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        lang = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(read_po(io.BytesIO(template)), no_fuzzy_matching=True)
        po_path.write_bytes(render(catalog))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
