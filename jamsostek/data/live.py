"""A live copy of the data package: fetched with limits, validated like the bundled one, refreshed in the background."""

from __future__ import annotations

import datetime as dt
import logging
import math
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jamsostek import clock, data
from jamsostek import settings as config
from jamsostek.data import DataError, DataPackage
from jamsostek.data.archive import ZIP_MAGIC, descriptor, looks_like_html, own_files, unzip
from jamsostek.data.remote import (
    BROKEN,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    HTTP,
    INVALID,
    KINDS,
    NOT_A_PACKAGE,
    REDIRECT,
    TIMEOUT,
    TOO_LARGE,
    UNREACHABLE,
    Budget,
    Deadline,
    FetchError,
    Origin,
    origins,
    read_url,
    url_problem,
)

__all__ = [
    "BROKEN",
    "HTTP",
    "INVALID",
    "KINDS",
    "NOT_A_PACKAGE",
    "REDIRECT",
    "TIMEOUT",
    "TOO_LARGE",
    "UNREACHABLE",
    "FetchError",
    "LiveSource",
    "Status",
    "fetch",
    "settings",
    "shared",
    "url_problem",
]

LOG = logging.getLogger("jamsostek.live")
DEFAULT_TTL = 600.0
MIN_TTL = 0.05
# A refresh still running this long after its deadline hangs somewhere no deadline reaches (a name lookup,
# the disk): the next one starts anyway, and whatever the hung one finds later is dropped.
HANG_GRACE = 60.0


@dataclass(frozen=True)
class Status:
    """Which data the site shows, when the live source was last checked, and what went wrong last."""

    source: str  # "bundled" or "live"
    url: str | None = None
    checked_at: dt.datetime | None = None
    live_since: dt.datetime | None = None  # when the live copy in use was fetched
    error_kind: str | None = None
    error: str | None = None


def ttl_from(raw: object) -> float:
    """Seconds between checks: a positive finite number; anything else is logged and the default used."""
    if raw is None or raw == "":
        return DEFAULT_TTL
    try:
        ttl = float(raw) if not isinstance(raw, bool) else math.nan
    except (TypeError, ValueError):
        ttl = math.nan
    if not math.isfinite(ttl) or ttl <= 0:
        LOG.warning("data_ttl %r is not a positive number of seconds; using the default, %g s", raw, DEFAULT_TTL)
        return DEFAULT_TTL
    return max(MIN_TTL, ttl)


def settings(env: Mapping[str, str], secrets: Mapping[str, object]) -> tuple[str | None, float]:
    """The live URL and TTL: the environment first, then secrets; a URL that is not http(s) is ignored."""
    url = (env.get("JAMSOSTEK_DATA_URL") or str(secrets.get("data_url") or "")).strip() or None
    ttl = ttl_from(env.get("JAMSOSTEK_DATA_TTL") or secrets.get("data_ttl"))
    if url and url_problem(url):
        LOG.warning("data_url %r is %s; using the bundled data", url, url_problem(url))
        url = None
    return url, ttl


def fetch(
    url: str,
    target: Path,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allowed: frozenset[Origin] | None = None,
) -> Path:
    """Download the package at ``url`` (a datapackage.json or a ZIP) into ``target``; returns its folder.

    One deadline covers every request, one byte budget every file (as produced, gzip and ZIP included).
    Only the package's own files are written, each under the path the bundled (canonical) descriptor
    gives it, so the validator reads it exactly like the bundled copy. Any failure is a ``FetchError``.
    """
    deadline, budget = Deadline(timeout), Budget(max_bytes)
    allowed = origins(config.data_origins()) if allowed is None else allowed
    canonical = data.canonical_descriptor()
    body, url = read_url(url, deadline, budget.left, allowed)
    budget.take(len(body), url)
    if body.startswith(ZIP_MAGIC):
        return unzip(body, target, canonical, budget)
    live = descriptor(body)
    (target / data.DESCRIPTOR).write_bytes(body)
    for remote, local in own_files(live, canonical):
        content, _ = read_url(urljoin(url, str(remote)), deadline, budget.left, allowed)
        budget.take(len(content), str(remote))
        if looks_like_html(content):
            raise FetchError(NOT_A_PACKAGE, f"{remote}: an HTML page, not CSV")
        (target / local).write_bytes(content)
    return target


