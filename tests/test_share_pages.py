"""/embed, /bagikan and /data in AppTest; the journalist's table, citations, change log and links behind them."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from jamsostek import catalog, charts, cite, data, i18n
from jamsostek import site as links
from jamsostek.exports import files as export
from tests.conftest import page_text, run_page

LANGS = ("id", "en")


def control(app, label: str):
    """The segmented control (button group) with this label."""
    return next(group for group in app.button_group if group.label == label)


def chart_specs(app) -> list[str]:
    return [element.proto.spec for element in app.get("vega_lite_chart")]


def title_of(spec: str) -> str:
    """The chart title in a spec, its wrapped lines joined again."""
    text = json.loads(spec)["title"]["text"]
    return " ".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_embed_shows_exactly_one_chart(package, chart_id):
    app = run_page("/embed", chart=chart_id, lang="en")
    assert not app.exception, app.exception
    specs = chart_specs(app)
    assert len(specs) == 1
    view = export.chart_view(package, chart_id, "en")
    assert title_of(specs[0]) == view.title and package.source(view.source_ids[0])["publisher"] in specs[0]
    assert not app.title and not app.dataframe  # the chart alone: no page title, no table
    assert "BPJS Ketenagakerjaan" in page_text(app)


def test_embed_live_refreshes_the_same_single_chart():
    app = run_page("/embed", chart="progress", lang="id", live="1")
    assert not app.exception and len(chart_specs(app)) == 1
    assert "selama halaman ini terbuka" in page_text(app)


@pytest.mark.parametrize("query", [{"chart": "pie"}, {}, {"chart": "<script>"}, {"chart": "progress'--"}])
def test_embed_with_an_unknown_chart_lists_the_valid_ones(query):
    app = run_page("/embed", lang="en", **query)
    assert not app.exception
    assert not chart_specs(app)
    assert "does not exist" in page_text(app)
    labels = " ".join(link.proto.label for link in app.get("page_link"))
    for chart_id in charts.CHART_IDS:
        assert f"({chart_id})" in labels


@pytest.mark.parametrize("lang", LANGS)
def test_share_page_offers_code_link_downloads_and_card(lang):
    app = run_page("/bagikan", lang=lang)
    assert not app.exception, app.exception
    assert len(chart_specs(app)) == 1
    codes = [c.value for c in app.code]
    assert any(c.startswith("<iframe") and "embed=true" in c and "chart=progress" in c for c in codes)
    assert any("/embed?chart=progress&lang=" + lang in c for c in codes)
    labels = [b.proto.label for b in app.get("download_button")]
    assert len(labels) == 7 and any("1920 × 1080" in label for label in labels)
    assert len(app.get("image")) == 1
    text = page_text(app)
    assert ("22 Mei 2025" if lang == "id" else "May 22, 2025") in text  # the newest figure, with its date


def test_share_page_follows_the_chosen_chart_and_chart_language(package):
    app = run_page("/bagikan", lang="id", chart="gap")
    assert not app.exception
    assert title_of(chart_specs(app)[0]) == export.chart_view(package, "gap", "id").title
    control(app, "Bahasa grafik").set_value("en").run()
    assert not app.exception
    assert "Figures as of" in chart_specs(app)[0]
    assert any("lang=en" in c.value for c in app.code)
    assert app.title[0].value == "Bagikan & sematkan"  # the page itself stays in Indonesian


def test_share_page_survives_a_strange_chart_param():
    app = run_page("/bagikan", lang="en", chart="nope")
    assert not app.exception
    assert len(chart_specs(app)) == 1


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("id", ["50%", "53%", "48,64%", "Rp6.800 per bulan", "Rp42.000.000", "3.000 pekerja", "ANTARA Jambi [S1a]"]),
        ("en", ["50%", "53%", "48.64%", "Rp6,800 per month", "Rp42,000,000", "3,000 workers", "ANTARA Jambi [S1a]"]),
    ],
)
def test_data_page_lists_every_figure(lang, expected):
    app = run_page("/data", lang=lang)
    assert not app.exception, app.exception
    table = app.dataframe[0].value
    cells = " | ".join(str(v) for v in table.to_numpy().ravel())
    for figure in expected:
        assert figure in cells, figure
    not_bpjs = "Situs ini bukan BPJS Ketenagakerjaan" if lang == "id" else "This site is not BPJS Ketenagakerjaan"
    assert not_bpjs in app.info[0].value
    assert "Jamsostek Jambi" in app.code[0].value
    assert len(app.get("download_button")) == 1


def test_data_page_filters_by_kind_and_area():
    app = run_page("/data", lang="en")
    control(app, "Kind").set_value(["target"]).run()
    assert set(app.dataframe[0].value["kind_id"]) == {"target"}
    control(app, "Area").set_value(["kota-jambi"]).run()
    assert list(app.dataframe[0].value["value"]) == ["53%", "55%"]  # in the order they were stated
    assert "53%" in app.code[1].value and "ANTARA Jambi" in app.code[1].value


def test_table_has_a_row_for_every_figure_and_rule(package):
    table = catalog.figure_table(package, "en")
    expected = sum(
        len(getattr(package, name))
        for name in ("coverage", "targets", "figures", "statements", "rules", "contributions", "discounts", "benefits")
    )
    # one fact, one row: the rule "12 months of full income" is the benefit row with its "not certain" caveat
    assert len(table) == expected - 1
    full_pay = table[table["figure"] == "JKK: months of full income while unable to work"]
    assert len(full_pay) == 1 and full_pay.iloc[0]["caveat"] == "Not certain; check with BPJS Ketenagakerjaan."
    assert not table[["figure", "value", "as_of", "source"]].isin(["", None]).any().any()
    assert set(table["source_id"]) <= set(package.sources["id"])


def test_every_id_in_the_data_has_a_translated_name(package):
    _ = i18n.gettext("id")
    table = catalog.figure_table(package, "id")
    raw_ids = set(package.benefits["id"]) | set(package.rules["id"]) | set(package.figures["id"])
    assert not raw_ids & set(table["figure"]), "an id is shown instead of its name"


def test_figure_citation_names_figure_source_and_site(package):
    _ = i18n.gettext("en")
    table = catalog.figure_table(package, "en")
    row = table[(table["kind_id"] == "coverage") & (table["value"] == "50%")].iloc[0]
    text = cite.figure_citation(package, row, "en", "https://example.org")
    assert "50%" in text and "September 10, 2024" in text
    assert "ANTARA Jambi" in text and package.source("S1a")["url"] in text and "accessed November 23, 2026" in text
    assert text.endswith("https://example.org")


def test_changelog_comes_from_the_data(package):
    log = catalog.changelog(package, "id")
    assert len(log) == len(package.changelog) > 0
    assert set(log["resource"]) <= {r["name"] for r in data.canonical_descriptor()["resources"]}
    newest_first = sorted(package.changelog["date"], reverse=True)
    assert list(log["date"]) == [i18n.date(day, "id") for day in newest_first]  # "29 November 2026", newest first


@pytest.mark.parametrize(
    "url, base",
    [
        ("http://localhost:8651/bagikan", "http://localhost:8651"),
        ("https://example.org/jamsostek/data", "https://example.org/jamsostek"),
        ("https://example.org/", "https://example.org"),
        ("https://example.org", "https://example.org"),
        ("javascript:alert(1)", ""),
        ('https://ex"ample.org/', ""),
        (None, ""),
    ],
)
def test_base_url(url, base):
    assert links.base_url(url) == base


def test_iframe_code_is_safe_and_sized():
    code = links.iframe_code(links.embed_url("https://example.org", "gap", "en"), 'A "quoted" <title>', 400)
    assert 'src="https://example.org/embed?chart=gap&lang=en&embed=true"' in code
    assert "&quot;quoted&quot; &lt;title&gt;" in code and 'height="400"' in code
    assert links.page_url("", "embed", chart="gap", lang="id") == "/embed?chart=gap&lang=id"


def test_whatsapp_link_carries_text_and_link_encoded():
    url = links.whatsapp_url("Iuran Anda: Rp8.400 & lebih", "https://example.org/cek-iuran?work=ojol&lang=id")
    assert url.startswith("https://wa.me/?text=")
    text = parse_qs(urlsplit(url).query)["text"][0]
    assert text == "Iuran Anda: Rp8.400 & lebih https://example.org/cek-iuran?work=ojol&lang=id"
