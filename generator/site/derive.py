"""`derive(archive, cfg)`: the whole derived site, a pure function; `Deriver` for rebuilds.

Top-down like a build: group the archive once per kind, score related briefings, then
claim every destination in one `urls.Destinations` (two items can never share a path)
and plan the pages, feeds and decorations, which `SitePlan` renders on demand; every link
a rendered page holds is checked against the claimed destinations.

A `Deriver` kept between builds (as the MkDocs plugin keeps one for `mkdocs serve`)
reuses what depends on one briefing alone while that briefing is unchanged: the keys it
files under, its list item, its term counts. Entries compare by value, so a reused result
is the one the briefing would give again; groups, related lists and the plan itself are
remade from them on every build. `derive` is a fresh `Deriver`'s plan, made in full.
"""

from __future__ import annotations

from .archive import Archive, Entry
from .config import Derived, SiteConfig
from .groups import KINDS, group
from .plan import SitePlan
from .related import TermIndex, related
from .render import Render

Keys = tuple[tuple[tuple[str, str], ...], ...]


class Deriver:
    """Plans the site of successive archives, reusing per-briefing work (see module)."""

    def __init__(self) -> None:
        self._render: Render | None = None
        self._keys: dict[str, tuple[Entry, Keys]] = {}
        self._terms = TermIndex()

    def _entry_keys(self, entry: Entry, render: Render) -> Keys:
        cached = self._keys.get(entry.path)
        if cached is None or (cached[0] is not entry and cached[0] != entry):
            keys = tuple(tuple(dict(k.keys(entry, render.vocab)).items()) for k in KINDS)
            cached = self._keys[entry.path] = (entry, keys)
        return cached[1]

    def plan(self, archive: Archive, cfg: SiteConfig) -> SitePlan:
        render = self._render
        if render is None or render.vocab is not archive.vocab:
            render = self._render = Render(archive.vocab, cfg.directory_urls)
            self._keys = {}
        elif render.directory_urls != cfg.directory_urls:
            render = self._render = Render(archive.vocab, cfg.directory_urls)
        paths = archive.index
        for path in [p for p in self._keys if p not in paths]:
            del self._keys[path]
        render.retain(paths)
        self._terms.retain(paths)
        table = {entry.path: self._entry_keys(entry, render) for entry in archive.entries}
        groups = {
            kind.name: group(archive, kind, {path: keys[i] for path, keys in table.items()})
            for i, kind in enumerate(KINDS)
        }
        return SitePlan(
            archive, cfg, render, groups, related(archive.entries, cfg.related, self._terms)
        )


def derive(archive: Archive, cfg: SiteConfig) -> Derived:
    """Every derived page, feed and briefing decoration for `archive`."""
    return Deriver().plan(archive, cfg).derived()
