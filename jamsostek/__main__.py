"""Command line: ``validate``, ``export-chart``, ``export-deck``, ``build-static`` (the light version and the pages'
first HTML)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from jamsostek import site
from jamsostek.data import DATA_DIR, DataError, DataPackage, live


def _validate(args: argparse.Namespace) -> int:
    from jamsostek import contract  # the pages' modules (Altair among them): the contract builds every page

    problems = contract.validate(Path(args.directory))
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{args.directory}: valid")
    return 1 if problems else 0


def _write(command: str, out: str, make: Callable[[DataPackage], bytes]) -> int:
    """Make a file from the data (``contract.load``) and write it to ``out``; 1 with a message, never a traceback."""
    from jamsostek import contract  # the pages' modules: only for the commands that need them

    try:
        content = make(contract.load())
    except DataError as exc:
        print(f"{command}: the data package is not valid:\n{exc}", file=sys.stderr)
        return 1
    try:
        Path(out).write_bytes(content)
    except OSError as exc:
        print(f"{command}: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def _export_chart(args: argparse.Namespace) -> int:
    from jamsostek import charts, contract  # Altair and vl-convert: only for the commands that draw
    from jamsostek.exports import files

    if args.list:
        package = contract.load()
        for chart_id in charts.CHART_IDS:
            print(f"{chart_id}\t{charts.view(chart_id, package, args.lang).title}")
        return 0
    try:
        if not args.chart or not args.out:
            raise files.ExportError("give a chart id and an output file, or --list")
        if args.chart not in charts.CHART_IDS:
            raise files.ExportError(f"unknown chart {args.chart!r}; the charts are: {', '.join(charts.CHART_IDS)}")
        fmt = files.format_of(args.out)
        size = files.parse_size(args.size) if args.size else files.SLIDE
    except files.ExportError as exc:
        print(f"export-chart: {exc}", file=sys.stderr)
        return 2
    if _write("export-chart", args.out, lambda package: files.chart_file(package, args.chart, args.lang, fmt, size)):
        return 1
    print(f"{args.out}: {args.chart}, {args.lang}, {size[0]}x{size[1]} {fmt}")
    return 0


def _add_export_chart(commands) -> None:
    cmd = commands.add_parser(
        "export-chart", help="write a chart as PNG, SVG or PDF (the format follows the extension)"
    )
    cmd.add_argument("chart", nargs="?", help="chart id (see --list)")
    cmd.add_argument("out", nargs="?", help="output file: .png, .svg or .pdf")
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="language (default: id)")
    cmd.add_argument("--size", help="WIDTHxHEIGHT in pixels (default: a 16:9 slide, 1920x1080)")
    cmd.add_argument("--list", action="store_true", help="list the chart ids and titles")
    cmd.set_defaults(run=_export_chart)


def _export_deck(args: argparse.Namespace) -> int:
    from jamsostek.exports import deck, files  # python-pptx, Altair and vl-convert: only for the commands that draw

    try:
        if not args.out.lower().endswith(".pptx"):
            raise files.ExportError(f"{args.out!r}: the file name must end in .pptx")
        chart_ids = deck.parse_charts(args.charts)
    except files.ExportError as exc:
        print(f"export-deck: {exc}", file=sys.stderr)
        return 2
    if _write("export-deck", args.out, lambda package: deck.deck_file(package, args.lang, chart_ids)):
        return 1
    print(f"{args.out}: {len(chart_ids)} chart slides ({', '.join(chart_ids)}), {args.lang}")
    return 0


def _add_export_deck(commands) -> None:
    cmd = commands.add_parser("export-deck", help="write a 16:9 PowerPoint deck: a slide per chart, editable text")
    cmd.add_argument("out", help="output file: .pptx")
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="language (default: id)")
    cmd.add_argument(
        "--charts", help="chart ids separated by commas, in slide order (default: all; see export-chart --list)"
    )
    cmd.set_defaults(run=_export_deck)


def _build_static(args: argparse.Namespace) -> int:
    from jamsostek import contract  # the pages' modules: the light version is built only from data they build from
    from jamsostek.exports import first_html, shells, static  # Jinja and markdown-it: only for this command

    if args.site_url and site.base_url(args.site_url) != args.site_url.rstrip("/"):
        print(f"build-static: --site-url {args.site_url!r} is not a plain http(s) address such as https://example.org")
        return 2
    url = args.data_url or live.settings(os.environ, {})[0]
    if url and live.url_problem(url):  # the app's rule: never a local file or another scheme
        print(f"build-static: --data-url {url!r} is {live.url_problem(url)}; give an http(s) address")
        return 2
    with tempfile.TemporaryDirectory(prefix="jamsostek-build-") as workdir:
        try:
            directory = live.fetch(url, Path(workdir)) if url else Path(args.data_dir)
            package = contract.load(directory)
        except live.FetchError as exc:
            print(f"build-static: cannot read the live data ({exc.kind}: {exc}); {args.out_dir} was left untouched")
            return 1
        except DataError as exc:
            print(f"build-static: the data failed its checks; {args.out_dir} was left untouched:")
            print("\n".join(str(problem) for problem in exc.problems))
            return 1
        shells_dir = Path(args.shells or Path(args.out_dir).parent / "shells")
        try:
            out, first = first_html.build_with_light(args.out_dir, shells_dir, package, args.base_url, args.site_url)
        except (static.BuildError, shells.ShellError) as exc:
            print(f"build-static: the built pages failed their checks; {args.out_dir} was left untouched: {exc}")
            return 1
    print(f"light version written to {out}, the app pages' first HTML to {first}, from {url or directory}")
    if not args.site_url:
        print("build-static: no --site-url: link previews and the sitemap need the site's absolute address")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m jamsostek")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data package (default: the bundled data/)")
    check.add_argument("directory", nargs="?", default=str(DATA_DIR))
    check.set_defaults(run=_validate)
    _add_export_chart(commands)
    _add_export_deck(commands)
    light = commands.add_parser("build-static", help="write the light version (static HTML) into OUT_DIR")
    light.add_argument("out_dir")
    light.add_argument("--base-url", default="/", help="where the interactive site lives (default: same host)")
    light.add_argument("--data-dir", default=str(DATA_DIR), help="the data package to build from")
    light.add_argument("--data-url", help="build from a live data package (default: $JAMSOSTEK_DATA_URL)")
    light.add_argument("--shells", help="where the app pages' first HTML goes (default: OUT_DIR's sibling shells/)")
    light.add_argument(
        "--site-url",
        default=os.environ.get("JAMSOSTEK_SITE_URL", ""),
        help="the site's public address, e.g. https://jamsostek.jambikota.go.id (default: $JAMSOSTEK_SITE_URL)",
    )
    light.set_defaults(run=_build_static)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
