"""A hostile live source (attack report F1, F2, F5, F13, F16): each attack made by a local server, then refused."""

from __future__ import annotations

import bz2
import gzip
import json
import subprocess
import sys
import threading
import time
import zlib

import pytest

from jamsostek.__main__ import main
from jamsostek.data import DESCRIPTOR, canonical_descriptor, live, load
from jamsostek.data.remote import origins
from jamsostek.ui.blocks import LIVE_PROBLEMS
from tests.conftest import ROOT
from tests.live_helpers import (
    Member,
    PackageServer,
    RawServer,
    Reply,
    deflated_zeros,
    drip,
    package_copy,
    package_members,
    package_routes,
    raw,
    raw_zip,
)

LIMIT = 400_000
OWN_FILES = sorted([DESCRIPTOR] + [r["path"] for r in canonical_descriptor()["resources"]])
GIB = 1 << 30


@pytest.fixture
def pkg(tmp_path):
    return package_copy(tmp_path / "pkg")


def _fetch(url: str, tmp_path, timeout: float = 3.0, **kwargs):
    target = tmp_path / "target"
    target.mkdir(exist_ok=True)
    return live.fetch(url, target, timeout=timeout, max_bytes=kwargs.pop("max_bytes", LIMIT), **kwargs)


def _kind(url: str, tmp_path, **kwargs) -> tuple[str | None, str]:
    try:
        _fetch(url, tmp_path, **kwargs)
    except live.FetchError as exc:
        return exc.kind, str(exc)
    return None, ""


# --- F1: only the package's own files are unpacked ----------------------------------------------------------------


