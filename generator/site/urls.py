"""Every path and URL the derived site uses, decided in one place.

Paths are POSIX source paths relative to the docs folder (``regions/jp/index.md``), the
form MkDocs and other engines take. A ``Destinations`` registry refuses two items with
one destination, so a collision is a loud error instead of a silently overwritten page.

Layout (``KEY`` is the slug a `groups.Kind` gives; ``N`` >= 2 a page number):

=====================  ==========================================
home                   ``index.md``
overview of a kind     ``regions/index.md`` (topics, tags, archive, sources)
group listing          ``regions/KEY/index.md``, ``regions/KEY/page/N.md``
month listing          ``archive/YYYY/MM/index.md``, ``archive/YYYY/MM/page/N.md``
feeds                  ``feeds/all.atom.xml``, ``feeds/regions/KEY.rss.xml``, ``.json``
=====================  ==========================================
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from slugify import slugify

from ..errors import BriefingsError

HOME = "index.md"
FEED_DIR = "feeds"
FEED_FORMATS = {"atom": ".atom.xml", "rss": ".rss.xml", "json": ".json"}
FEED_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}


class SiteError(BriefingsError):
    """The archive cannot be turned into a site (two items claim one destination)."""


@lru_cache(maxsize=65536)
def key_slug(text: str) -> str:
    """URL-safe slug of a group label; never empty (falls back to a short hash)."""
    slug = slugify(text, max_length=80, word_boundary=True)
    return slug or "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def overview(section: str) -> str:
    return f"{section}/index.md"


def listing(section: str, key: str, page: int = 1) -> str:
    """Page `page` of the listing of group `key` in `section` (``regions``, ``archive``...)."""
    base = f"{section}/{key.replace('-', '/')}" if section == "archive" else f"{section}/{key}"
    return f"{base}/index.md" if page == 1 else f"{base}/page/{page}.md"


def feed(section: str | None, key: str | None, fmt: str) -> str:
    """A feed file; ``section=None`` is the whole archive."""
    name = "all" if section is None else f"{section}/{key}"
    return f"{FEED_DIR}/{name}{FEED_FORMATS[fmt]}"


def url_of(path: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a source path (``regions/jp/`` or ``.html``)."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute_url(site_url: str, path: str, directory_urls: bool = True) -> str:
    return site_url.rstrip("/") + "/" + url_of(path, directory_urls)


class Destinations:
    """Registry of claimed paths; a second owner for one path raises `SiteError`."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def claim(self, path: str, owner: str) -> str:
        previous = self._owners.setdefault(path, owner)
        if previous != owner:
            raise SiteError(f"{path}: both {previous} and {owner} map to this page")
        return path

    def __contains__(self, path: object) -> bool:
        return path in self._owners
