"""Command line: ``python -m jamsostek validate [DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jamsostek.data import DATA_DIR, validate


def _validate(args: argparse.Namespace) -> int:
    problems = validate(Path(args.directory))
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{args.directory}: valid")
    return 1 if problems else 0


def _build_static(args: argparse.Namespace) -> int:
    import os
    import tempfile

    from jamsostek import live, static
    from jamsostek.data import DataError, load

    url = args.data_url or os.environ.get("JAMSOSTEK_DATA_URL")
    with tempfile.TemporaryDirectory(prefix="jamsostek-build-") as workdir:
        try:
            directory = live.fetch(url, Path(workdir)) if url else Path(args.data_dir)
            package = load(directory)
        except live.FetchError as exc:
            print(f"build-static: cannot read the live data ({exc}); {args.out_dir} was left untouched")
            return 1
        except DataError as exc:
            print(f"build-static: the data failed its checks; {args.out_dir} was left untouched:")
            print("\n".join(str(problem) for problem in exc.problems))
            return 1
        out = static.build(Path(args.out_dir), package, base_url=args.base_url)
    print(f"light version written to {out} from {url or directory}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m jamsostek")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data package (default: the bundled data/)")
    check.add_argument("directory", nargs="?", default=str(DATA_DIR))
    check.set_defaults(run=_validate)
    light = commands.add_parser("build-static", help="write the light version (static HTML) into OUT_DIR")
    light.add_argument("out_dir")
    light.add_argument("--base-url", default="/", help="where the interactive site lives (default: same host)")
    light.add_argument("--data-dir", default=str(DATA_DIR), help="the data package to build from")
    light.add_argument("--data-url", help="build from a live data package (default: $JAMSOSTEK_DATA_URL)")
    light.set_defaults(run=_build_static)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