def test_a_zip_writes_only_the_packages_own_files(pkg, tmp_path):
    extras = [
        Member("pkg/pwn.html", b"<script>alert(document.domain)</script>"),
        Member("pkg/pwn.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        Member("pkg/x", b"file"),
        Member("pkg/x/y", b"under a file"),  # FileExistsError when every member was written
        Member("../../escape.txt", b"slip"),
    ]
    body = raw_zip(package_members(pkg, "pkg/") + extras)
    with PackageServer() as server:
        server.routes["/pkg.zip"] = Reply(body, content_type="application/zip")
        folder = _fetch(server.url("/pkg.zip"), tmp_path)
    written = sorted(str(p.relative_to(tmp_path / "target")) for p in (tmp_path / "target").rglob("*"))
    assert written == OWN_FILES
    assert load(folder).coverage["as_of"].max().isoformat() == "2025-11-01"


# --- F2: a ZIP or gzip bomb costs a few MB, whatever sizes it declares ----------------------------------------------

PEAK = """
import json, sys, tempfile
from pathlib import Path
from jamsostek.data import live

def hwm():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

live.data.canonical_descriptor()
before = hwm()
try:
    live.fetch(sys.argv[1], Path(tempfile.mkdtemp()), timeout=60)
    kind = None
except live.FetchError as exc:
    kind = exc.kind
print(json.dumps({"kind": kind, "growth": hwm() - before}))
"""


def _bomb_zip(declared: int) -> bytes:
    crc = 0
    for _ in range(64):
        crc = zlib.crc32(bytes(1 << 24), crc)
    descriptor = (ROOT / "data" / DESCRIPTOR).read_bytes()
    bomb = Member("coverage.csv", deflated_zeros(GIB), zlib.DEFLATED, declared, crc)
    return raw_zip([Member(DESCRIPTOR, descriptor), bomb])


def _gzip_bomb() -> bytes:
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    crc = 0
    for _ in range(64):
        crc = zlib.crc32(bytes(1 << 24), crc)
    return header + deflated_zeros(GIB) + crc.to_bytes(4, "little") + (GIB % (1 << 32)).to_bytes(4, "little")


BOMBS = {
    "zip declaring 1 KB": (lambda: _bomb_zip(1000), {live.NOT_A_PACKAGE}),  # CRC fails after 1 KB
    "zip declaring 4 MB": (lambda: _bomb_zip(4_000_000), {live.NOT_A_PACKAGE, live.TOO_LARGE}),
    "zip declaring 1 GiB": (lambda: _bomb_zip(GIB), {live.TOO_LARGE}),
    "gzip body": (_gzip_bomb, {live.TOO_LARGE}),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_bomb_is_refused_and_peak_memory_stays_small(name):
    make, kinds = BOMBS[name]
    body = make()
    assert len(body) < 1_100_000  # about 1 MB that inflates to 1 GiB
    headers = {"Content-Encoding": "gzip"} if name.startswith("gzip") else {}
    with PackageServer() as server:
        server.routes["/bomb"] = Reply(body, content_type="application/zip", headers=headers)
        result = subprocess.run(
            [sys.executable, "-c", PEAK, server.url("/bomb")], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout)
    print(f"{name}: refused as {measured['kind']}, peak memory grew by {measured['growth'] / 1e6:.1f} MB")
    assert measured["kind"] in kinds
    assert measured["growth"] < 100e6


# --- F5: one deadline for the whole fetch, enforced while reading ---------------------------------------------------

DEADLINE = 1.5
DRIPS = {
    "status line": drip(b"", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"),
    "headers": drip(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 200 + b"\r\n\r\n"),
    "body with a length": drip(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", b" " * 100000),
    "body without a length": drip(b"HTTP/1.0 200 OK\r\n\r\n", b" " * 100000),
    "chunked body": drip(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"186a0\r\n" + b" " * 100000),
}


@pytest.mark.realtime
@pytest.mark.parametrize("name", list(DRIPS))
def test_a_one_byte_a_second_drip_is_abandoned_at_the_deadline(name, tmp_path):
    with RawServer(DRIPS[name]) as server:
        started = time.monotonic()
        kind, message = _kind(server.url(), tmp_path, timeout=DEADLINE)
        elapsed = time.monotonic() - started
    print(f"{name}: {kind} after {elapsed:.2f} s (deadline {DEADLINE} s)")
    assert kind == live.TIMEOUT, message
    assert DEADLINE - 0.05 <= elapsed < DEADLINE + 0.5


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_refresh_that_hangs_never_blocks_the_next_one(monkeypatch, tmp_path, package):
    release, hanging, calls = threading.Event(), threading.Event(), []

    def fetch(url, target, timeout, max_bytes):
        calls.append(target)
        if len(calls) == 1:
            hanging.set()
            release.wait(30)  # hangs where no deadline reaches (a name lookup, a stuck disk)
            raise live.FetchError(live.TIMEOUT, "hung")
        return package_copy(target / "pkg")

    monkeypatch.setattr(live, "fetch", fetch)
    clock = FakeClock()
    source = live.LiveSource("http://source.test/datapackage.json", 10, lambda: package, timeout=1, clock=clock)
    assert source.package() is package  # starts the first refresh, which hangs
    assert hanging.wait(10)
    clock.now = 30
    source.package()
    assert len(calls) == 1, "a refresh started while the first was still within its time"
    clock.now = 1 + live.HANG_GRACE + 1
    source.package()  # the first one hangs past any deadline: a second starts
    assert source.wait(30) and len(calls) == 2
    status = source.status()
    assert (status.source, status.error_kind) == ("live", None)
    release.set()  # the hung refresh ends with an error: dropped, the newer result stands
    for thread in [t for t in threading.enumerate() if t.name == "jamsostek-live"]:
        thread.join(10)
    assert source.status() == status and source.package() is not package


# --- F13: every network and archive error caught and named ----------------------------------------------------------

CORRUPT_DEFLATE = Member("coverage.csv", b"\xff\xff\xff\xff", zlib.DEFLATED, 100, 0)
BZIP2 = Member("coverage.csv", bz2.compress(b"area\n"), 12, 5, zlib.crc32(b"area\n"))


def _zip_with(pkg, *replace: Member) -> bytes:
    names = {m.name for m in replace}
    return raw_zip([m for m in package_members(pkg) if m.name not in names] + list(replace))


def _routes(pkg, fault: str, port: int) -> dict[str, Reply]:
    routes = package_routes(pkg)
    descriptor = routes["/pkg/datapackage.json"]
    faults = {
        "deeply nested JSON": lambda: {"/pkg/datapackage.json": Reply(b"[" * 200_000)},
        "corrupt deflate in a ZIP": lambda: {"/pkg/datapackage.json": Reply(_zip_with(pkg, CORRUPT_DEFLATE))},
        "bzip2 member in a ZIP": lambda: {"/pkg/datapackage.json": Reply(_zip_with(pkg, BZIP2))},
        "gzip that is not gzip": lambda: {
            "/pkg/datapackage.json": Reply(b"\x1f\x8b\x08\x00garbage", headers={"Content-Encoding": "gzip"})
        },
        "gzip cut off": lambda: {
            "/pkg/datapackage.json": Reply(gzip.compress(descriptor.body)[:-100], headers={"Content-Encoding": "gzip"})
        },
        "unknown encoding": lambda: {
            "/pkg/datapackage.json": Reply(descriptor.body, headers={"Content-Encoding": "br"})
        },
        "redirect to another port": lambda: _redirect(f"http://127.0.0.1:{port + 1}/pkg/datapackage.json"),
        "redirect to another host name": lambda: _redirect(f"http://localhost:{port}/pkg/datapackage.json"),
        "redirect to ftp": lambda: _redirect(f"ftp://127.0.0.1:{port}/pkg/datapackage.json"),
        "redirect to a file": lambda: _redirect("file:///etc/passwd"),
        "redirect loop": lambda: _redirect("/pkg/datapackage.json"),
    }
    return routes | faults[fault]()


def _redirect(location: str) -> dict[str, Reply]:
    return {"/pkg/datapackage.json": Reply(b"", 302, headers={"Location": location})}


RAW = {
    "bad status line": raw(b"HELLO WORLD\r\n\r\n"),
    "more than 100 headers": raw(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 101 + b"\r\n"),
    "header line too long": raw(b"HTTP/1.1 200 OK\r\nX-A: " + b"a" * 70_000 + b"\r\n\r\n"),
    "chunked body cut off": raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100\r\nabc"),
    "body shorter than its length": raw(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{}"),
    "closed without an answer": raw(b""),
}
SERVED = [
    "deeply nested JSON",
    "corrupt deflate in a ZIP",
    "bzip2 member in a ZIP",
    "gzip that is not gzip",
    "gzip cut off",
    "unknown encoding",
    "redirect to another port",
    "redirect to another host name",
    "redirect to ftp",
    "redirect to a file",
    "redirect loop",
]
FAULTS = {
    "bad status line": live.BROKEN,
    "more than 100 headers": live.BROKEN,
    "header line too long": live.BROKEN,
    "chunked body cut off": live.BROKEN,
    "body shorter than its length": live.BROKEN,
    "closed without an answer": live.UNREACHABLE,
    "deeply nested JSON": live.NOT_A_PACKAGE,
    "corrupt deflate in a ZIP": live.BROKEN,
    "bzip2 member in a ZIP": live.NOT_A_PACKAGE,
    "gzip that is not gzip": live.BROKEN,
    "gzip cut off": live.BROKEN,
    "unknown encoding": live.NOT_A_PACKAGE,
    "redirect to another port": live.REDIRECT,
    "redirect to another host name": live.REDIRECT,
    "redirect to ftp": live.REDIRECT,
    "redirect to a file": live.REDIRECT,
    "redirect loop": live.HTTP,
}


def _faulty(name: str, pkg):
    if name in RAW:
        return RawServer(RAW[name])
    server = PackageServer()
    server.routes.update(_routes(pkg, name, server.httpd.server_port))
    return server


@pytest.mark.parametrize("name", list(FAULTS))
def test_every_fault_is_caught_named_and_said_in_one_line(name, pkg, tmp_path, capsys):
    with _faulty(name, pkg) as server:
        kind, message = _kind(server.url(), tmp_path)
        code = main(["build-static", str(tmp_path / "site"), "--data-url", server.url()])
    assert kind == FAULTS[name], message
    assert kind in LIVE_PROBLEMS  # the status line has words for it
    out = capsys.readouterr()
    assert code == 1 and not (tmp_path / "site").exists()
    assert len(out.out.strip().splitlines()) == 1 and "Traceback" not in out.out + out.err, out.out


def test_every_kind_has_words_on_the_status_line():
    assert set(live.KINDS) == set(LIVE_PROBLEMS)


# --- F16: redirects within the origin, http(s) only, a TTL that is a positive number -------------------------------


def test_a_redirect_within_the_origin_or_to_an_allowed_one_is_followed(pkg, tmp_path):
    with PackageServer() as server, PackageServer() as other:
        server.routes.update(package_routes(pkg, "/new/"))
        other.routes.update(package_routes(pkg, "/pkg/"))
        server.routes["/pkg/datapackage.json"] = Reply(b"", 301, headers={"Location": "/new/datapackage.json"})
        assert _kind(server.url(), tmp_path) == (None, "")
        elsewhere = f"http://127.0.0.1:{other.httpd.server_port}"
        server.routes["/pkg/datapackage.json"] = Reply(
            b"", 302, headers={"Location": elsewhere + "/pkg/datapackage.json"}
        )
        assert _kind(server.url(), tmp_path)[0] == live.REDIRECT
        assert _kind(server.url(), tmp_path, allowed=origins([elsewhere])) == (None, "")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/dp.json", "http:///etc/passwd", "data:,x"])
def test_build_static_refuses_an_address_that_is_not_http(url, tmp_path, capsys):
    assert main(["build-static", str(tmp_path / "site"), "--data-url", url]) == 2
    out = capsys.readouterr().out
    assert "http(s)" in out and len(out.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()


def test_a_deeply_nested_descriptor_is_a_problem_not_a_traceback(tmp_path, capsys):
    folder = package_copy(tmp_path / "pkg", new_observation=False)
    (folder / DESCRIPTOR).write_text("[" * 200_000, encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    assert capsys.readouterr().out.strip() == "datapackage.json: JSON nested too deeply to read"


def test_the_light_versions_unit_has_a_time_limit():
    unit = (ROOT / "deploy" / "jamsostek-light.service").read_text(encoding="utf-8")
    limits = [line.split("=", 1)[1] for line in unit.splitlines() if line.startswith("TimeoutStartSec=")]
    assert limits and limits[0] not in ("infinity", "0"), "a hung build would stop the hourly timer for good"
