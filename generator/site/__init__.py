"""The derived site: index pages, feeds and briefing decorations, as a function of the archive.

Engine-independent (this package never imports MkDocs): `derive(archive, cfg)` returns a
`Derived` with pages (``{path: DerivedPage}``: front-matter values and an HTML body, which
as a file is Markdown with raw HTML), binary files such as feeds (``{path: bytes}``) and
per-briefing `Decoration`s; `generator.mkdocs_plugin` feeds them
to MkDocs, and `write_folder` writes the same pages to a folder for any other engine.

Only published briefings appear anywhere. CSS hooks that tests and styles rely on are
documented in the modules that emit them: `render` (``.briefing-list li`` with
``.briefing-title``, ``.briefing-meta``, ``.briefing-summary``; ``.pagination``),
`decorate` (``.briefing-chips a.chip--region`` ...), `overviews`, `worldmap`
(``svg.world-map a[href]``) and `charts` (``svg.month-chart``).
"""

from .archive import Archive, Entry
from .config import Decoration, Derived, DerivedPage, SiteConfig
from .derive import Deriver, derive
from .disk import PageCache, read_archive, write_derived, write_folder
from .plan import SitePlan
from .urls import SiteError

__all__ = [
    "Archive",
    "Decoration",
    "Derived",
    "Deriver",
    "DerivedPage",
    "Entry",
    "PageCache",
    "SiteConfig",
    "SiteError",
    "SitePlan",
    "derive",
    "read_archive",
    "write_derived",
    "write_folder",
]
