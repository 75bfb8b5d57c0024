"""The archive on disk: briefing pages under ``content/briefings/``, raw digests under
``content/raw/``.

Everything that reads or writes the archive goes through here. Reads: `Archive.load`
parses every page (all problems reported together); `scan_pages` lists the pages with
their stat, so that `catalog.Catalog` (what ingest works from) reads only those that
changed. Writes: a `Transaction` stages every file first and commits them together
with temporary files and ``os.replace``; if anything fails, the tree is left exactly
as it was. `archive_lock` keeps two ingests from interleaving. Path decisions (where a
briefing lives, what a raw file is called) are made here and nowhere else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from filelock import FileLock, Timeout

from .errors import BriefingsError, Problem
from .model import Briefing
from .pages import Page, PageError, parse_page, render_page
from .vocab import Vocabulary

BRIEFINGS_DIR = "briefings"
RAW_DIR = "raw"
LOCK_NAME = ".briefings.lock"
MAX_RAW_NAME = 100
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


# -- paths --------------------------------------------------------------------------


def page_relpath(briefing: Briefing) -> str:
    """Where a briefing lives, relative to the content folder: briefings/YYYY/MM/<slug>.md."""
    d = briefing.date
    return str(
        PurePosixPath(BRIEFINGS_DIR, f"{d.year:04d}", f"{d.month:02d}", f"{briefing.slug}.md")
    )


def safe_raw_name(name: str) -> str:
    """A file name that cannot leave ``content/raw``: the last component of `name` under
    either kind of path separator, reduced to ASCII letters, digits, '.', '_' and '-',
    with no leading dot and no '..'."""
    base = re.split(r"[\\/]", name)[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE_NAME.sub("_", base)
    base = re.sub(r"\.{2,}", ".", base).strip("._-")
    if len(base) > MAX_RAW_NAME:
        stem, dot, ext = base.rpartition(".")
        ext = ext[:10] if dot else ""
        base = (stem if dot else base)[: MAX_RAW_NAME - len(ext) - 1].rstrip("._-") + (
            f".{ext}" if ext else ""
        )
    return base or "digest.txt"


def suffixed_name(name: str, data: bytes) -> str:
    """`name` with a short hash of `data` before its extension: the deterministic name of a
    different file that wants a name already taken."""
    stem, dot, ext = name.rpartition(".")
    digest = hashlib.sha1(data).hexdigest()[:8]
    return f"{stem}-{digest}.{ext}" if dot and stem else f"{name}-{digest}"


# -- fingerprints -------------------------------------------------------------------


def plain_body(body: str) -> str:
    """Body text as a page keeps it: paragraphs, each on one line with single spaces."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", body))
    return "\n\n".join(p for p in paragraphs if p)


def fingerprint(meta: Mapping[str, Any], body: str) -> str:
    """Hash of front-matter data (all keys but the fingerprint) and plain body text.

    Ingest stores it in every page it writes; a page whose stored fingerprint no
    longer matches its content has been edited by a curator and is never rewritten.
    Dates hash as ISO strings, so the data as written and as read back agree.
    """
    data = {k: v for k, v in meta.items() if k != "fingerprint"}
    blob = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{blob}\n{plain_body(body)}".encode()).hexdigest()[:16]


def briefing_fingerprint(briefing: Briefing, body: str) -> str:
    """The fingerprint of the page `render_page(briefing, body)` would write."""
    return fingerprint(briefing.front_matter(), body)


def render_fingerprinted(briefing: Briefing, body: str) -> str:
    """The page text for `briefing` and plain-text `body`, carrying its own fingerprint."""
    stamp = briefing_fingerprint(briefing, body)
    return render_page(briefing.model_copy(update={"fingerprint": stamp}), body)


def is_edited(page: StoredPage) -> bool:
    """True when the page is not as ingest last wrote it (or ingest never wrote it)."""
    stored = page.briefing.fingerprint
    return stored is None or stored != fingerprint(page.page.raw_meta, page.body_text)


