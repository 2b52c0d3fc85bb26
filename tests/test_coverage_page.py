"""/cakupan as a visitor gets it: five charts with takeaways and tables, live figures, text from data kept as text."""

from __future__ import annotations

import html
import re

import pytest

from jamsostek import charts as charts_module
from jamsostek.charts import CHART_IDS
from jamsostek.data import live
from jamsostek.exports import picture
from tests.conftest import page_pictures, page_text, run_page, svg_text
from tests.live_helpers import PackageServer, Reply, package_copy, package_routes, replace_in

FORMATS = {
    "id": {"covered": "150.000", "gap": "9.000", "share": "48,64%", "province": "45,17%"},
    "en": {"covered": "150,000", "gap": "9,000", "share": "48.64%", "province": "45.17%"},
}
PLANTED_TITLE = "<script>alert(1)</script>"
PLANTED_PUBLISHER = "**bold** [link](http://x)"


def _charts(app) -> list:
    """The chart pictures /cakupan drew (exports.picture): [(chart id, {class: (alt text, SVG)})]."""
    return page_pictures(app)


def _markdown(app) -> list[str]:
    return [e.value for e in app.markdown] + [e.value for e in app.caption]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_coverage_page_shows_every_chart_with_takeaways_and_tables(lang, package):
    app = run_page("/cakupan", lang=lang)
    assert not app.exception
    charts = _charts(app)
    assert [chart_id for chart_id, _ in charts] == list(CHART_IDS)
    for chart_id, images in charts:  # a phone and a wide picture, each the chart drawn from its spec
        view = charts_module.view(chart_id, package, lang)
        assert set(images) == {"jsj-phone", "jsj-wide"}
        for css, width in (("jsj-phone", picture.PHONE_WIDTH), ("jsj-wide", picture.WIDE_WIDTH)):
            alt, svg = images[css]
            assert alt == view.alt_text
            assert svg.startswith("<svg") and f'width="{width}"' in svg[: svg.index(">")]
            words = svg_text(svg).split()
            assert view.title.split()[0] in words and ("Sumber:" if lang == "id" else "Source:") in words
    # numbers in the page's language, as Vega's locale writes them in the picture
    assert FORMATS[lang]["covered"] in svg_text(dict(charts)["covered"]["jsj-phone"][1])
    assert FORMATS[lang]["province"] in svg_text(dict(charts)["history"]["jsj-wide"][1])
    blocks = [e.proto.body for e in app.get("html") if 'class="jsj-figure"' in e.proto.body]
    assert len(blocks) == len(CHART_IDS)
    for chart_id, block in zip(CHART_IDS, blocks, strict=True):  # takeaway, picture, description, live chart
        view = charts_module.view(chart_id, package, lang)
        description = ("Keterangan grafik: " if lang == "id" else "Chart description: ") + view.alt_text
        assert block.startswith(
            f'<div class="jsj-chart-block"><p class="jsj-takeaway"><strong>{html.escape(view.takeaway)}</strong></p>'
        )
        assert f'<p class="jsj-caption">{html.escape(description)}</p>' in block
        assert f'href="/embed?chart={chart_id}&amp;lang={lang}"' in block
    text = page_text(app)
    assert FORMATS[lang]["covered"].replace(".", "\\.") in text
    assert FORMATS[lang]["gap"].replace(".", "\\.") in text
    assert len(app.get("download_button")) == len(CHART_IDS)
    # each chart's numbers fold away under it, in the same block: a table captioned with the chart's title
    details = re.compile(
        r'<details class="jsj-details"><summary>([^<]+)</summary>(<div class="jsj-numbers" role="region".*?)</details>'
        r"</div>$",
        re.DOTALL,
    )
    tables = []
    for chart_id, block in zip(CHART_IDS, blocks, strict=True):
        found = details.search(block)
        assert found and found[1] == ("Angka dalam grafik ini" if lang == "id" else "Numbers in this chart"), block
        assert "<caption>" + html.escape(charts_module.view(chart_id, package, lang).title) in found[2]
        tables.append(found[2])
    cells = {cell for body in tables for cell in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", body)}
    assert FORMATS[lang]["covered"] in cells and FORMATS[lang]["share"] in cells
    assert ("Data per" if lang == "id" else "Data as of") in text


def test_live_screen_redraws_in_a_fragment():
    app = run_page("/cakupan", lang="en", live="1")
    assert not app.exception
    assert len(_charts(app)) == len(CHART_IDS)
    assert any("updates its charts by itself" in e.value for e in app.info)


@pytest.mark.parametrize("value", ["<script>", "0", "1' OR 1=1", ""])
def test_strange_live_values_give_a_normal_page(value):
    app = run_page("/cakupan", lang="id", live=value)
    assert not app.exception and len(_charts(app)) == len(CHART_IDS)


def _planted_routes(tmp_path) -> dict[str, Reply]:
    routes = package_routes(package_copy(tmp_path / "pkg"))
    replace_in(
        routes,
        "/pkg/sources.csv",
        "S1a,ANTARA Jambi,Pemkot Jambi sasar kepesertaan Jamsostek ke sektor transportasi,",
        f"S1a,{PLANTED_PUBLISHER},{PLANTED_TITLE},",
    )
    return routes


def _run_live(server: PackageServer, ttl: str, lang: str = "id"):
    source = live.shared(server.url(), float(ttl), lambda: None)
    source.wait(10)
    app = run_page("/cakupan", lang=lang)
    assert not app.exception
    return app, source


def test_live_figures_appear_after_the_ttl_and_survive_a_broken_source(tmp_path, monkeypatch):
    ttl = "600"
    with PackageServer() as server:
        server.routes.update(_planted_routes(tmp_path))
        descriptor = server.routes["/pkg/datapackage.json"]
        server.routes["/pkg/datapackage.json"] = Reply(descriptor.body, content_type=descriptor.content_type, delay=3)
        monkeypatch.setenv("JAMSOSTEK_DATA_URL", server.url())
        monkeypatch.setenv("JAMSOSTEK_DATA_TTL", ttl)
        first = run_page("/cakupan", lang="id")  # starts the first (slow) fetch, shows the bundled data meanwhile
        assert not first.exception and "46%" not in page_text(first)
        server.routes["/pkg/datapackage.json"] = descriptor
        app, source = _run_live(server, ttl)
        text = page_text(app)
        assert source.status().source == "live"
        assert "46%" in text and "1 November 2025" in text
        assert "sumber langsung" in text

        server.routes["/pkg/datapackage.json"] = Reply(b"oops", 500, "text/plain")
        later = source.clock() + float(ttl) + 1
        source.clock = lambda: later  # the TTL has passed, without sleeping
        run_page("/cakupan", lang="id")  # due again: starts a refresh that fails
        app, source = _run_live(server, ttl)
        text = page_text(app)
        assert source.status().error_kind == live.HTTP
        assert "46%" in text and "1 November 2025" in text
        assert "tidak dipakai" in text
        _assert_data_text_is_plain(app)


def _assert_data_text_is_plain(app) -> None:
    texts = _markdown(app)
    joined = "\n".join(texts)
    assert re.search(r"(?<!\\)<script", joined) is None
    assert "**bold**" not in joined and "](http://x)" not in joined
    assert all(not e.proto.allow_html for e in app.markdown)
    # the list of sources is HTML: the planted text is shown as text, escaped, Markdown and all
    (sources,) = [e.proto.body for e in app.get("html") if e.proto.body.startswith('<section class="jsj-sources">')]
    assert "<script" not in sources and html.escape(PLANTED_TITLE) in sources
    assert re.search(
        f'<li>{re.escape(PLANTED_PUBLISHER)}: <a href="https://[^"]+">{re.escape(html.escape(PLANTED_TITLE))}</a> \\(',
        sources,
    )
    svgs = [svg for _, images in _charts(app) for _, svg in images.values()]  # Vega writes text as SVG text
    assert any(PLANTED_PUBLISHER in " ".join(svg_text(svg).split()) for svg in svgs)
    assert all("<script" not in svg for svg in svgs)
