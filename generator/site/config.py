"""What the derivation takes besides the archive (`SiteConfig`) and what it returns (`Derived`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
class Decoration:
    """What the derivation adds to one briefing page.

    header: Markdown before the body (the title as H1 and the metadata chips).
    footer: Markdown after it ("also reported by", related briefings).
    meta: front-matter keys to add (description, og data, hide), values unescaped.
    """

    header: str
    footer: str
    meta: dict[str, Any] = field(default_factory=dict)

    def apply(self, body: str) -> str:
        return f"{self.header}\n\n{body.strip()}\n\n{self.footer}\n".replace("\n\n\n\n", "\n\n")


@dataclass
class Derived:
    """The derived site: Markdown pages (with front-matter), binary files, decorations."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    decorations: dict[str, Decoration] = field(default_factory=dict)
