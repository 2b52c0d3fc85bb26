"""Live data: a good package is picked up after the TTL; every broken one is refused and the last good stays."""

from __future__ import annotations

import datetime as dt
import logging
import time

import pytest

from jamsostek import coverage
from jamsostek.data import DataPackage, live, load
from tests.live_helpers import PackageServer, Reply, package_copy, package_routes, replace_in, zipped

NEW_DATE = dt.date(2025, 11, 1)
LIMIT = 400_000  # bytes; the whole package is about 60 kB


@pytest.fixture(scope="module")
def bundled() -> DataPackage:
    return load()


@pytest.fixture
def server():
    with PackageServer() as running:
        yield running


@pytest.fixture
def good_routes(tmp_path) -> dict[str, Reply]:
    return package_routes(package_copy(tmp_path / "pkg"))


def _newest_city(package: DataPackage) -> dt.date:
    return coverage.latest(package, with_counts=False).as_of


def _source(server: PackageServer, bundled: DataPackage, **kwargs) -> live.LiveSource:
    options = {"timeout": 1.0, "max_bytes": LIMIT} | kwargs
    return live.LiveSource(server.url(), ttl=0.05, fallback=lambda: bundled, **options)


def _broken_descriptor_404(routes):
    routes.pop("/pkg/datapackage.json")


def _server_error(routes):
    routes["/pkg/datapackage.json"] = Reply(b"oops", 500, "text/plain")


def _bad_value(routes):
    replace_in(routes, "/pkg/coverage.csv", ",46,,228000,", ",forty-six,,228000,")


def _missing_file(routes):
    routes.pop("/pkg/targets.csv")


def _html_for_csv(routes):
    page = b"<!DOCTYPE html><html><body>Please log in</body></html>"
    routes["/pkg/coverage.csv"] = Reply(page, content_type="text/html")


def _html_for_descriptor(routes):
    routes["/pkg/datapackage.json"] = Reply(b"<html><body>portal</body></html>", content_type="text/html")


def _slow(routes):
    old = routes["/pkg/coverage.csv"]
    routes["/pkg/coverage.csv"] = Reply(old.body, delay=3)


def _oversized(routes):
    routes["/pkg/coverage.csv"] = Reply(b"a" * (LIMIT + 10))


def _oversized_unannounced(routes):
    routes["/pkg/coverage.csv"] = Reply(b"a" * (LIMIT + 10), send_length=False)


def _not_json(routes):
    routes["/pkg/datapackage.json"] = Reply(b"\x00\x01 binary", content_type="application/octet-stream")


def _escaping_path(routes):
    replace_in(routes, "/pkg/datapackage.json", '"path": "coverage.csv"', '"path": "../../etc/passwd"')


def _redirect_elsewhere(routes):
    routes["/pkg/datapackage.json"] = Reply(b"", 302, headers={"Location": "http://127.0.0.2:9/datapackage.json"})


def _nested_json(routes):
    routes["/pkg/datapackage.json"] = Reply(b"[" * 200_000, content_type="application/json")


def _broken_gzip(routes):
    routes["/pkg/coverage.csv"] = Reply(b"\x1f\x8b\x08\x00 not gzip", headers={"Content-Encoding": "gzip"})


BROKEN = {
    "404": (_broken_descriptor_404, live.HTTP),
    "500": (_server_error, live.HTTP),
    "bad value": (_bad_value, live.INVALID),
    "missing file": (_missing_file, live.HTTP),
    "html instead of csv": (_html_for_csv, live.NOT_A_PACKAGE),
    "html instead of json": (_html_for_descriptor, live.NOT_A_PACKAGE),
    "timeout": (_slow, live.TIMEOUT),
    "oversized": (_oversized, live.TOO_LARGE),
    "oversized, no length": (_oversized_unannounced, live.TOO_LARGE),
    "not json": (_not_json, live.NOT_A_PACKAGE),
    "path outside": (_escaping_path, live.NOT_A_PACKAGE),
    "redirect to another host": (_redirect_elsewhere, live.REDIRECT),
    "deeply nested json": (_nested_json, live.NOT_A_PACKAGE),
    "broken gzip": (_broken_gzip, live.BROKEN),
}


def test_a_good_live_package_replaces_the_bundled_one_after_the_ttl(server, good_routes, bundled):
    server.routes.update(good_routes)
    source = _source(server, bundled)
    first = source.package()  # never waits for the network
    assert _newest_city(first) < NEW_DATE
    assert source.wait(10)
    fresh = source.package()
    assert _newest_city(fresh) == NEW_DATE
    status = source.status()
    assert status.source == "live" and status.error is None and status.checked_at is not None


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_live_package_is_refused_and_the_last_good_one_stays(name, server, good_routes, bundled, caplog):
    break_it, kind = BROKEN[name]
    server.routes.update(good_routes)
    source = _source(server, bundled)
    source.refresh()
    assert _newest_city(source.package()) == NEW_DATE
    break_it(server.routes)
    with caplog.at_level(logging.WARNING, logger="jamsostek.live"):
        source.refresh()
    assert _newest_city(source.package()) == NEW_DATE
    status = source.status()
    assert (status.source, status.error_kind) == ("live", kind)
    assert status.error
    assert any(record.name == "jamsostek.live" for record in caplog.records)


