"""Every app page's first HTML through the local production stack: tags a link preview reads, the page's own
figures in the text before any script runs, preview pictures, language choice, robots.txt and sitemap.xml; and
the build keeping its old output when the shells fail their checks."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from jamsostek import charts, clock, content, figures, i18n, site, timeline
from jamsostek.cite import SITE_NAME
from jamsostek.data import DataPackage
from jamsostek.exports import card, files, first_html, shells, sitemap
from tests.test_proxy import fetch

CHECK_ANSWERS = "work=ojol&income=3000000&programs=jkk,jkm,jht&city_paid=no"
PAGES = [page for page in site.PAGES if page.key != "embed"]


class Shell(HTMLParser):
    """What a link preview and a reader without JavaScript get from a page's first HTML."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang, self.title, self.meta, self.links, self.scripts = "", "", {}, [], []
        self._in_title, self._depth, self.words, self.svgs, self.images = False, 0, [], 0, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        self._in_title = tag == "title"
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content", "")
        if tag == "link":
            self.links.append(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "div" and attrs.get("id") == "jsj-first" or self._depth and tag == "div":
            self._depth += 1
        self.svgs += bool(self._depth and tag == "svg")
        if self._depth and tag == "img":
            self.images.append(attrs)

    def handle_endtag(self, tag):
        self._in_title = False
        if tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._depth:
            self.words.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())

    def link(self, rel: str, hreflang: str | None = None) -> str:
        return next(a["href"] for a in self.links if a.get("rel") == rel and a.get("hreflang") == hreflang)


def get_shell(stack, path: str, **headers: str) -> Shell:
    status, answer, body = fetch(stack.url + path, {"Accept": "text/html", **headers})
    assert status == 200 and answer["content-type"].startswith("text/html"), path
    return Shell(body.decode("utf-8"))


def expected_words(package: DataPackage, page, lang: str) -> tuple[str, str]:
    """The title and description a page's preview must show, from its content file."""
    values = {name: figures.format_figure(f, lang) for name, f in figures.figures(package, clock.today()).items()}
    filled = content.filled_page(page.content, lang, values)
    return html.unescape(filled.title), html.unescape(filled.summary)


def headline_figures(package: DataPackage, page, lang: str) -> list[str]:
    """The page's figures as it writes them: every placeholder of the sections the page shows today."""
    today = clock.today()
    shown = content.load_page(page.content, lang).sections
    skip = shells.HIDDEN_SECTIONS.get(page.key, set()) | timeline.hidden_sections(package, page.content, today)
    names = {n for key, text in shown.items() if key not in skip for n in content.placeholders(text)}
    names |= {"home": {"cost_now"}, "check": {"cost_now"}, "coverage": {"coverage_pct"}}.get(page.key, set())
    values = figures.figures(package, today)
    return sorted({figures.format_figure(values[n], lang) for n in names})


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_every_page_has_its_preview_tags_and_figures_in_the_first_html(stack, package, page, lang):
    query = f"lang={lang}" + (f"&{CHECK_ANSWERS}" if page.key == "check" else "")
    shell = get_shell(stack, f"{page.url_path}?{query}")
    title, summary = expected_words(package, page, lang)
    canonical = f"{stack.url}/{page.path}?lang={lang}" + ("&chart=progress" if page.key == "share" else "")
    assert shell.lang == lang
    assert shell.title == f"{title} · {SITE_NAME}"
    assert shell.meta["description"] == summary == shell.meta["og:description"] == shell.meta["twitter:description"]
    assert shell.meta["og:title"] == title == shell.meta["twitter:title"]
    assert shell.link("canonical") == canonical == shell.meta["og:url"]
    for code in i18n.LANGUAGES:
        assert shell.link("alternate", code) == canonical.replace(f"lang={lang}", f"lang={code}")
    assert shell.meta["og:locale"] == {"id": "id_ID", "en": "en_US"}[lang]
    assert shell.meta["og:image"].startswith(f"{stack.url}/shell/og/") and shell.meta["og:image:alt"]
    assert (shell.meta["og:image:width"], shell.meta["og:image:height"]) == ("1200", "630")
    assert shell.meta["twitter:card"] == "summary_large_image"
    assert title in shell.text and summary in shell.text
    for figure in headline_figures(package, page, lang):
        assert figure in shell.text, f"{page.key}/{lang}: {figure!r} is not in the first HTML"
    light = f"{stack.url}/ringan/{lang}/{page.light or 'index'}.html"
    assert any(a.get("href") == light for a in shell.links)
    assert fetch(light)[0] == 200


