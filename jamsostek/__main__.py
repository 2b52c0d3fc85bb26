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


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m jamsostek")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data package (default: the bundled data/)")
    check.add_argument("directory", nargs="?", default=str(DATA_DIR))
    check.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
