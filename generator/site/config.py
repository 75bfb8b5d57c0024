"""What the derivation takes besides the archive (`SiteConfig`) and what it returns (`Derived`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

DEFAULT_SITE_URL = "https://briefings.github.io/briefings/"


@dataclass(frozen=True)
class SiteConfig:
    """Engine-neutral settings. `site_url` makes feed links absolute."""

    site_url: str = DEFAULT_SITE_URL
    site_name: str = "Briefings"
    page_size: int = 50
    feed_size: int = 50
    home_size: int = 20
    related: int = 5
    directory_urls: bool = True

    def __post_init__(self) -> None:
        if self.page_size < 1 or self.feed_size < 1 or self.home_size < 1 or self.related < 0:
            raise ValueError("page_size, feed_size and home_size must be >= 1, related >= 0")


@dataclass(frozen=True)
class DerivedPage:
    """A derived page: front-matter values and its HTML body (with its H1).

    `markdown` is the page as a file for any Markdown engine (raw HTML is Markdown); the
    MkDocs plugin skips Markdown altogether and hands MkDocs `meta` and `html` directly.
    """

    meta: dict[str, Any]
    html: str

    @property
    def markdown(self) -> str:
        return front_matter(self.meta) + "\n" + self.html + "\n"


@dataclass(frozen=True)
class Decoration:
    """What the derivation adds around one briefing page's body.

    header: HTML before the body (the title as H1 and the metadata chips).
    trailer: HTML right after it ("also reported by"), part of the page's text.
    footer: HTML at the end (related briefings), other pages' titles, not this page's text.
    meta: front-matter keys to add (description, Open Graph data, hide), values unescaped.
    """

    header: str
    trailer: str
    footer: str
    meta: dict[str, Any] = field(default_factory=dict)

    def apply(self, body: str) -> str:
        """The decorated page body: `body` may be Markdown or HTML."""
        parts = (self.header, body.strip(), self.trailer, self.footer)
        return "\n\n".join(part for part in parts if part) + "\n"


@dataclass
class Derived:
    """The derived site: pages, binary files (feeds) and briefing decorations, by path."""

    pages: dict[str, DerivedPage] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    decorations: dict[str, Decoration] = field(default_factory=dict)


def front_matter(meta: dict[str, Any]) -> str:
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    return "---\n" + dumped + "---\n"