def _coverage_pictures(shell: Shell, package) -> None:
    """The coverage page's copy shows each chart as the app does: its phone and wide pictures, with alt text."""
    assert shell.svgs == 0
    pictures = [i for i in shell.images if i.get("class") in ("jsj-phone", "jsj-wide")]
    assert len(pictures) == 2 * len(charts.CHART_IDS)
    for chart_id, (phone, wide) in zip(charts.CHART_IDS, zip(pictures[::2], pictures[1::2], strict=True), strict=True):
        alt = files.chart_view(package, chart_id, "id").alt_text
        assert (phone["class"], wide["class"], phone["alt"], wide["alt"]) == ("jsj-phone", "jsj-wide", alt, alt)
        assert all(i["src"].startswith("data:image/svg+xml;charset=utf-8,%3Csvg") for i in (phone, wide))


def test_the_coverage_page_and_chart_pages_carry_their_charts_as_svg(stack, package):
    _coverage_pictures(get_shell(stack, "/cakupan?lang=id"), package)
    for chart_id in charts.CHART_IDS:
        view = files.chart_view(package, chart_id, "en")
        shell = get_shell(stack, f"/embed?chart={chart_id}&lang=en&embed=true")
        assert shell.title == f"{view.title} · {SITE_NAME}" and shell.meta["og:description"] == view.takeaway
        assert shell.svgs == 1 and view.takeaway in shell.text
        assert shell.meta["og:url"] == f"{stack.url}/embed?lang=en&chart={chart_id}"
        assert f"/shell/og/{chart_id}-en." in shell.meta["og:image"]
        share = get_shell(stack, f"/bagikan?chart={chart_id}&lang=en")
        assert share.svgs == 1 and [i["alt"] for i in share.images] == [card.card_alt_text(package, "en")]
        assert share.images[0]["src"].startswith("data:image/svg+xml;base64,")  # the share card, as the app shows it
    unknown = get_shell(stack, "/embed?chart=../../etc/passwd&lang=id")
    assert unknown.svgs == 0 and files.chart_view(package, "history", "id").title in unknown.text


def test_every_preview_picture_is_a_1200_by_630_png(stack):
    pictures = set()
    for lang in i18n.LANGUAGES:
        for page in site.PAGES:
            for chart in shells.variants(page):
                query = f"lang={lang}" + (f"&chart={chart}" if chart else "")
                pictures.add(get_shell(stack, f"{page.url_path}?{query}").meta["og:image"])
    assert len(pictures) >= len(charts.CHART_IDS) * 2 + 6 * 2  # charts, and a card per other page
    for url in pictures:
        status, headers, body = fetch(url)
        assert status == 200 and headers["content-type"] == "image/png", url
        assert files.png_size(body) == (1200, 630), url


@pytest.mark.parametrize(
    ("query", "accept_language", "lang"),
    [
        ("", "en-US,en;q=0.9", "en"),
        ("", "id-ID,id;q=0.9,en;q=0.8", "id"),
        ("", "fr-FR,en;q=0.8", "id"),  # the app follows the browser's first language only
        ("", "", "id"),
        ("?lang=en", "id", "en"),
        ("?lang=id", "en-GB", "id"),
        ("?lang=xx", "en", "en"),
    ],
)
def test_the_language_is_the_one_the_app_will_choose(stack, query, accept_language, lang):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    assert get_shell(stack, "/manfaat" + query, **headers).lang == lang


def test_only_document_requests_get_the_first_html(stack):
    _status, _headers, body = fetch(stack.url + "/cakupan?lang=id", {"Accept": "application/json"})
    assert b"<title>Streamlit</title>" in body  # everything else reaches the app as before
    for path in ("/no-such-page", "/cakupan/extra", "/_stcore/host-config"):
        assert b"jsj-first" not in fetch(stack.url + path)[2], path
    for accept in ("*/*", "text/html,application/xhtml+xml", ""):  # browsers and link-preview robots
        assert b"jsj-first" in fetch(stack.url + "/cakupan", {"Accept": accept})[2], accept


def test_the_shells_run_only_their_own_script_and_streamlits(stack):
    text = fetch(stack.url + "/?lang=id")[2].decode()
    shell = Shell(text)
    sources = [s["src"] for s in shell.scripts if s.get("src")]
    assert any(src.startswith("./shell/handover.") for src in sources)
    assert all(src.startswith(("./shell/handover.", "./static/js/")) for src in sources), sources
    assert "<script>" not in text.split('<div id="jsj-first"', 1)[1]  # nothing inline in the copy