# -- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredPage:
    """A page as found on disk: its path relative to the content folder, its exact text
    and the parsed page."""

    rel: str
    text: str
    page: Page

    @property
    def briefing(self) -> Briefing:
        return self.page.briefing

    @property
    def body_text(self) -> str:
        """The body as plain text (Markdown escapes undone)."""
        return self.page.text


def scan_pages(content: Path) -> list[tuple[str, os.stat_result]]:
    """Every briefing page file, as its path relative to the content folder (POSIX form)
    with its stat, sorted by path: the ``*.md`` files below ``content/briefings`` that
    are regular files or links to one, skipping hidden files and folders (temporary
    writes, backups) and not following links to folders."""
    found: list[tuple[list[str], str, os.stat_result]] = []
    for folder, dirs, files in os.walk(content / BRIEFINGS_DIR):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(content).as_posix()
        for name in files:
            if name.startswith(".") or not name.endswith(".md"):
                continue
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                rel = f"{base}/{name}"
                found.append((rel.split("/"), rel, st))
    return [(rel, st) for _, rel, st in sorted(found, key=lambda f: f[0])]


def page_files(content: Path) -> list[Path]:
    """Every briefing page file, sorted (see `scan_pages`)."""
    return [content / rel for rel, _ in scan_pages(content)]


