"""The page catalog: what ingest needs to know of every page, without parsing them all.

For each briefing page the catalog holds its path, id, slug and date and the shingles
near-duplicate search compares (`dedupe.shingles` of its body); `Catalog.read` returns
a whole page, always from the disk. Parsing and validating every front-matter takes
seconds at 10,000 pages, so entries are cached in an SQLite file beside the content
folder, ``.cache/briefings/<content folder name>-pages.sqlite3`` (not part of the
archive: deleting it costs one slower run; `generator.derivedcache` keeps other
values there). The cache is never trusted over a file:

- an entry is used only while the page's size, modification and change times and inode
  are those it was made from; any other page is read and validated again;
- a page whose times are not older than the cache's time stamp (taken before the pages
  are looked at) is read but not cached: a further change within the same tick of the
  file system's clock could leave its stat as it was (git treats its index the same way);
- a cache made by other code (`code_version`: the sources of the modules that decide
  what a page holds) is emptied; one that is not a valid cache is deleted and made
  again; one that cannot be used now (a read-only disk, another process holding it
  longer than `BUSY_S`) is left alone. None of this is reported, since the pages are
  read instead (``briefings ingest -v`` says how many entries came from the cache);
  only pages that parse are cached: unreadable ones are read, and reported, every time.

An entry depends on the page and the schema only: ingest checks archive pages against
the schema, not the vocabulary (`briefings validate` does that, reading every page).
The time stamp file sits beside the cache, on the content folder's file system.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import pydantic
import yaml

from . import dedupe, model, pages, store, text
from .derivedcache import cache_folder, code_digest
from .errors import Problem
from .pages import PageError
from .store import StoredPage, read_page, scan_pages

SCHEMA = 1
BUSY_S = 2.0
_INVALID = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_ERROR", "SQLITE_SCHEMA", "SQLITE_FORMAT"}
_TABLE = (
    "CREATE TABLE pages (rel TEXT PRIMARY KEY, stat TEXT NOT NULL, id TEXT NOT NULL, "
    "slug TEXT NOT NULL, date TEXT NOT NULL, shingles BLOB NOT NULL)"
)
_Row = tuple[str, str, str, str, str, bytes]


class PageInfo(NamedTuple):
    """One page as the catalog knows it; `packed` holds its shingle hashes. (A named
    tuple: the catalog makes 10,000 at every ingest, a frozen dataclass costs 4 times
    as much to make.)"""

    rel: str
    id: str
    slug: str
    date: dt.date
    packed: bytes

    @classmethod
    def of(cls, page: StoredPage) -> PageInfo:
        b = page.briefing
        packed = array("I", sorted(dedupe.shingles(page.body_text))).tobytes()
        return cls(page.rel, b.id, b.slug, b.date, packed)

    @property
    def shingles(self) -> frozenset[int]:
        return frozenset(array("I", self.packed))


@dataclass
class Catalog:
    """Every readable page of a content folder (sorted by path), the problems of the
    unreadable ones, and how many entries came from the cache."""

    content: Path
    pages: list[PageInfo]
    problems: list[Problem]
    cached: int = 0
    cache: Path | None = None

    @classmethod
    def load(cls, content: Path) -> Catalog:
        path = cache_path(content)
        opened = _Cache.open(path)
        cache, stamp, rows = opened if opened else (None, None, {})
        infos: list[PageInfo] = []
        problems: list[Problem] = []
        fresh: list[tuple[PageInfo, str]] = []
        cached = 0
        for rel, st in scan_pages(content):
            key = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
            row = rows.get(rel)
            info = _from_row(row) if row is not None and row[1] == key else None
            if info is not None:
                cached += 1
            else:
                try:
                    info = PageInfo.of(read_page(content, content / rel))
                except PageError as exc:
                    problems.extend(exc.problems)
                    continue
                if stamp is not None and max(st.st_mtime_ns, st.st_ctime_ns) < stamp:
                    fresh.append((info, key))
            infos.append(info)
        if cache is not None:
            cache.update(fresh, rows.keys() - {i.rel for i in infos})
        return cls(content, infos, sorted(problems), cached, path if cache else None)

    def read(self, rel: str) -> StoredPage:
        """The page at `rel` as it is on disk now; raises `PageError` if it cannot be read."""
        return read_page(self.content, self.content / rel)


def cache_path(content: Path) -> Path:
    return cache_folder(content) / f"{content.resolve().name or 'content'}-pages.sqlite3"


@lru_cache(maxsize=1)
def code_version() -> int:
    """A number that changes whenever the code deciding a page's entry may have changed."""
    digest = code_digest(
        (SCHEMA, yaml.__version__, pydantic.VERSION),
        (model, pages, store, dedupe, text, sys.modules[__name__]),
    )
    return int.from_bytes(digest[:4], "big") >> 1


def _from_row(row: _Row) -> PageInfo | None:
    """The entry a cache row holds, or None if the row is not what this code writes."""
    rel, _, id_, slug, date, packed = row
    if not (isinstance(id_, str) and isinstance(slug, str) and isinstance(packed, bytes)):
        return None
    if len(packed) % 4 or not isinstance(date, str):
        return None
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return None
    return _new_info((rel, id_, slug, day, packed))


_new_info: Callable[[tuple[str, str, str, dt.date, bytes]], PageInfo] = partial(
    tuple.__new__, PageInfo
)
"""``PageInfo(*fields)`` without the named tuple's Python-level ``__new__``."""


class _Cache:
    """The SQLite file; every method gives up quietly (see the module docstring)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path, self.db = path, db

    @classmethod
    def open(cls, path: Path) -> tuple[_Cache, int, dict[str, _Row]] | None:
        """The cache, its time stamp (ns) and its rows by page path; None if unusable."""
        for _attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=BUSY_S, isolation_level=None)
            except (OSError, sqlite3.Error):
                return None
            cache = cls(path, db)
            try:
                return cache, cache._stamp(), cache._rows()
            except OSError:
                db.close()
                return None
            except sqlite3.Error as exc:
                db.close()
                if getattr(exc, "sqlite_errorname", "") not in _INVALID:
                    return None
                for leftover in (path, path.with_name(path.name + "-journal")):
                    leftover.unlink(missing_ok=True)
        return None

    def _stamp(self) -> int:
        stamp = self.path.with_name(self.path.name + ".stamp")
        stamp.touch()
        return stamp.stat().st_mtime_ns

    def _rows(self) -> dict[str, _Row]:
        """Every row, after emptying a cache made by another version of the code."""
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version != code_version():
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DROP TABLE IF EXISTS pages")
            self.db.execute(_TABLE)
            self.db.execute(f"PRAGMA user_version = {code_version()}")
            self.db.execute("COMMIT")
        rows = self.db.execute("SELECT rel, stat, id, slug, date, shingles FROM pages")
        return {row[0]: row for row in rows}

    def update(self, fresh: list[tuple[PageInfo, str]], gone: set[str]) -> None:
        """Store the entries read this time, forget the pages that went away, close."""
        try:
            if fresh or gone:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("DELETE FROM pages WHERE rel = ?", [(r,) for r in gone])
                self.db.executemany(
                    "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                    [(i.rel, key, i.id, i.slug, i.date.isoformat(), i.packed) for i, key in fresh],
                )
                self.db.execute("COMMIT")
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.rollback()
        finally:
            self.db.close()
