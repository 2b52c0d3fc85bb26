"""A live copy of the data package: fetched with limits, validated like the bundled one, refreshed in the background."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from jamsostek import clock, data
from jamsostek.data import DataError, DataPackage

LOG = logging.getLogger("jamsostek.live")
DEFAULT_TTL = 600.0
MIN_TTL = 0.05
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 5_000_000
CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
USER_AGENT = "jamsostek-jambi/1.0 (+data refresh)"
# Kinds of failure, stable for the page to translate.
UNREACHABLE, HTTP, TIMEOUT, TOO_LARGE, NOT_A_PACKAGE, INVALID = (
    "unreachable",
    "http",
    "timeout",
    "too-large",
    "not-a-package",
    "invalid",
)


class FetchError(Exception):
    """The live copy could not be fetched or unpacked; ``kind`` says how, the message says where."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@dataclass(frozen=True)
class Status:
    """Which data the site shows, when the live source was last checked, and what went wrong last."""

    source: str  # "bundled" or "live"
    url: str | None = None
    checked_at: dt.datetime | None = None
    live_since: dt.datetime | None = None  # when the live copy in use was fetched
    error_kind: str | None = None
    error: str | None = None


def settings(env: Mapping[str, str], secrets: Mapping[str, object]) -> tuple[str | None, float]:
    """The live URL and TTL: the environment first, then secrets; a bad TTL falls back to the default."""
    url = (env.get("JAMSOSTEK_DATA_URL") or str(secrets.get("data_url") or "")).strip() or None
    raw = env.get("JAMSOSTEK_DATA_TTL") or secrets.get("data_ttl")
    ttl = DEFAULT_TTL
    if raw not in (None, ""):
        try:
            ttl = max(MIN_TTL, float(raw))
        except (TypeError, ValueError):
            LOG.warning("data_ttl %r is not a number of seconds; using %s", raw, DEFAULT_TTL)
    if url and urlsplit(url).scheme not in ("http", "https"):
        LOG.warning("data_url %r is not an http(s) address; using the bundled data", url)
        url = None
    return url, ttl


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip()[:64].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def read_url(url: str, timeout: float, max_bytes: int, deadline: float) -> bytes:
    """The body of ``url``, streamed: abort past ``max_bytes`` or ``deadline`` (a ``time.monotonic`` value)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    name = PurePosixPath(urlsplit(url).path).name or url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(TOO_LARGE, f"{name}: {declared} bytes, more than the limit of {max_bytes}")
            chunks, size = [], 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(TOO_LARGE, f"{name}: more than the limit of {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(TIMEOUT, f"{name}: still downloading after {timeout} s")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise FetchError(HTTP, f"{name}: HTTP {exc.code}") from None
    except TimeoutError:
        raise FetchError(TIMEOUT, f"{name}: no answer within {timeout} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(TIMEOUT, f"{name}: no answer within {timeout} s") from None
        raise FetchError(UNREACHABLE, f"{name}: {exc.reason}") from None
    except (OSError, ValueError) as exc:
        raise FetchError(UNREACHABLE, f"{name}: {exc}") from None


def _safe_relative(path: object) -> PurePosixPath:
    """A resource path inside the package: relative, no ``..``, no scheme (never another host)."""
    if not isinstance(path, str) or not path or urlsplit(path).scheme or urlsplit(path).netloc:
        raise FetchError(NOT_A_PACKAGE, f"resource path {path!r} must be relative to the descriptor")
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        raise FetchError(NOT_A_PACKAGE, f"resource path {path!r} leaves the package")
    return pure


def _unzip(body: bytes, target: Path, max_bytes: int) -> Path:
    """Unpack a zipped package with the same size limit; returns the folder holding datapackage.json."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
        members = [m for m in archive.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > max_bytes:
            raise FetchError(TOO_LARGE, f"the ZIP unpacks to more than {max_bytes} bytes")
        for member in members:
            relative = _safe_relative(member.filename)
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.read(member)[: max_bytes + 1])
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
        raise FetchError(NOT_A_PACKAGE, f"broken ZIP: {exc}") from None
    found = sorted(target.rglob(data.DESCRIPTOR), key=lambda p: len(p.parts))
    if not found:
        raise FetchError(NOT_A_PACKAGE, "the ZIP holds no datapackage.json")
    return found[0].parent


