"""Baselines: a bare Streamlit app that draws, with literal values, exactly the elements our pages drew."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pyarrow as pa

from bench.pages import PAGES, Page

HEADING = {"h1": "st.title", "h2": "st.header", "h3": "st.subheader"}
ALERT = {1: "st.error", 2: "st.warning", 3: "st.info", 4: "st.success"}
CHART_PAGE = '''"""The baseline: one Altair chart, nothing else."""
import altair as alt
import pandas as pd
import streamlit as st

data = pd.DataFrame({"year": [2020, 2021, 2022, 2023, 2024], "pct": [30.1, 35.2, 41.0, 46.3, 50.0]})
st.altair_chart(alt.Chart(data).mark_line(point=True).encode(x="year:O", y="pct:Q"))
'''


# Two reference pages beside the mirrored ones: text in the site's frame (what every page draws around its
# content: the language script, the switch, the menu's links), and the same with the check's four widget kinds.
TEXT_PATH, WIDGETS_PATH = "bare-text", "bare-widgets"
FRAME_AND_TEXT = """st.html("<script>document.documentElement.lang = 'id';</script>", unsafe_allow_javascript=True)
st.segmented_control("Bahasa", ["Bahasa Indonesia", "English"], label_visibility="collapsed")
st.title("Jamsostek untuk pekerja transportasi")
st.caption("Ringkasan halaman dalam satu kalimat.")
st.markdown("Teks halaman. " * 60)
st.divider()
st.page_link("views/p_home.py", label="Beranda")
"""
WIDGETS = """st.selectbox("1. Pekerjaan", ["ojol", "angkot", "becak"])
st.text_input("2. Penghasilan per bulan")
st.checkbox("3. Tambah JHT")
st.radio("4. Pemkot membayar?", ["Tidak", "Ya"])
"""
EXTRA_PAGES = {TEXT_PATH: FRAME_AND_TEXT, WIDGETS_PATH: FRAME_AND_TEXT + WIDGETS}


def _frame(arrow: bytes) -> str:
    if not arrow:
        return "pd.DataFrame()"
    table = pa.ipc.open_stream(io.BytesIO(arrow)).read_all()
    columns = {
        name: [None if v is None else str(v) for v in table.column(name).to_pylist()] for name in table.schema.names
    }
    return f"pd.DataFrame({columns!r})"


_KEYS = itertools.count()


def _element(el, slug: dict[str, str]) -> str:  # noqa: C901 - a flat table of element kinds
    kind = el.WhichOneof("type")
    e = getattr(el, kind)
    if kind == "markdown":
        if e.element_type == 2:
            return f"st.caption({e.body!r})"
        if e.element_type == 5:
            return "st.divider()"
        return f"st.markdown({e.body!r})"
    if kind == "heading":
        return f"{HEADING.get(e.tag, 'st.subheader')}({e.body!r})"
    if kind == "alert":
        return f"{ALERT.get(e.format, 'st.info')}({e.body!r})"
    if kind == "metric":
        return f"st.metric({e.label!r}, {e.body!r})"
    if kind == "progress":
        return f"st.progress({e.value}, text={e.text!r})"
    if kind == "html":
        return f"st.html({e.body!r}, unsafe_allow_javascript={e.unsafe_allow_javascript})"
    if kind == "button_group":
        options = [o.content for o in e.options]
        return f"st.segmented_control({e.label!r}, {options!r}, label_visibility='collapsed')"
    if kind == "page_link":
        target = slug.get(e.page.strip("/"), slug[""])
        return f"st.page_link({target!r}, label={e.label!r}, icon={e.icon or None!r})"
    if kind in ("selectbox", "radio", "multiselect"):
        return f"st.{kind}({e.label!r}, {list(e.options)!r})"
    if kind in ("number_input", "checkbox", "text_input", "text_area", "date_input", "slider", "button"):
        return f"st.{kind}({e.label!r})"
    if kind == "download_button":  # a page may repeat a label (one CSV button per chart): keys keep them apart
        return f"st.download_button({e.label!r}, data=b'x', key={f'dl{next(_KEYS)}'!r})"
    if kind == "link_button":
        return f"st.link_button({e.label!r}, {e.url!r})"
    if kind == "dataframe":
        return f"st.dataframe({_frame(e.arrow_data.data)}, hide_index=True)"
    if kind == "vega_lite_chart":
        spec = json.loads(e.spec)
        spec["datasets"] = {d.name: json.loads(_frame_json(d.data.data)) for d in e.datasets}
        return f"st.vega_lite_chart(json.loads({json.dumps(spec)!r}))"
    if kind == "code":
        return f"st.code({e.code_text!r}, language={e.language or None!r})"
    if kind == "text":
        return f"st.text({e.body!r})"
    return f"st.markdown({('(' + kind + ')')!r})"


def _frame_json(arrow: bytes) -> str:
    table = pa.ipc.open_stream(io.BytesIO(arrow)).read_all()
    return table.to_pandas().to_json(orient="records", date_format="iso")


def _block(block) -> str:
    kind = block.WhichOneof("type")
    if kind == "flex_container" and block.flex_container.direction == 2:
        return "st.container(horizontal=True)"
    if kind == "flex_container":
        return f"st.container(border={block.flex_container.border})"
    if kind == "expandable":
        return f"st.expander({block.expandable.label!r})"
    return "st.container()"


def script(deltas: dict[tuple[int, ...], object], slug: dict[str, str]) -> str:
    """A page script drawing the same tree of elements and blocks with literal values."""
    lines = ['"""Generated baseline page."""', "import json", "import pandas as pd", "import streamlit as st", ""]
    children: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for path in sorted(deltas):
        children.setdefault(path[:-1], []).append(path)

    def emit(path: tuple[int, ...], indent: str) -> None:
        node = deltas[path]
        if node.DESCRIPTOR.name == "Element":
            lines.append(indent + _element(node, slug))
            return
        kids = children.get(path, [])
        if kids and all(
            deltas[k].DESCRIPTOR.name == "Block" and deltas[k].WhichOneof("type") == "column" for k in kids
        ):
            var = "c" + "_".join(map(str, path))
            lines.append(f"{indent}{var} = st.columns({len(kids)})")
            for i, kid in enumerate(kids):
                lines.append(f"{indent}with {var}[{i}]:")
                for grandkid in children.get(kid, []) or []:
                    emit(grandkid, indent + "    ")
                if not children.get(kid):
                    lines.append(indent + "    pass")
            return
        lines.append(f"{indent}with {_block(node)}:")
        for kid in kids:
            emit(kid, indent + "    ")
        if not kids:
            lines.append(indent + "    pass")

    for top in children.get((0,), []):
        emit(top, "")
    return "\n".join(lines) + "\n"


def write_app(folder: Path, runs: dict[str, dict]) -> Path:
    """A multipage bare app with our URL paths; ``runs`` maps each page's URL path to its drawn deltas."""
    (folder / "views").mkdir(parents=True, exist_ok=True)
    slug = {p.path: f"views/p_{p.path.replace('-', '_') or 'home'}.py" for p in PAGES}
    for page in PAGES:
        (folder / slug[page.path]).write_text(script(runs[page.path], slug), encoding="utf-8")
    entries = ",\n    ".join(
        f"st.Page({slug[p.path]!r}, title={p.path or 'home'!r}, url_path={p.path!r}"
        + (", default=True" if not p.path else "")
        + (", visibility='hidden'" if p.path == "embed" else "")
        + ")"
        for p in PAGES
    )
    for path, body in EXTRA_PAGES.items():
        name = f"views/x_{path.replace('-', '_')}.py"
        (folder / name).write_text(f'"""A reference page."""\nimport streamlit as st\n\n{body}', encoding="utf-8")
        entries += f",\n    st.Page({name!r}, title={path!r}, url_path={path!r}, visibility='hidden')"
    app = (
        '"""Generated baseline app: the same navigation as ours, bare pages."""\nimport streamlit as st\n\n'
        'st.set_page_config(page_title="Baseline", layout="centered")\n'
        f'st.navigation([\n    {entries},\n], position="top").run()\n'
    )
    (folder / "app.py").write_text(app, encoding="utf-8")
    return folder / "app.py"


def write_chart_app(folder: Path) -> Path:
    """The one-Altair-chart page the load budget is measured against."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "chart.py").write_text(CHART_PAGE, encoding="utf-8")
    return folder / "chart.py"


__all__ = ["EXTRA_PAGES", "TEXT_PATH", "WIDGETS_PATH", "Page", "script", "write_app", "write_chart_app"]
