"""How `mkdocs serve` notices a change, at archive scale.

MkDocs watches with watchdog's ``PollingObserver``: every half second it lists and stats
every file under ``docs_dir`` and compares the result with the last pass. At 10,000
briefings one pass takes about 70 ms (a seventh of a core, taken from the rebuild it runs
beside, since both hold the interpreter lock), at 50,000 about 350 ms (most of a core,
also while nothing changes), and a change is noticed 0.1 to 0.6 s after it is made. The
operating system's change notification (inotify, FSEvents or ReadDirectoryChangesW,
through watchdog's ``Observer``) costs nothing between changes and reports one within
milliseconds.

`use_native_watcher(server)` moves everything the server watches to watchdog's native
observer, once it has checked that the native observer can watch it all; when it cannot
(inotify's watch limit reached, no native observer on the platform, a server that is
already running or does not say what it watches), the server keeps polling and the
reason is returned. Network drives and some container mounts deliver no notifications,
which is why the plugin's ``watcher: polling`` setting keeps MkDocs' own way. The server's
``watch``, ``unwatch`` and ``observer`` are public; what it watches is read from
``_watched_paths``, the one private attribute used (MkDocs 1.2 to 1.6).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileClosedEvent,
    FileAttribEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]


class Visible(FileSystemEventHandler):
    """Passes `handler` the events of files a site can hold: not those with a part of
    their path below `root` that starts with a dot, which MkDocs never publishes (the
    archive's lock file, the temporary files ingest and editors write before renaming
    them into place, ``.git``). Without this, taking the lock would start a rebuild
    that misses the pages written a moment later."""

    def __init__(self, handler: FileSystemEventHandler, root: str) -> None:
        super().__init__()
        self.handler, self.root = handler, os.path.abspath(root)

    def shown(self, path: str | bytes) -> bool:
        if not path:
            return False
        try:
            below = os.path.relpath(os.fsdecode(path), self.root)
        except ValueError:  # another drive (Windows): not below the root
            return True
        return not any(
            part.startswith(".") and part not in (".", "..") for part in Path(below).parts
        )

    def dispatch(self, event: FileSystemEvent) -> None:
        if self.shown(event.src_path) or self.shown(event.dest_path):
            self.handler.dispatch(event)


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]
    """The native observer, reporting changes to visible files only (`Visible`): a build
    opens and reads every page, and MkDocs rebuilds on any event it is given, so opened
    and closed-unwritten events (which polling never sees) would make each build start
    the next one."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> Any:
        return super().schedule(
            Visible(event_handler, path),
            path,
            recursive=recursive,
            event_filter=CHANGES if event_filter is None else event_filter,
            follow_symlink=follow_symlink,
        )


def native_observer_name() -> str:
    """The name of the platform's native observer class, as watchdog picks it."""
    name: str = getattr(Observer, "__name__", "")
    return name.removesuffix("Observer").lower() or "native"


def _can_watch(paths: list[str]) -> str | None:
    """None if a native observer starts on every one of `paths`, else why not."""
    probe = ChangeObserver()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except (OSError, RuntimeError) as exc:
        return str(exc) or type(exc).__name__
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join(timeout=5)
    return None


def _unwatch_all(server: Any, path: str) -> int:
    """Stop the server watching `path`; how many times it was watched."""
    times = 0
    while True:
        try:
            server.unwatch(path)
        except KeyError:
            return times
        times += 1


def use_native_watcher(server: Any) -> str | None:
    """Have `server` (MkDocs' ``LiveReloadServer``, not started yet) watch what it
    watches with the native observer instead of polling. Returns None when it does,
    else why it keeps polling."""
    watched = getattr(server, "_watched_paths", None)
    observer = getattr(server, "observer", None)
    if not isinstance(watched, dict) or observer is None or not hasattr(server, "unwatch"):
        return "this MkDocs server does not say what it watches"
    if observer.is_alive():
        return "the server is already watching"
    paths = [str(p) for p in watched]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        return f"{missing[0]} does not exist"
    reason = _can_watch(paths)
    if reason is not None:
        return reason
    moved = [(path, _unwatch_all(server, path)) for path in paths]
    server.observer = ChangeObserver()
    for path, times in moved:
        for _ in range(times):
            server.watch(path)
    return None
