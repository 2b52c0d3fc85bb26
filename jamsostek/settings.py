"""Every path and environment setting the site reads, in one place (tests point them elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

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


def site_url() -> str:
    """The site's public address (``JAMSOSTEK_SITE_URL``, e.g. ``https://jamsostek.example.go.id``), or "".

    What the share card prints and the address citations give: set by the operator, never taken
    from what a visitor's browser reports (a client choosing its own host would make every card new).
    """
    url = os.environ.get("JAMSOSTEK_SITE_URL", "").strip().rstrip("/")
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc and not parts.query else ""


def data_origins() -> list[str]:
    """Other origins the live source may redirect to (``JAMSOSTEK_DATA_ORIGINS``: ``https://host[:port]``, spaced)."""
    return os.environ.get("JAMSOSTEK_DATA_ORIGINS", "").replace(",", " ").split()
