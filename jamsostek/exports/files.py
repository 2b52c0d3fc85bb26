"""Chart files (PNG, SVG, PDF, CSV) rendered with vl-convert from the same specs the pages show."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import zipfile

from jamsostek import charts, cite, clock
from jamsostek.charts import ChartView
from jamsostek.data import DataPackage
from jamsostek.data.cache import per_package
from jamsostek.exports.published import frame_csv, package_files

FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SLIDE: tuple[int, int] = (1920, 1080)
PAGE_2X: tuple[int, int] = (1408, 880)  # the site's content column (704 px) at double density
LAYOUT_WIDTH = 960  # wider exports keep this layout and scale up, so the type grows with the picture
MAX_SIDE = 8000
ZIP_FOLDER = "jamsostek-jambi-data"
MAX_GROWTH = 2.5
SIDE_MARGIN = 16  # layout px left and right of an exported chart
SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


class ExportError(ValueError):
    """An export cannot be made: an unknown chart, format or size."""


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` as ``(1920, 1080)``; raises ExportError for anything else."""
    match = SIZE.match(text or "")
    if not match:
        raise ExportError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1920x1080")
    width, height = int(match.group(1)), int(match.group(2))
    if not (16 <= width <= MAX_SIDE and 16 <= height <= MAX_SIDE):
        raise ExportError(f"size {text!r}: each side must be between 16 and {MAX_SIDE} pixels")
    return width, height


