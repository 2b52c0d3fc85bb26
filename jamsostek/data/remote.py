"""Reading one URL of the live source: one wall-clock deadline, a cap on the bytes produced, same-origin redirects."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 5_000_000
CHUNK = 64 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "jamsostek-jambi/1.0 (+data refresh)"
REDIRECTS = (301, 302, 303, 307, 308)
# Kinds of failure, stable for the page to translate (ui.blocks.LIVE_PROBLEMS says each in words).
UNREACHABLE, HTTP, TIMEOUT, TOO_LARGE, NOT_A_PACKAGE, INVALID, BROKEN, REDIRECT = (
    "unreachable",
    "http",
    "timeout",
    "too-large",
    "not-a-package",
    "invalid",
    "broken",
    "redirect",
)
KINDS = (UNREACHABLE, HTTP, TIMEOUT, TOO_LARGE, NOT_A_PACKAGE, INVALID, BROKEN, REDIRECT)
Origin = tuple[str, str, int]


class FetchError(Exception):
    """The live copy could not be fetched or unpacked; ``kind`` says how, the one-line message says where."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(" ".join(str(message).split())[:300])  # text from a server: one short line


def url_problem(url: str) -> str | None:
    """Why ``url`` can't be a live source (only http(s) addresses with a host), or None when it can."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return "not a valid address"
    if parts.scheme not in ("http", "https"):
        return "not an http(s) address"
    return None if host else "an address without a host"


def origin(url: str) -> Origin:
    """Scheme, host and port: what a redirect may not change (unless the origin is allowed)."""
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def origins(texts: Iterable[str]) -> frozenset[Origin]:
    """Allowed redirect targets from settings (``https://host[:port]``); anything not http(s) is ignored."""
    return frozenset(origin(text.strip()) for text in texts if text.strip() and url_problem(text.strip()) is None)


class Deadline:
    """One wall-clock limit for a whole fetch (connect, headers, every body), enforced while reading.

    A socket timeout bounds each read, not the whole: a server dripping one byte a second never
    trips it. So a watchdog shuts the connection down when the deadline passes, which wakes any
    read blocked in ``http.client`` (status line, headers or body) at once.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.seconds, self.clock = seconds, clock
        self.end = clock() + seconds
        self.fired = False

    def left(self) -> float:
        """Seconds left; raises the timeout once none are."""
        left = self.end - self.clock()
        if left <= 0 or self.fired:
            raise FetchError(TIMEOUT, f"no complete answer within {self.seconds:g} s")
        return left

    def watch(self, current_socket: Callable[[], socket.socket | None]) -> threading.Timer:
        """Start the watchdog for one connection; cancel it once the connection is closed."""

        def cut() -> None:
            self.fired = True
            sock = current_socket()
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed

        timer = threading.Timer(self.left(), cut)
        timer.daemon = True
        timer.start()
        return timer


def _name(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).name or url


def _open(url: str, deadline: Deadline) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, threading.Timer]:
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=deadline.left())
    held: list[socket.socket] = []  # http.client drops its reference when the server will close: keep ours
    timer = deadline.watch(lambda: held[0] if held else connection.sock)
    try:
        connection.connect()
        held.append(connection.sock)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.putrequest("GET", path, skip_accept_encoding=True)
        for header, value in (("User-Agent", USER_AGENT), ("Accept-Encoding", "gzip")):
            connection.putheader(header, value)
        connection.endheaders()
        return connection, connection.getresponse(), timer
    except BaseException:
        timer.cancel()
        connection.close()
        raise


def _next(current: str, response: http.client.HTTPResponse, first: Origin, allowed: frozenset[Origin]) -> str:
    """Where a redirect leads: only http(s), on the first address's origin or an allowed one."""
    location = response.getheader("Location")
    if not location:
        raise FetchError(HTTP, f"{_name(current)}: HTTP {response.status} without a Location")
    target = urljoin(current, location.strip())
    if url_problem(target) is None and (origin(target) == first or origin(target) in allowed):
        return target
    where = "://".join(part for part in (urlsplit(target).scheme, urlsplit(target).netloc) if part)
    raise FetchError(REDIRECT, f"{_name(current)}: refused a redirect to {where or target!r}")


class Budget:
    """Bytes a body (or a whole package) may still produce, counted as they come, whatever was declared."""

    def __init__(self, limit: int):
        self.limit, self.left = limit, limit

    def take(self, size: int, name: str) -> None:
        self.left -= size
        if self.left < 0:
            raise FetchError(TOO_LARGE, f"{name}: more than the limit of {self.limit} bytes")


def _decoder(response: http.client.HTTPResponse, name: str):
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding != "identity":
        raise FetchError(NOT_A_PACKAGE, f"{name}: content encoding {encoding!r} is not supported")
    return None


def _body(response: http.client.HTTPResponse, deadline: Deadline, max_bytes: int, name: str) -> bytes:
    """The body, streamed: the deadline checked before every read, the cap on what gzip produces too."""
    declared = response.getheader("Content-Length") or ""
    if declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(TOO_LARGE, f"{name}: {declared.strip()} bytes, more than the limit of {max_bytes}")
    decoder, received, produced, parts = _decoder(response, name), Budget(max_bytes), Budget(max_bytes), []
    while True:
        deadline.left()
        chunk = response.read1(CHUNK)  # at most one read from the socket: never waits for a full chunk
        if not chunk:
            break
        received.take(len(chunk), name)
        while chunk:  # gzip: never more than CHUNK bytes out of one step, however far the chunk inflates
            if decoder is None:
                data, chunk = chunk, b""
            else:
                data, chunk = decoder.decompress(chunk, CHUNK), decoder.unconsumed_tail
            produced.take(len(data), name)
            parts.append(data)
    deadline.left()  # the watchdog ends a drip as an early end of the body: that is the timeout
    if response.length or (decoder is not None and not decoder.eof):
        raise FetchError(BROKEN, f"{name}: the answer was cut off")
    return b"".join(parts)


def read_url(
    url: str, deadline: Deadline, max_bytes: int = DEFAULT_MAX_BYTES, allowed: frozenset[Origin] = frozenset()
) -> tuple[bytes, str]:
    """The body of ``url`` and the address it came from: redirects followed within its origin (or ``allowed``).

    Every error is a ``FetchError``. Files beside a redirected descriptor are read beside where it landed.
    """
    first, current = origin(url), url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            connection, response, timer = _open(current, deadline)
            try:
                if response.status in REDIRECTS:
                    current = _next(current, response, first, allowed)
                    continue
                if response.status != 200:
                    raise FetchError(HTTP, f"{_name(current)}: HTTP {response.status}")
                return _body(response, deadline, max_bytes, _name(current)), current
            finally:
                timer.cancel()
                connection.close()
        raise FetchError(HTTP, f"{_name(url)}: more than {MAX_REDIRECTS} redirects")
    except FetchError:
        raise
    except Exception as exc:  # every network error, named; never a traceback
        raise _named(exc, _name(current), deadline) from None


def _named(exc: Exception, name: str, deadline: Deadline) -> FetchError:
    """A network error as a kind the status line can say, and a message the log can."""
    if deadline.fired or isinstance(exc, TimeoutError):
        return FetchError(TIMEOUT, f"{name}: no complete answer within {deadline.seconds:g} s")
    if isinstance(exc, http.client.RemoteDisconnected):
        return FetchError(UNREACHABLE, f"{name}: the server closed the connection without answering")
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(BROKEN, f"{name}: the answer was cut off")
    if isinstance(exc, http.client.HTTPException | zlib.error | EOFError):
        return FetchError(BROKEN, f"{name}: not a valid HTTP answer ({type(exc).__name__}: {exc})")
    if isinstance(exc, OSError):  # refused, reset, no such host, a bad certificate (ssl.SSLError)
        return FetchError(UNREACHABLE, f"{name}: {exc.strerror or exc}")
    return FetchError(UNREACHABLE, f"{name}: {type(exc).__name__}: {exc}")
