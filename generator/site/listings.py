"""Paginated listing pages of one group (a region, topic, tag, month or source).

Every group gets the same page: a kicker naming its kind, an H1, a kind-specific
introduction on its first page, the count and feed links, its briefings newest first in
pages of ``page_size``, and numbered previous/next links. Front-matter keeps listings out
of the search index (readers search briefings, not lists of them) and names the feeds for
``<link rel="alternate">`` in the page head.
"""

from __future__ import annotations

from typing import Any

from .config import DerivedPage, SiteConfig
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


def listing_pages(
    grp: Group,
    render: Render,
    cfg: SiteConfig,
    intro: str = "",
    feed: FeedSpec | None = None,
    kicker: str = "",
) -> dict[str, DerivedPage]:
    """Path -> page for every page of `grp`'s listing."""
    size = cfg.page_size
    chunks = [grp.entries[i : i + size] for i in range(0, len(grp.entries), size)] or [[]]
    paths = [grp.path(n) for n in range(1, len(chunks) + 1)]
    head = count_line(grp.count, feed, render)
    pages = {}
    for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        title = grp.label if number == 1 else f"{grp.label} (page {number})"
        updated = chunk[0].briefing.date.isoformat() if chunk else None
        parts = [f'<p class="listing-kicker">{esc(kicker)}</p>'] if kicker else []
        parts.append(f"<h1>{esc(title)}</h1>")
        if intro and number == 1:
            parts.append(intro)
        parts += [head, render.briefing_list(chunk), render.pagination(paths, number)]
        body = render.finish("\n".join(p for p in parts if p), path)
        pages[path] = DerivedPage(page_meta(title, updated, feed), body)
    return pages