def format_of(filename: str) -> str:
    """The export format named by a file's extension; raises ExportError for an unknown one."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix not in FORMATS:
        raise ExportError(f"{filename!r}: the file name must end in {', '.join('.' + f for f in FORMATS)}")
    return suffix


def default_scale(size: tuple[int, int]) -> float:
    """How much a picture of ``size`` is scaled up from its layout (1 up to LAYOUT_WIDTH wide)."""
    return max(1.0, size[0] / LAYOUT_WIDTH)


def sized_spec(spec: dict, size: tuple[int, int], scale: float, raster: bool = False) -> dict:
    """A copy of a Vega-Lite spec laid out so that, rendered at ``scale``, it is exactly ``size`` pixels."""
    out = copy.deepcopy(spec)
    # vl-convert rounds a PNG's scaled size down; half a pixel more lands on the requested size.
    extra = 0.49 / scale if raster else 0
    out["width"] = size[0] / scale + extra
    out["height"] = size[1] / scale + extra
    out["autosize"] = {"type": "fit", "contains": "padding"}
    return out


def _natural_height(spec: dict, width: float) -> float:
    """The full height a chart takes at ``width`` when its plot keeps its own height."""
    import vl_convert as vlc  # heavy (a Rust renderer, about 40 MB): only when a file is rendered

    probe = copy.deepcopy(spec)
    probe["width"], probe["autosize"] = width, {"type": "fit-x", "contains": "padding"}
    svg = vlc.vegalite_to_svg(probe, **_locale(probe))
    return float(re.search(r'height="([\d.]+)"', svg).group(1))


def balanced_spec(spec: dict, size: tuple[int, int], scale: float) -> dict:
    """A chart framed for a picture: a side margin, and a short plot grown at most MAX_GROWTH times, centred.

    A one-bar chart stretched over a whole 16:9 slide reads as an empty slide with an axis line down its side.
    """
    plot, base = spec.get("height"), spec.get("padding", spec.get("config", {}).get("padding", 5))
    if not isinstance(plot, int | float) or not isinstance(base, int | float):
        return spec
    spare = size[1] / scale - _natural_height(spec, size[0] / scale - 2 * SIDE_MARGIN)
    extra = max(0.0, (spare - plot * (MAX_GROWTH - 1)) / 2)
    padding = {"left": base + SIDE_MARGIN, "right": base + SIDE_MARGIN, "top": base + extra, "bottom": base + extra}
    return {**spec, "padding": padding}


def _locale(spec: dict) -> dict:
    locale = spec.get("config", {}).get("locale", {})
    return {k: v for k, v in (("format_locale", locale.get("number")), ("time_format_locale", locale.get("time"))) if v}


def render_spec(spec: dict, fmt: str, size: tuple[int, int], scale: float | None = None) -> bytes:
    """A Vega-Lite spec as PNG, SVG or PDF bytes of ``size`` pixels (SVG/PDF: same layout, vector)."""
    import vl_convert as vlc  # heavy: only when a file is rendered

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}")
    scale = scale or default_scale(size)
    sized = sized_spec(spec, size, scale, raster=fmt == "png")
    if fmt == "png":
        return vlc.vegalite_to_png(sized, scale=scale, **_locale(sized))
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(sized, **_locale(sized))
    svg = vlc.vegalite_to_svg(sized, **_locale(sized))
    # Keep the layout's viewBox; draw it at the requested size.
    svg = re.sub(r'^(<svg[^>]*?) width="[\d.]+" height="[\d.]+"', rf'\1 width="{size[0]}" height="{size[1]}"', svg)
    return svg.encode("utf-8")


def chart_view(
    package: DataPackage, chart_id: str, lang: str, width: int | str = "container", today: dt.date | None = None
) -> ChartView:
    """The chart's ChartView as of ``today`` (default: the clock's day), cached; ExportError for an unknown id.

    Charts say how old the newest figure is and whether a target's year has ended, so every cache here is
    keyed by the day as well as by the package's content.
    """
    if chart_id not in charts.CHART_IDS:
        raise ExportError(f"unknown chart {chart_id!r}; the charts are: {', '.join(charts.CHART_IDS)}")
    return _chart_view(package, chart_id, lang, width, today or clock.today())


@per_package(maxsize=64)
def _chart_view(package: DataPackage, chart_id: str, lang: str, width: int | str, today: dt.date) -> ChartView:
    return charts.view(chart_id, package, lang, width=width, today=today)


@per_package(maxsize=64)
def _page_spec(package: DataPackage, chart_id: str, lang: str, today: dt.date) -> str:
    return json.dumps(charts.to_spec(_chart_view(package, chart_id, lang, "container", today).chart))


def page_spec(package: DataPackage, chart_id: str, lang: str, today: dt.date | None = None) -> dict:
    """The Vega-Lite spec a page draws (width: the container) as of ``today``, validated once and then cached.

    Altair validates a spec against the Vega-Lite schema on every ``to_dict``; on /cakupan that was
    most of the script time (bench/PROFILE.txt). A fresh dict each call: Streamlit may change it.
    """
    return json.loads(_page_spec(package, chart_id, lang, today or clock.today()))


def chart_file(
    package: DataPackage,
    chart_id: str,
    lang: str,
    fmt: str = "png",
    size: tuple[int, int] = SLIDE,
    scale: float | None = None,
    today: dt.date | None = None,
) -> bytes:
    """One chart as PNG, SVG or PDF, as of ``today`` (default: the clock's day).

    Cached per package, day, chart, language, format and size.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    chart_view(package, chart_id, lang, today=today)  # an unknown chart is an ExportError before anything is drawn
    return _chart_file(package, chart_id, lang, fmt, tuple(size), scale, today or clock.today())


@per_package(maxsize=128)
def _chart_file(package, chart_id, lang, fmt, size, scale, today: dt.date) -> bytes:
    scale = scale or default_scale(size)
    layout = round(size[0] / scale)  # the width the picture is laid out at: titles wrap to it
    view = _chart_view(package, chart_id, lang, layout, today)
    return render_spec(balanced_spec(charts.to_spec(view.chart), size, scale), fmt, size, scale)


def chart_csv(package: DataPackage, chart_id: str, lang: str, today: dt.date | None = None) -> bytes:
    """Exactly the rows a chart plots today (or on ``today``), as UTF-8 CSV, every cell safe in a spreadsheet."""
    chart_view(package, chart_id, lang)  # an unknown chart is an ExportError
    return _chart_csv(package, chart_id, lang, today or clock.today())


@per_package(maxsize=32)
def _chart_csv(package: DataPackage, chart_id: str, lang: str, today: dt.date) -> bytes:
    return frame_csv(_chart_view(package, chart_id, lang, "container", today).data)


def file_name(chart_id: str, lang: str, fmt: str, size: tuple[int, int] | None = None, as_of=None) -> str:
    """``jamsostek-jambi-progress-id-1920x1080-2024-09-10.png``: what, language, size and data date."""
    parts = ["jamsostek-jambi", chart_id, lang]
    if size:
        parts.append(f"{size[0]}x{size[1]}")
    if as_of:
        parts.append(str(as_of))
    return "-".join(parts) + "." + fmt


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@per_package(maxsize=8)
def data_zip(package: DataPackage, lang: str, site_url: str = "") -> bytes:
    """The whole data package as a ZIP: the validated CSVs, the descriptor they were checked against, a README.

    Built from the bytes loaded with the package, so a live refresh that removed its folder changes nothing;
    it holds the package's own files only (``published.package_files``), whatever a live source added.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in package_files(package).items():
            archive.writestr(f"{ZIP_FOLDER}/{name}", content)
        archive.writestr(f"{ZIP_FOLDER}/README.md", cite.readme(package, lang, site_url))
    return buffer.getvalue()
