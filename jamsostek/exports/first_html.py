"""Build and check the app pages' first HTML with the light version: ``build-static`` (see ``shells``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from jinja2 import Environment, FileSystemLoader, select_autoescape

from jamsostek import clock, content, i18n
from jamsostek.data import DataPackage
from jamsostek.exports import picture, preview, shells, sitemap, static
from jamsostek.exports.shells import PUBLIC, file_stem, variants
from jamsostek.settings import TEMPLATES_DIR
from jamsostek.site import PAGES


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]))
    env.trim_blocks = env.lstrip_blocks = True
    return env


def render(out: Path, package: DataPackage, site_url: str, today: dt.date) -> None:
    """Write every shell (``pages/<lang>/<stem>.html``) and the public files (``public/``) into ``out``."""
    index = (shells.streamlit_static() / "index.html").read_text(encoding="utf-8")
    where, env, public = shells.Addresses(site_url), _environment(), out / "public"
    handover = (TEMPLATES_DIR / "handover.js").read_bytes()
    script = f"./{PUBLIC}/" + shells.write_hashed(public, "handover", "js", handover)
    css = (TEMPLATES_DIR / "shell.css").read_text(encoding="utf-8") + picture.FIGURE_CSS
    pictures = shells.Previews(package, public, where, today)
    for lang in i18n.LANGUAGES:
        (out / "pages" / lang).mkdir(parents=True)
        for page in PAGES:
            for chart in variants(page):
                context = shells.shell_context(package, page, lang, today, where, chart)
                url, alt = pictures.picture(page, lang, context["title"], chart)
                context["image"] = {"url": url, "alt": alt, "width": preview.SIZE[0], "height": preview.SIZE[1]}
                head = env.get_template("shell_head.html").render(**context, css=css)
                body = env.get_template("shell_body.html").render(**context)
                html = shells.assemble(index, lang, head, body, script)
                (out / "pages" / lang / f"{file_stem(page, chart)}.html").write_text(html, encoding="utf-8")
    (public / "robots.txt").write_text(sitemap.robots(site_url), encoding="utf-8")
    (public / "sitemap.xml").write_bytes(sitemap.sitemap(site_url, where.light, today))


STATIC_REF = re.compile(r'(?:src|href)="\./(static/[^"]+)"')
OWN_REF = re.compile(rf'(?:src|href|content)="[^"]*/{PUBLIC}/([^"]+)"')


def verify(out: Path, static_dir: Path | None = None) -> list[str]:
    """Problems with built shells: a missing page, an unfilled placeholder, a file they name that is not there."""
    static_dir = static_dir or shells.streamlit_static()
    problems = []
    for lang in i18n.LANGUAGES:
        for page in PAGES:
            for chart in variants(page):
                path = out / "pages" / lang / f"{file_stem(page, chart)}.html"
                if not path.is_file():
                    problems.append(f"{path.relative_to(out)} is missing")
                    continue
                text = path.read_text(encoding="utf-8")
                if content.PLACEHOLDER.search(text):
                    problems.append(f"{path.relative_to(out)}: an unfilled placeholder")
                if f'<html lang="{lang}"' not in text or text.count("<title>") != 1:
                    problems.append(f"{path.relative_to(out)}: not a {lang} page with one title")
                problems += [
                    f"{path.name}: no Streamlit file {r}"
                    for r in STATIC_REF.findall(text)
                    if not (static_dir / r).is_file()
                ]
                problems += [
                    f"{path.name}: no file {r}" for r in OWN_REF.findall(text) if not (out / "public" / r).is_file()
                ]
    try:
        sitemap.locations((out / "public" / "sitemap.xml").read_bytes())
    except (OSError, ElementTree.ParseError) as exc:
        problems.append(f"sitemap.xml: {exc}")
    return problems


def build_with_light(
    light_dir: Path | str,
    shells_dir: Path | str,
    package: DataPackage,
    base_url: str = "/",
    site_url: str = "",
    today: dt.date | None = None,
) -> tuple[Path, Path]:
    """The light version and the shells from one package: both pass their checks before either is replaced."""
    today = today or clock.today()
    with staged(Path(shells_dir)) as staging:
        render(staging, package, site_url, today)
        problems = verify(staging)
        if problems:
            raise static.BuildError("; ".join(problems))
        static.build(light_dir, package, base_url=base_url, today=today)  # checks, then replaces; or raises
    return Path(light_dir), Path(shells_dir)


@contextlib.contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A folder beside ``out_dir`` to build in; it replaces ``out_dir`` when the block ends without an error."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir.parent))
    try:
        yield staging / "site"
        if out_dir.exists():
            out_dir.rename(staging / "old")
        (staging / "site").rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