def test_the_loader_evaluates_streamlits_own_modules_one_by_one_then_its_entry(stack):
    text = fetch(stack.url + "/cakupan?lang=id")[2].decode()
    index = (shells.streamlit_static() / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<script type="module" crossorigin src="([^"]+)"></script>', index).group(1)
    preloaded = re.findall(r'<link rel="modulepreload" crossorigin href="([^"]+)">', index)
    assert f'src="{entry}"' not in text  # not loaded as one block any more
    loaders = re.findall(r'<script type="module">(.*?)</script>', text, flags=re.DOTALL)
    assert len(loaders) == 1
    listed = json.loads(re.search(r"for \(const m of (\[.*?\])\)", loaders[0]).group(1))
    assert listed == preloaded and len(listed) > 10
    assert loaders[0].rstrip().endswith(f"import({json.dumps(entry)});")
    for path in [*listed, entry]:  # every module it names is served
        assert fetch(f"{stack.url}/{path[2:]}")[0] == 200, path


def test_robots_and_sitemap_name_every_page_and_every_address_answers(stack):
    robots = fetch(stack.url + "/robots.txt")[2].decode()
    assert "User-agent: *" in robots and f"Sitemap: {stack.url}/sitemap.xml" in robots
    addresses = sitemap.locations(fetch(stack.url + "/sitemap.xml")[2])
    menu = [page for page in site.PAGES if page.in_menu]
    light = [page for page in site.PAGES if page.light]
    assert len(addresses) == len(set(addresses)) == 2 * len(menu) + 2 * len(light) + 1
    for code in i18n.LANGUAGES:
        assert f"{stack.url}/cakupan?lang={code}" in addresses
        assert f"{stack.url}/ringan/{code}/cakupan.html" in addresses
    for address in addresses:
        assert urlsplit(address).netloc == urlsplit(stack.url).netloc
        assert fetch(address, {"Accept": "text/html"})[0] == 200, address


def test_with_every_app_process_down_the_first_html_and_the_light_version_are_still_served(stack, package):
    for app in stack.apps:
        app.stop()
    try:
        shell = get_shell(stack, "/cakupan?lang=id")
        _coverage_pictures(shell, package)
        script = next(s["src"] for s in shell.scripts if s.get("src", "").startswith("./shell/"))
        assert fetch(f"{stack.url}/{script[2:]}")[0] == 200  # the hand-over script, which then says so
        assert fetch(f"{stack.url}/ringan/id/cakupan.html")[0] == 200
    finally:
        for app in stack.apps:
            app.start()


def test_verify_names_what_is_wrong_with_built_shells(stack, tmp_path):
    copy = tmp_path / "shells"
    shutil.copytree(stack.built[1], copy)
    assert first_html.verify(copy) == []
    (copy / "pages" / "en" / "manfaat.html").unlink()
    page = copy / "pages" / "id" / "cakupan.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "<h1>{{ coverage_pct }}"), encoding="utf-8")
    home = copy / "pages" / "id" / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("./static/js/index.", "./static/js/gone."), "utf-8")
    for picture in (copy / "public" / "og").glob("data-id.*.png"):
        picture.unlink()
    problems = "\n".join(first_html.verify(copy))
    assert "en/manfaat.html is missing" in problems and "id/cakupan.html: an unfilled placeholder" in problems
    assert "no Streamlit file static/js/gone." in problems and "data.html: no file og/data-id." in problems


def test_a_changed_streamlit_index_fails_the_build_and_keeps_both_old_outputs(tmp_path, package, monkeypatch):
    fake = tmp_path / "streamlit-static"
    fake.mkdir()
    (fake / "index.html").write_text("<!doctype html><html><head></head><body><main></main></body></html>")
    monkeypatch.setattr(shells, "streamlit_static", lambda: fake)
    light, first = tmp_path / "ringan", tmp_path / "shells"
    for folder in (light, first):
        folder.mkdir()
        (folder / "marker.txt").write_text("previous build")
    with pytest.raises(shells.ShellError, match="index.html has no"):
        first_html.build_with_light(light, first, package, site_url="https://example.org", today=dt.date(2026, 11, 29))
    assert (light / "marker.txt").exists() and (first / "marker.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ringan", "shells", "streamlit-static"]
