"""The house rules: one registry per concept, no import cycle, Streamlit only in ui/ and never its internals."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from jamsostek import charts, i18n, site
from jamsostek.charts import tables
from tests.conftest import ROOT

PACKAGE = ROOT / "jamsostek"
TABLE_KINDS = set(i18n.KINDS) | {"when", "observation"}  # see jamsostek/charts/tables.py


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The jamsostek modules a module imports anywhere in its file (deferred imports count)."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            for alias in node.names:  # ``from jamsostek.data import live`` imports the submodule
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {module for module in found if module in MODULES and module != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_only_ui_imports_streamlit_and_nothing_uses_its_internals():
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if not name.startswith("jamsostek.ui"):
            assert not re.search(r"^\s*(import|from) streamlit\b", text, re.MULTILINE), name
    for path in [ROOT / "app.py", *PACKAGE.rglob("*.py"), *(ROOT / "views").glob("*.py")]:
        assert "streamlit.runtime" not in path.read_text(encoding="utf-8"), path


def test_no_pages_folder_beside_the_app():
    """Streamlit would auto-discover it and run its files as pages of their own."""
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_every_registered_chart_has_data_marks_and_table_columns(chart_id, package):
    module = charts.REGISTRY[chart_id]
    assert callable(module.data) and callable(module.chart)
    assert module.COLUMNS, f"{chart_id} has no table columns"
    for lang in i18n.LANGUAGES:
        data = module.data(package, lang).data
        for column, header, kind in module.COLUMNS:
            assert column in data.columns, f"{chart_id}: table column {column!r} is not in its data"
            assert header and kind in TABLE_KINDS, (chart_id, column, kind)
    assert not tables.display(module.COLUMNS, data, "id").empty


def test_every_chart_file_is_registered_and_the_ids_come_from_the_registry():
    files = {
        path.stem
        for path in (PACKAGE / "charts").glob("*.py")
        if re.search(r"^def chart\(", path.read_text(encoding="utf-8"), re.MULTILINE)
    }
    assert files == set(charts.REGISTRY)
    assert charts.CHART_IDS == tuple(charts.REGISTRY)


def test_every_page_has_its_view_content_and_a_path_of_its_own():
    paths = [page.path for page in site.PAGES]
    assert len(set(paths)) == len(paths) and paths.count("") == 1, paths
    assert all(re.fullmatch(r"[a-z0-9-]*", path) for path in paths)
    assert len({page.key for page in site.PAGES}) == len(site.PAGES)
    lights = [page.light for page in site.PAGES if page.light]
    assert len(set(lights)) == len(lights)
    for page in site.PAGES:
        assert (ROOT / page.view).is_file(), page.view
        for lang in i18n.LANGUAGES:
            assert (ROOT / "content" / lang / f"{page.content}.md").is_file(), (page.key, lang)
    assert {path.name for path in (ROOT / "views").glob("*.py")} == {Path(page.view).name for page in site.PAGES}


@pytest.mark.parametrize("page", site.PAGES, ids=lambda page: page.key)
def test_links_know_every_page(page):
    """A link built on any page finds the site's address (a page missing here made share links point wrong)."""
    assert site.base_url(f"https://example.org/jamsostek{page.url_path}?lang=id") == "https://example.org/jamsostek"
