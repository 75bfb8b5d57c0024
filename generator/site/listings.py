"""Paginated listing pages of one group (a region, topic, tag, month or source).

Every group gets the same page: an H1, a kind-specific introduction on its first page,
the count and feed links, its briefings newest first in pages of ``page_size``, and
numbered previous/next links. Front-matter keeps listings out of the search index
(readers search briefings, not lists of them) and names the feeds for the page head.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..vocab import Vocabulary
from . import markdown as md
from .config import SiteConfig
from .feeds import FeedSpec
from .groups import Group


def count_line(count: int, feed: FeedSpec | None, from_path: str) -> str:
    noun = "briefing" if count == 1 else "briefings"
    line = f'<span class="listing-count">{count} {noun}</span>'
    if feed is not None:
        line += " · " + feed_links(feed, from_path)
    return md.block("listing-meta", line)


def feed_links(feed: FeedSpec, from_path: str) -> str:
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    return "Feeds: " + " ".join(
        md.link(name, from_path, feed.path(fmt), f"feed-link feed-link--{fmt}")
        for fmt, name in names.items()
    )


def page_meta(title: str, updated: str | None, feed: FeedSpec | None, **extra: Any) -> str:
    meta: dict[str, Any] = {
        "title": title,
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    if updated:
        meta["updated"] = updated
    if feed is not None:
        meta["feeds"] = feed.links()
    meta.update(extra)
    return md.front_matter(meta)


def listing_pages(
    grp: Group,
    vocab: Vocabulary,
    cfg: SiteConfig,
    intro: str = "",
    feed: FeedSpec | None = None,
    kicker: str = "",
) -> dict[str, str]:
    """Path -> Markdown for every page of `grp`'s listing."""
    size = cfg.page_size
    chunks: Sequence[Sequence[Any]] = [
        grp.entries[i : i + size] for i in range(0, len(grp.entries), size)
    ] or [[]]
    paths = [grp.path(n) for n in range(1, len(chunks) + 1)]
    pages = {}
    for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        title = grp.label if number == 1 else f"{grp.label} (page {number})"
        updated = chunk[0].briefing.date.isoformat() if chunk else None
        parts = [page_meta(title, updated, feed)]
        if kicker:
            parts.append(f'<p class="listing-kicker">{md.text(kicker)}</p>\n')
        parts.append(f"# {md.text(title)}\n")
        if intro and number == 1:
            parts.append(intro + "\n")
        parts.append(count_line(grp.count, feed, path) + "\n")
        parts.append(md.briefing_list(chunk, vocab, path) + "\n")
        nav = md.pagination(paths, number)
        if nav:
            parts.append(nav + "\n")
        pages[path] = "\n".join(parts)
    return pages