def _descriptor(body: bytes) -> dict:
    if _looks_like_html(body):
        raise FetchError(NOT_A_PACKAGE, "the address gives an HTML page, not a datapackage.json")
    try:
        descriptor = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchError(NOT_A_PACKAGE, f"datapackage.json is not JSON: {exc}") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise FetchError(NOT_A_PACKAGE, "datapackage.json has no resources list")
    return descriptor


def fetch(url: str, target: Path, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Path:
    """Download the package at ``url`` (a datapackage.json or a ZIP) into ``target``; returns its folder.

    Each resource named in the descriptor is fetched relative to it and stored under the path the
    bundled (canonical) descriptor gives it, so the validator reads it exactly like the bundled copy.
    """
    deadline = time.monotonic() + timeout
    body = read_url(url, timeout, max_bytes, deadline)
    if body.startswith(ZIP_MAGIC):
        return _unzip(body, target, max_bytes)
    descriptor = _descriptor(body)
    (target / data.DESCRIPTOR).write_bytes(body)
    remote = {r.get("name"): r.get("path") for r in descriptor["resources"] if isinstance(r, dict)}
    used = len(body)
    for resource in data.canonical_descriptor()["resources"]:
        if resource["name"] not in remote:
            continue  # the validator names the missing resource
        path = _safe_relative(remote[resource["name"]])
        body = read_url(urljoin(url, str(path)), timeout, max_bytes - used, deadline)
        used += len(body)
        if _looks_like_html(body):
            raise FetchError(NOT_A_PACKAGE, f"{path}: an HTML page, not CSV")
        (target / resource["path"]).write_bytes(body)
    return target


class LiveSource:
    """The last good live package, refreshed in a background thread once it is ``ttl`` seconds old.

    Visitors never wait for the network: ``package()`` returns what is held now (the bundled
    package until a live copy has passed validation) and, when due, starts one refresh.
    """

    def __init__(
        self,
        url: str,
        ttl: float,
        fallback: Callable[[], DataPackage],
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        load: Callable[[Path], DataPackage] = data.load,
    ):
        self.url, self.ttl, self.timeout, self.max_bytes = url, ttl, timeout, max_bytes
        self._load = load  # validates a candidate (the app passes jamsostek.contract.load: pages must build)
        self._fallback = fallback
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._good: DataPackage | None = None
        self._checked: float | None = None  # time.monotonic() of the last finished check
        self._status = Status("bundled", url)

    def package(self) -> DataPackage:
        """The package to show now; starts a background refresh when the last check is older than the TTL."""
        with self._lock:
            due = self._checked is None or time.monotonic() - self._checked >= self.ttl
            if due and self._idle.is_set():
                self._idle.clear()
                threading.Thread(target=self.refresh, name="jamsostek-live", daemon=True).start()
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
        """Fetch and validate once; keep the last good package whatever happens."""
        self._idle.clear()
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
            self._finish(fresh, workdir, error_kind, error)

    def _finish(self, fresh: DataPackage | None, workdir: Path, error_kind: str | None, error: str | None) -> None:
        now = clock.now()
        if error and error_kind != INVALID:
            LOG.warning("live data from %s not used: %s", self.url, error)
        with self._lock:
            old = self._good.directory if (fresh is not None and self._good is not None) else None
            if fresh is not None:
                self._good = fresh
            live = self._good is not None
            self._status = Status(
                "live" if live else "bundled",
                self.url,
                now,
                self._good.loaded_at if live else None,
                error_kind,
                error,
            )
            self._checked = time.monotonic()
            self._idle.set()
        for folder in (old, None if fresh is not None else workdir):
            if folder is not None:
                shutil.rmtree(_temp_root(folder), ignore_errors=True)


def _temp_root(folder: Path) -> Path:
    """The temporary folder a package was unpacked into (a ZIP may nest it one level down)."""
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
