"""A local HTTP server for live-data tests: serves a copy of the data package, then broken variants."""

from __future__ import annotations

import io
import shutil
import socket
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from jamsostek.data import DATA_DIR

NEW_OBSERVATION = "kota-jambi,2025-11-01,46,,228000,potential-workers,S3a,day,,\n"


@dataclass
class Reply:
    """What the server answers for one path."""

    body: bytes
    status: int = 200
    content_type: str = "text/csv; charset=utf-8"
    delay: float = 0.0
    send_length: bool = True
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location, Content-Encoding


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        reply = self.server.routes.get(self.path.split("?")[0])  # type: ignore[attr-defined]
        if reply is None:
            reply = Reply(b"not found", 404, "text/plain")
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            if reply.send_length:
                self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout or size cap): that is the point of some tests

    def log_message(self, *args) -> None:
        pass


class PackageServer:
    """``http.server`` on 127.0.0.1 and a free port, in a thread; ``routes`` may be changed at any time."""

    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = {}
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def routes(self) -> dict[str, Reply]:
        return self.httpd.routes

    def url(self, path: str = "/pkg/datapackage.json") -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def __enter__(self) -> PackageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def package_copy(target: Path, new_observation: bool = True) -> Path:
    """A copy of the bundled package, with one newer city observation appended."""
    shutil.copytree(DATA_DIR, target)
    if new_observation:
        with (target / "coverage.csv").open("a", encoding="utf-8") as handle:
            handle.write(NEW_OBSERVATION)
    return target


def package_routes(directory: Path, prefix: str = "/pkg/") -> dict[str, Reply]:
    """Every file of a package folder as a route, the descriptor as JSON."""
    routes = {}
    for path in directory.iterdir():
        kind = "application/json" if path.suffix == ".json" else "text/csv; charset=utf-8"
        routes[prefix + path.name] = Reply(path.read_bytes(), content_type=kind)
    return routes


def zipped(directory: Path, folder: str = "jamsostek-data/") -> bytes:
    """The package as a ZIP, nested one folder down as portals often do."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in directory.iterdir():
            archive.write(path, folder + path.name)
    return buffer.getvalue()


def replace_in(routes: dict[str, Reply], path: str, old: str, new: str) -> None:
    """Edit one served file's text (to break a value, or plant a script in a title)."""
    reply = routes[path]
    text = reply.body.decode("utf-8")
    assert old in text, f"{old!r} not in {path}"
    routes[path] = Reply(text.replace(old, new, 1).encode("utf-8"), reply.status, reply.content_type)


class RawServer:
    """A hostile server on 127.0.0.1: reads each request, then runs ``reply(conn)``, which writes raw bytes.

    ``http.server`` always writes a well-formed answer at once; this one can drip, cut off, or lie.
    """

    def __init__(self, reply: Callable[[socket.socket], None]):
        self.reply = reply
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/pkg/datapackage.json") -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}{path}"

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(5)
                request = b""
                while b"\r\n\r\n" not in request and len(request) < 65536:
                    request += conn.recv(4096) or b"\r\n\r\n"
                self.reply(conn)
            except OSError:
                pass  # the client gave up (the deadline): that is the point

    def __enter__(self) -> RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        self.thread.join(2)
        self.listener.close()


def raw(data: bytes) -> Callable[[socket.socket], None]:
    """Answer with exactly these bytes, then close."""
    return lambda conn: conn.sendall(data)


def drip(head: bytes, body: bytes = b"", every: float = 1.0, seconds: float = 30.0) -> Callable[[socket.socket], None]:
    """Send ``head`` at once, then ``body`` one byte every ``every`` seconds (for at most ``seconds``)."""

    def reply(conn: socket.socket) -> None:
        conn.sendall(head)
        end = time.monotonic() + seconds
        for byte in body:
            if time.monotonic() > end:
                return
            conn.sendall(bytes([byte]))
            time.sleep(every)

    return reply


@dataclass
class Member:
    """One ZIP member as written, with the sizes and method it *declares* (a hostile ZIP may lie)."""

    name: str
    data: bytes  # already compressed when method is deflate (8) or bzip2 (12)
    method: int = zipfile.ZIP_STORED
    size: int | None = None  # declared uncompressed size (default: len(data))
    crc: int | None = None  # of the uncompressed bytes (default: of data, right for a stored member)


def raw_zip(members: list[Member]) -> bytes:
    """A ZIP built byte by byte, so that a member can claim any size, method or CRC."""
    out, central = io.BytesIO(), io.BytesIO()
    for m in members:
        name, offset = m.name.encode(), out.tell()
        size = len(m.data) if m.size is None else m.size
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        sizes = (crc, len(m.data), size, len(name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, m.method, 0, 0, *sizes, 0) + name + m.data)
        head = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, m.method, 0, 0, *sizes, 0, 0, 0, 0, 0, offset)
        central.write(head + name)
    start = out.tell()
    out.write(central.getvalue())
    n = len(members)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central.getvalue()), start, 0))
    return out.getvalue()


def deflated_zeros(size: int) -> bytes:
    """A raw deflate stream of ``size`` zero bytes (a multiple of 16 MiB), built in a quarter of a second.

    Once the window is all zeros, each further 16 MiB compresses to the same bytes: repeat them.
    """
    block = bytes(1 << 24)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    middle = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    last = compressor.compress(block) + compressor.flush()
    return first + middle * (size // len(block) - 2) + last


def package_members(directory: Path, folder: str = "") -> list[Member]:
    """Every file of a package folder as a stored member."""
    return [Member(folder + path.name, path.read_bytes()) for path in sorted(directory.iterdir())]
