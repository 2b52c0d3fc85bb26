"""Every path and environment setting the site reads, in one place (tests point them elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA_DIR = ROOT / "data"
# Another copy of the package (same schemas) may be served instead, e.g. the benchmark's grown copies.
DATA_DIR = Path(os.environ.get("JAMSOSTEK_DATA_DIR") or BUNDLED_DATA_DIR)
CONTENT_DIR = ROOT / "content"
LOCALES_DIR = ROOT / "locales"
TEMPLATES_DIR = Path(__file__).resolve().parent / "exports" / "templates"


def light_url() -> str:
    """Where the light version is published (``JAMSOSTEK_LIGHT_URL``, default ``/ringan/``), without a final slash."""
    return os.environ.get("JAMSOSTEK_LIGHT_URL", "/ringan/").rstrip("/")
