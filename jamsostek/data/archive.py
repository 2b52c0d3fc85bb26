"""Unpacking a live package: only its own files (the descriptor, the CSVs the canonical one names), capped."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jamsostek.data.problems import DESCRIPTOR
from jamsostek.data.remote import BROKEN, CHUNK, NOT_A_PACKAGE, TOO_LARGE, Budget, FetchError

ZIP_MAGIC = b"PK\x03\x04"
# Stored and deflated members are read in bounded steps; bzip2 and lzma inflate a whole read at once.
MEMBER_KINDS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def looks_like_html(head: bytes) -> bool:
    """A portal's login or maintenance page where a file should be."""
    start = head.lstrip()[:64].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def safe_relative(path: object) -> PurePosixPath:
    """A resource path inside the package: relative, no ``..``, no scheme (never another host)."""
    if not isinstance(path, str) or not path or urlsplit(path).scheme or urlsplit(path).netloc:
        raise FetchError(NOT_A_PACKAGE, f"resource path {path!r} must be relative to the descriptor")
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        raise FetchError(NOT_A_PACKAGE, f"resource path {path!r} leaves the package")
    return pure


def descriptor(body: bytes) -> dict:
    """The live descriptor as JSON, or a ``FetchError`` saying why it is not one."""
    if looks_like_html(body):
        raise FetchError(NOT_A_PACKAGE, "the address gives an HTML page, not a datapackage.json")
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchError(NOT_A_PACKAGE, f"datapackage.json is not JSON: {exc}") from None
    except RecursionError:
        raise FetchError(NOT_A_PACKAGE, "datapackage.json is nested too deeply to read") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        raise FetchError(NOT_A_PACKAGE, "datapackage.json has no resources list")
    return parsed


def own_files(live: dict, canonical: dict) -> Iterator[tuple[PurePosixPath, str]]:
    """For each resource the canonical descriptor names and the live one lists: (live path, local path).

    A file the live descriptor names under another resource, or does not name, is never read; the
    local path is the canonical one, so the validator reads a live copy exactly like the bundled one.
    """
    remote = {r.get("name"): r.get("path") for r in live["resources"] if isinstance(r, dict)}
    for resource in canonical["resources"]:
        if resource["name"] in remote:  # a missing one is named by the validator
            yield safe_relative(remote[resource["name"]]), resource["path"]


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """One member, inflated in steps of CHUNK and stopped at the budget, whatever size it declares."""
    if info.compress_type not in MEMBER_KINDS:
        raise FetchError(NOT_A_PACKAGE, f"{info.filename}: compression method {info.compress_type} is not accepted")
    if info.file_size > budget.left:  # an honest declaration: refuse before inflating anything
        raise FetchError(TOO_LARGE, f"{info.filename}: {info.file_size} bytes, more than the limit")
    parts = []
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            budget.take(len(chunk), info.filename)
            parts.append(chunk)
    return b"".join(parts)


def _descriptor_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The shallowest datapackage.json (portals often nest the package one folder down)."""
    found = [m for m in archive.infolist() if not m.is_dir() and PurePosixPath(m.filename).name == DESCRIPTOR]
    if not found:
        raise FetchError(NOT_A_PACKAGE, "the ZIP holds no datapackage.json")
    return min(found, key=lambda m: (m.filename.count("/"), m.filename))


def unzip(body: bytes, target: Path, canonical: dict, budget: Budget) -> Path:
    """Write the package's own files from a ZIP into ``target``; nothing else in the ZIP is written."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
        info = _descriptor_member(archive)
        folder = PurePosixPath(info.filename).parent
        raw = _member(archive, info, budget)
        live = descriptor(raw)
        (target / DESCRIPTOR).write_bytes(raw)
        members = {m.filename: m for m in archive.infolist() if not m.is_dir()}
        for remote, local in own_files(live, canonical):
            member = members.get(str(folder / remote) if str(folder) != "." else str(remote))
            if member is None:
                continue  # the validator names the missing file
            content = _member(archive, member, budget)
            if looks_like_html(content):
                raise FetchError(NOT_A_PACKAGE, f"{remote}: an HTML page, not CSV")
            (target / local).parent.mkdir(parents=True, exist_ok=True)
            (target / local).write_bytes(content)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:  # RuntimeError: a password
        raise FetchError(NOT_A_PACKAGE, f"not a readable ZIP: {exc}") from None
    except (zlib.error, EOFError, ValueError, OSError) as exc:
        raise FetchError(BROKEN, f"broken ZIP: {type(exc).__name__}: {exc}") from None
    return target
