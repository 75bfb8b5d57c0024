"""Paginated listing pages of one group (a region, topic, tag, month or source).

Every group gets the same page: a kicker naming its kind, an H1, a kind-specific
introduction on its first page, the count and feed links, its briefings newest first in
pages of ``page_size``, and numbered previous/next links. Front-matter keeps listings out
of the search index (readers search briefings, not lists of them) and names the feeds for
``<link rel="alternate">`` in the page head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .archive import Entry
from .config import SiteConfig
from .feeds import FORMAT_NAMES, FeedSpec
from .groups import Group
from .render import Render, esc


def page_meta(title: str, updated: str | None, feed: FeedSpec | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": title,
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    if updated:
        meta["updated"] = updated
    if feed is not None:
        meta["feeds"] = feed.links()
    return meta


def feed_links(feed: FeedSpec, render: Render) -> str:
    return "Feeds: " + " ".join(
        render.link(feed.path(fmt), name, f"feed-link feed-link--{fmt}")
        for fmt, name in FORMAT_NAMES.items()
    )


def count_line(count: int, feed: FeedSpec | None, render: Render, classes: str = "") -> str:
    noun = "briefing" if count == 1 else "briefings"
    line = f'<span class="listing-count">{count} {noun}</span>'
    if feed is not None:
        line += " · " + feed_links(feed, render)
    return f'<p class="{" ".join(["listing-meta", classes]).strip()}">{line}</p>'


@dataclass(frozen=True)
class Listing:
    """Page `number` (1-based) of a group's listing, with what its pages share."""

    group: Group
    number: int
    paths: tuple[str, ...]
    size: int
    intro: str = ""
    feed: FeedSpec | None = None
    kicker: str = ""

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def chunk(self) -> list[Entry]:
        start = (self.number - 1) * self.size
        return self.group.entries[start : start + self.size]

    @property
    def title(self) -> str:
        label = self.group.label
        return label if self.number == 1 else f"{label} (page {self.number})"

    def updated(self, chunk: Sequence[Entry] | None = None) -> str | None:
        chunk = self.chunk if chunk is None else chunk
        return chunk[0].briefing.date.isoformat() if chunk else None

    def meta(self) -> dict[str, Any]:
        return page_meta(self.title, self.updated(), self.feed)

    def inputs(self, render: Render) -> tuple[Any, ...]:
        """Everything the page is made from besides its path, the vocabulary and URL style."""
        chunk = self.chunk
        intro = self.intro if self.number == 1 else ""
        head = (self.title, self.kicker, intro, self.group.count, len(self.paths))
        return (*head, self.feed, self.updated(chunk), tuple(render.item(e) for e in chunk))

    def html(self, render: Render) -> str:
        parts = [f'<p class="listing-kicker">{esc(self.kicker)}</p>'] if self.kicker else []
        parts.append(f"<h1>{esc(self.title)}</h1>")
        if self.intro and self.number == 1:
            parts.append(self.intro)
        parts += [
            count_line(self.group.count, self.feed, render),
            render.briefing_list(self.chunk),
            render.pagination(self.paths, self.number),
        ]
        return render.finish("\n".join(p for p in parts if p), self.path)


def listings(
    grp: Group, cfg: SiteConfig, intro: str = "", feed: FeedSpec | None = None, kicker: str = ""
) -> list[Listing]:
    """Every page of `grp`'s listing, in `cfg.page_size` briefings a page (at least one)."""
    count = max(1, -(-grp.count // cfg.page_size))
    paths = tuple(grp.path(n) for n in range(1, count + 1))
    return [
        Listing(grp, number, paths, cfg.page_size, intro, feed, kicker)
        for number in range(1, count + 1)
    ]
