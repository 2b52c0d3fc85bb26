"""Markdown pages with front matter, split into sections, placeholders filled from the data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from jamsostek.settings import CONTENT_DIR

REQUIRED_FIELDS = ("title", "summary")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")
SECTION = re.compile(r"^<!--\s*section:\s*([a-z0-9-]+)\s*-->\s*$", re.MULTILINE)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
AUTOLINK_START = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


class ContentError(ValueError):
    """A content file is missing, malformed, or names an unknown placeholder."""


@dataclass(frozen=True)
class Page:
    """One page's prose in one language."""

    name: str
    lang: str
    title: str
    summary: str
    sections: dict[str, str]


def escape_markdown(text: str) -> str:
    """Text shown literally inside Markdown: no links, emphasis, HTML or directives.

    Backslashes don't stop GFM's autolinks (remark finds ``http://``, ``www.`` and ``a@b.c`` in the text
    after escapes are resolved), so a word joiner, which reads and wraps the same, breaks each of them.
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", AUTOLINK_START.sub(WORD_JOINER, text))


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """The YAML front matter and the body of a Markdown file."""
    if not text.startswith("---\n"):
        raise ContentError(f"{path}: no front matter (the file must start with ---)")
    try:
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front) or {}
    except (ValueError, yaml.YAMLError) as exc:
        raise ContentError(f"{path}: broken front matter: {exc}") from exc
    missing = [name for name in REQUIRED_FIELDS if not meta.get(name)]
    if missing:
        raise ContentError(f"{path}: front matter lacks {', '.join(missing)}")
    return meta, body


def split_sections(body: str) -> dict[str, str]:
    """Sections marked ``<!-- section: name -->``; text before the first is section ``main``."""
    parts = SECTION.split(body)
    sections = {"main": parts[0].strip()} if parts[0].strip() else {}
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        sections[name] = text.strip()
    return sections


def page_names(lang: str, content_dir: Path = CONTENT_DIR) -> list[str]:
    """The pages written in one language."""
    return sorted(path.stem for path in (content_dir / lang).glob("*.md"))


@lru_cache(maxsize=128)
def load_page(name: str, lang: str, content_dir: Path = CONTENT_DIR) -> Page:
    """A page's prose, unfilled (read and parsed once per process: the YAML parse dominated page runs)."""
    path = content_dir / lang / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read: {exc}") from exc
    meta, body = split_front_matter(text, path)
    return Page(name, lang, str(meta["title"]), str(meta["summary"]), split_sections(body))


def placeholders(text: str) -> set[str]:
    """Names of the ``{{ placeholders }}`` in a text."""
    return set(PLACEHOLDER.findall(text))


def fill(text: str, values: dict[str, str]) -> str:
    """Replace every placeholder by its (already formatted) value; unknown names are an error."""
    unknown = placeholders(text) - values.keys()
    if unknown:
        raise ContentError(f"unknown placeholder(s): {', '.join(sorted(unknown))}")
    return PLACEHOLDER.sub(lambda match: escape_markdown(values[match.group(1)]), text)


def filled_page(name: str, lang: str, values: dict[str, str], content_dir: Path = CONTENT_DIR) -> Page:
    """A page whose sections have every placeholder filled."""
    page = load_page(name, lang, content_dir)
    sections = {key: fill(text, values) for key, text in page.sections.items()}
    return Page(page.name, lang, fill(page.title, values), fill(page.summary, values), sections)


def used_placeholders(name: str, lang: str, content_dir: Path = CONTENT_DIR) -> set[str]:
    """All placeholders a page names, in title, summary and sections."""
    page = load_page(name, lang, content_dir)
    texts = [page.title, page.summary, *page.sections.values()]
    return set().union(*(placeholders(t) for t in texts))


def ordered_placeholders(name: str, lang: str, content_dir: Path = CONTENT_DIR) -> list[str]:
    """The placeholders a page names, in order of first mention."""
    page = load_page(name, lang, content_dir)
    text = "\n".join([page.title, page.summary, *page.sections.values()])
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))