def read_page(content: Path, path: Path, vocab: Vocabulary | None = None) -> StoredPage:
    """Read and parse one page; raises `PageError` naming the file and line."""
    rel = path.relative_to(content).as_posix()
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageError([Problem(shown, 0, f"cannot read: {exc.strerror}")]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PageError([Problem(shown, line, "page is not valid UTF-8")]) from exc
    return StoredPage(rel, text, parse_page(text, shown, vocab))


@dataclass
class Archive:
    """All briefing pages of a content folder, by path, id and slug."""

    content: Path
    pages: list[StoredPage]
    problems: list[Problem]

    @classmethod
    def load(cls, content: Path, vocab: Vocabulary | None = None) -> Archive:
        """Parse every page. Pages that cannot be read go to `problems`, not `pages`."""
        pages: list[StoredPage] = []
        problems: list[Problem] = []
        for path in page_files(content):
            try:
                pages.append(read_page(content, path, vocab))
            except PageError as exc:
                problems.extend(exc.problems)
        return cls(content, pages, sorted(problems))

    def by_id(self) -> dict[str, StoredPage]:
        return {p.briefing.id: p for p in self.pages}

    def by_slug(self) -> dict[str, StoredPage]:
        return {p.briefing.slug: p for p in self.pages}

    def find(self, key: str) -> StoredPage | None:
        """The page with this id or slug, if any."""
        return self.by_id().get(key) or self.by_slug().get(key)

    def path(self, rel: str) -> Path:
        return self.content / rel


# -- raw files ----------------------------------------------------------------------


def raw_target(content: Path, source: Path, data: bytes) -> tuple[str, bool]:
    """Where the raw file `source` (with content `data`) is kept, relative to the content
    folder, and whether it still has to be copied there.

    A file already inside content/raw is used where it is; an identical file already
    kept is reused; otherwise the name is made safe, and if a different file has that
    name a short hash of the content is appended.
    """
    raw_dir = (content / RAW_DIR).resolve()
    resolved = source.resolve()
    if resolved.is_relative_to(raw_dir):
        rel = resolved.relative_to(raw_dir)
        if all(safe_raw_name(part) == part for part in rel.parts):
            return str(PurePosixPath(RAW_DIR, *rel.parts)), False
    same = _identical_raw(raw_dir, data)
    if same is not None:
        return same, False
    name = safe_raw_name(source.name)
    for candidate in (name, suffixed_name(name, data)):
        target = raw_dir / candidate
        if target.resolve().parent != raw_dir:
            raise BriefingsError(f"{source}: cannot keep a raw file under the name {candidate!r}")
        if not target.exists():
            return f"{RAW_DIR}/{candidate}", True
    raise BriefingsError(f"{source}: {raw_dir / name} and its suffixed variant already exist")


def _identical_raw(raw_dir: Path, data: bytes) -> str | None:
    if not raw_dir.is_dir():
        return None
    for path in sorted(raw_dir.rglob("*")):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return str(PurePosixPath(RAW_DIR, *rel.parts))
    return None


# -- writing ------------------------------------------------------------------------


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_temp(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, _mode_for(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def atomic_write(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that readers see the old file or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(_write_temp(target, data), target)


class Transaction:
    """Writes and deletes staged in memory, then committed all together or not at all."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.writes: dict[str, bytes] = {}
        self.deletes: set[str] = set()

    def write(self, rel: str, data: bytes | str) -> None:
        self.deletes.discard(rel)
        self.writes[rel] = data.encode("utf-8") if isinstance(data, str) else data

    def delete(self, rel: str) -> None:
        self.writes.pop(rel, None)
        self.deletes.add(rel)

    def pending(self) -> dict[str, bytes]:
        """Staged writes that would change a file (identical content is not rewritten)."""
        out = {}
        for rel, data in sorted(self.writes.items()):
            path = self.content / rel
            if not (path.is_file() and path.read_bytes() == data):
                out[rel] = data
        return out

    def __bool__(self) -> bool:
        return bool(self.pending()) or any((self.content / r).exists() for r in self.deletes)

    def commit(self) -> list[str]:
        """Apply every staged change; return the paths changed. On failure (an OSError, or
        an interrupt) every file is put back as it was, and an OSError becomes a
        `BriefingsError` saying why. Between files a crash of the machine itself can still
        leave a part applied, with the replaced files kept as ``.NAME.PID.bak``."""
        writes = self.pending()
        deletes = sorted(r for r in self.deletes if (self.content / r).exists())
        made_dirs: list[Path] = []
        temps: dict[str, Path] = {}
        done: list[tuple[Path, Path | None]] = []
        try:
            for rel, data in writes.items():
                target = self.content / rel
                made_dirs.extend(_make_dirs(target.parent))
                temps[rel] = _write_temp(target, data)
            for rel, temp in temps.items():
                target = self.content / rel
                done.append((target, _backup(target)))
                os.replace(temp, target)
            for rel in deletes:
                target = self.content / rel
                done.append((target, _backup(target)))
                os.unlink(target)
        except BaseException as exc:
            _roll_back(done)
            _discard(temps.values(), made_dirs)
            if isinstance(exc, OSError):
                raise BriefingsError(
                    f"{exc.filename or self.content}: cannot write: {exc.strerror}; "
                    "nothing was changed"
                ) from exc
            raise
        for _target, backup in done:
            if backup is not None:
                backup.unlink(missing_ok=True)
        for rel in deletes:
            _prune_empty((self.content / rel).parent, self.content / BRIEFINGS_DIR)
        return sorted([*writes, *deletes])


def _make_dirs(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return missing


def _backup(target: Path) -> Path | None:
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{os.getpid()}.bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> None:
    for target, backup in reversed(done):
        if backup is not None:
            os.replace(backup, target)
        else:
            target.unlink(missing_ok=True)


def _discard(temps: Iterable[Path], made_dirs: list[Path]) -> None:
    for temp in temps:
        temp.unlink(missing_ok=True)
    for folder in made_dirs:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


@contextlib.contextmanager
def archive_lock(content: Path) -> Iterator[None]:
    """Hold the archive's lock file, or fail at once with a clear message if another
    process holds it."""
    path = content / LOCK_NAME
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BriefingsError(
            f"{path}: another ingest is writing to this archive; "
            "wait for it to finish and run this one again"
        ) from None
    except OSError as exc:
        raise BriefingsError(f"{path}: cannot take the archive lock: {exc.strerror}") from exc
    try:
        yield
    finally:
        lock.release()
