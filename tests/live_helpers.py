"""A local HTTP server for live-data tests: serves a copy of the data package, then broken variants."""

from __future__ import annotations

import io
import shutil
import threading
import time
import zipfile
from dataclasses import dataclass
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