@pytest.mark.parametrize("name", ["500", "bad value", "timeout"])
def test_with_no_good_live_copy_yet_the_bundled_data_is_shown(name, server, good_routes, bundled):
    break_it, kind = BROKEN[name]
    server.routes.update(good_routes)
    break_it(server.routes)
    source = _source(server, bundled)
    source.refresh()
    assert source.package() is bundled
    assert (source.status().source, source.status().error_kind) == ("bundled", kind)


def test_the_validator_messages_are_logged(server, good_routes, bundled, caplog):
    server.routes.update(good_routes)
    _bad_value(server.routes)
    with caplog.at_level(logging.WARNING, logger="jamsostek.live"):
        _source(server, bundled).refresh()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "coverage.csv" in logged and "forty-six" in logged


def test_an_unreachable_source_is_reported(bundled):
    source = live.LiveSource("http://127.0.0.1:9/datapackage.json", 0.05, lambda: bundled, timeout=1)
    source.refresh()
    assert source.package() is bundled
    assert source.status().error_kind == live.UNREACHABLE


def test_a_zipped_package_is_read(server, tmp_path, bundled):
    server.routes["/pkg.zip"] = Reply(zipped(package_copy(tmp_path / "pkg")), content_type="application/zip")
    source = live.LiveSource(server.url("/pkg.zip"), 0.05, lambda: bundled, timeout=2)
    source.refresh()
    assert source.status().error is None
    assert _newest_city(source.package()) == NEW_DATE


def test_a_broken_zip_keeps_the_last_good_package(server, tmp_path, bundled):
    good = zipped(package_copy(tmp_path / "pkg"))
    server.routes["/pkg.zip"] = Reply(good, content_type="application/zip")
    source = live.LiveSource(server.url("/pkg.zip"), 0.05, lambda: bundled, timeout=2)
    source.refresh()
    bad_dir = package_copy(tmp_path / "bad")
    (bad_dir / "coverage.csv").write_text("area,as_of\n<script>,x\n", encoding="utf-8")
    server.routes["/pkg.zip"] = Reply(zipped(bad_dir), content_type="application/zip")
    source.refresh()
    assert _newest_city(source.package()) == NEW_DATE
    assert source.status().error_kind == live.INVALID
    server.routes["/pkg.zip"] = Reply(good[: len(good) // 2], content_type="application/zip")
    source.refresh()
    assert source.status().error_kind == live.NOT_A_PACKAGE
    assert _newest_city(source.package()) == NEW_DATE


def test_visitors_never_wait_for_a_slow_source(server, good_routes, bundled):
    server.routes.update(good_routes)
    server.routes["/pkg/datapackage.json"].delay = 1.5
    source = _source(server, bundled, timeout=5)
    started = time.monotonic()
    shown = source.package()
    assert time.monotonic() - started < 0.5
    assert shown is bundled
    assert source.wait(10)
    assert _newest_city(source.package()) == NEW_DATE


def test_only_one_refresh_runs_at_a_time(server, good_routes, bundled):
    server.routes.update(good_routes)
    server.routes["/pkg/datapackage.json"].delay = 0.5
    source = _source(server, bundled)
    for _ in range(20):
        source.package()
    import threading

    running = [t for t in threading.enumerate() if t.name == "jamsostek-live"]
    assert len(running) == 1
    source.wait(10)


A = "https://a.example/dp.json"
B = "https://b.example/dp.json"


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, {}, (None, live.DEFAULT_TTL)),
        ({"JAMSOSTEK_DATA_URL": A}, {"data_url": B}, (A, live.DEFAULT_TTL)),
        ({}, {"data_url": B, "data_ttl": 30}, (B, 30.0)),
        ({"JAMSOSTEK_DATA_URL": A, "JAMSOSTEK_DATA_TTL": "90"}, {"data_ttl": 30}, (A, 90.0)),
        ({"JAMSOSTEK_DATA_URL": A, "JAMSOSTEK_DATA_TTL": "0.01"}, {}, (A, live.MIN_TTL)),
        ({"JAMSOSTEK_DATA_URL": "file:///etc/passwd"}, {}, (None, live.DEFAULT_TTL)),
        ({"JAMSOSTEK_DATA_URL": "http:///etc/passwd"}, {}, (None, live.DEFAULT_TTL)),
        ({}, {"data_url": "ftp://b.example/dp.json"}, (None, live.DEFAULT_TTL)),
    ],
)
def test_settings_come_from_the_environment_then_secrets(env, secrets, expected):
    assert live.settings(env, secrets) == expected


@pytest.mark.parametrize("raw", ["soon", "-5", "0", "nan", "inf", "-inf", "1e400", True, [30]])
def test_a_ttl_that_is_not_a_positive_number_is_refused_with_a_message(raw, caplog):
    with caplog.at_level(logging.WARNING, logger="jamsostek.live"):
        assert live.settings({}, {"data_url": A, "data_ttl": raw}) == (A, live.DEFAULT_TTL)
    assert f"data_ttl {raw!r} is not a positive number of seconds" in caplog.text
