"""MkDocs side of the archive's search: the sharded index of `generator.site.search`
added to a build as generated files, for the search worker that overrides/main.html
puts behind Material's search box.

One `SearchIndex` lives as long as the process, so that `mkdocs serve` rebuilds reuse
the work done for every unchanged briefing, and the paths written into each site folder
are remembered, so that a dirty rebuild deletes the index files the archive no longer
has (a shard whose last term is gone, a chunk past the last document) and its output
still equals a full build's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .site import Archive, SiteConfig
from .site.groups import Group
from .site.search import SearchIndex

_INDEX = SearchIndex()
_WRITTEN: dict[str, set[str]] = {}


def add_search_index(
    files: Files,
    config: MkDocsConfig,
    archive: Archive,
    groups: Mapping[str, Sequence[Group]],
    cfg: SiteConfig,
) -> None:
    """Add every file of the search index of `archive` to `files`; a file of the docs
    folder at one of their paths is a `PluginError` naming it."""
    made = _INDEX.files(archive, groups, cfg)
    site = os.path.abspath(config.site_dir)
    for path in sorted(_WRITTEN.get(site, set()) - made.keys()):
        stale = os.path.join(site, path)
        if os.path.isfile(stale):
            os.remove(stale)
    _WRITTEN[site] = set(made)
    for path, data in sorted(made.items()):
        if files.get_file_from_path(path) is not None:
            where = os.path.relpath(os.path.join(config.docs_dir, path))
            raise PluginError(
                f"{where}: this file collides with the search index the briefings plugin "
                "writes; rename or remove it"
            )
        files.append(File.generated(config, path, content=data))