class LiveSource:
    """The last good live package, refreshed in a background thread once it is ``ttl`` seconds old.

    Visitors never wait for the network: ``package()`` returns what is held now (the bundled
    package until a live copy has passed validation) and, when due, starts one refresh. ``clock``
    (seconds, like ``time.monotonic``) lets tests move time on instead of sleeping.
    """

    def __init__(
        self,
        url: str,
        ttl: float,
        fallback: Callable[[], DataPackage],
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
        load: Callable[[Path], DataPackage] = data.load,
    ):
        self.url, self.ttl, self.timeout, self.max_bytes, self.clock = url, ttl, timeout, max_bytes, clock
        self._load = load  # validates a candidate (the app passes jamsostek.contract.load: pages must build)
        self._fallback = fallback
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._good: DataPackage | None = None
        self._checked: float | None = None  # clock() of the last finished check
        self._started: float | None = None  # clock() when the running refresh started
        self._round = 0  # which refresh counts: a newer one overrules one that hung
        self._status = Status("bundled", url)

    def package(self) -> DataPackage:
        """The package to show now; starts a background refresh when the last check is older than the TTL."""
        with self._lock:
            now = self.clock()
            due = self._checked is None or now - self._checked >= self.ttl
            hung = self._started is not None and now - self._started >= self.timeout + HANG_GRACE
            if due and (self._started is None or hung):
                if hung:
                    LOG.warning("live refresh from %s hangs; starting another", self.url)
                thread = threading.Thread(target=self._refresh, args=(self._begin(now),), daemon=True)
                thread.name = "jamsostek-live"
                thread.start()
            good = self._good
        return good if good is not None else self._fallback()

    def status(self) -> Status:
        """What the site shows and how the last check went."""
        with self._lock:
            return self._status

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no refresh is running (for tests and scripts); False if it is still running."""
        return self._idle.wait(timeout)

    def refresh(self) -> None:
        """Fetch and validate once, now, in this thread; keep the last good package whatever happens."""
        with self._lock:
            round_ = self._begin(self.clock())
        self._refresh(round_)

    def _begin(self, now: float) -> int:
        self._round += 1
        self._started = now
        self._idle.clear()
        return self._round

    def _refresh(self, round_: int) -> None:
        workdir = Path(tempfile.mkdtemp(prefix="jamsostek-live-"))
        error_kind, error, fresh = None, None, None
        try:
            fresh = self._load(fetch(self.url, workdir, self.timeout, self.max_bytes))
        except FetchError as exc:
            error_kind, error = exc.kind, str(exc)
        except DataError as exc:
            error_kind, error = INVALID, f"{len(exc.problems)} problem(s): {exc.problems[0]}"
            LOG.warning("live data from %s failed validation:\n%s", self.url, exc)
        except Exception as exc:  # a live source must never take the site down
            error_kind, error = INVALID, f"{type(exc).__name__}: {exc}"
            LOG.exception("live data from %s could not be read", self.url)
        finally:
            self._finish(round_, fresh, workdir, error_kind, error)

    def _finish(self, round_: int, fresh: DataPackage | None, workdir: Path, kind: str | None, error: str | None):
        if error and kind != INVALID:
            LOG.warning("live data from %s not used: %s", self.url, error)
        with self._lock:
            if round_ != self._round:  # a newer refresh started while this one hung: it decides
                LOG.warning("a live refresh from %s that hung has ended; its result is dropped", self.url)
                old, fresh = None, None
            else:
                old = self._good.directory if (fresh is not None and self._good is not None) else None
                self._good = fresh if fresh is not None else self._good
                live = self._good is not None
                since = self._good.loaded_at if live else None
                self._status = Status("live" if live else "bundled", self.url, clock.now(), since, kind, error)
                self._checked, self._started = self.clock(), None
                self._idle.set()
        for folder in (old, None if fresh is not None else workdir):
            if folder is not None:
                shutil.rmtree(_temp_root(folder), ignore_errors=True)


def _temp_root(folder: Path) -> Path:
    """The temporary folder a package was unpacked into."""
    for parent in (folder, *folder.parents):
        if parent.name.startswith("jamsostek-live-"):
            return parent
    return folder


_SOURCES: dict[tuple[str, float], LiveSource] = {}
_SOURCES_LOCK = threading.Lock()


def shared(
    url: str, ttl: float, fallback: Callable[[], DataPackage], load: Callable[[Path], DataPackage] = data.load
) -> LiveSource:
    """The one ``LiveSource`` of this process for ``url`` and ``ttl``."""
    with _SOURCES_LOCK:
        if (url, ttl) not in _SOURCES:
            _SOURCES[(url, ttl)] = LiveSource(url, ttl, fallback, load=load)
        return _SOURCES[(url, ttl)]
