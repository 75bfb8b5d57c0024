"""Atom, RSS 2.0 (feedgen) and JSON Feed 1.1 (json) for a list of briefings.

Every timestamp comes from the briefings (midnight UTC of the newest date), never from the
clock, so two builds of one archive write byte-identical feeds. Text is escaped by the
XML and JSON serialisers; nothing from a briefing is written as markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from . import urls
from .archive import Entry
from .config import SiteConfig

EPOCH = dt.date(1970, 1, 1)
FORMAT_NAMES = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}


@dataclass(frozen=True)
class FeedSpec:
    """One feed: its title, the index page it belongs to and where its files go."""

    title: str
    page: str
    section: str | None = None
    key: str | None = None

    def path(self, fmt: str) -> str:
        return urls.feed(self.section, self.key, fmt)

    def links(self) -> list[dict[str, str]]:
        """Front-matter for ``<link rel="alternate">`` tags (href relative to the site root)."""
        return [
            {
                "type": urls.FEED_TYPES[fmt],
                "href": self.path(fmt),
                "title": f"{self.title} ({name})",
            }
            for fmt, name in FORMAT_NAMES.items()
        ]


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _generator(spec: FeedSpec, entries: Sequence[Entry], cfg: SiteConfig) -> FeedGenerator:
    page_url = urls.absolute_url(cfg.site_url, spec.page, cfg.directory_urls)
    updated = _stamp(entries[0].briefing.date if entries else EPOCH)
    fg = FeedGenerator()
    fg.id(page_url)
    fg.title(f"{spec.title} - {cfg.site_name}")
    fg.subtitle(f"Latest briefings: {spec.title}")
    fg.author({"name": cfg.site_name})
    fg.language("en")
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for entry in entries:
        b = entry.briefing
        url = urls.absolute_url(cfg.site_url, entry.path, cfg.directory_urls)
        fe = fg.add_entry(order="append")
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(b.title)
        fe.link(href=url)
        fe.summary(b.summary)
        fe.author({"name": b.source})
        fe.published(_stamp(b.date))
        fe.updated(_stamp(b.date))
        for term in [b.topic, *b.regions]:
            fe.category(term=term)
    return fg


def _links(spec: FeedSpec, cfg: SiteConfig, fmt: str) -> list[dict[str, str]]:
    """The feed's own URL, then its page: feedgen takes the last link as RSS channel link."""
    return [
        {"href": urls.absolute_url(cfg.site_url, spec.path(fmt)), "rel": "self"},
        {
            "href": urls.absolute_url(cfg.site_url, spec.page, cfg.directory_urls),
            "rel": "alternate",
        },
    ]


def json_feed(spec: FeedSpec, entries: Sequence[Entry], cfg: SiteConfig) -> bytes:
    items = []
    for entry in entries:
        b = entry.briefing
        url = urls.absolute_url(cfg.site_url, entry.path, cfg.directory_urls)
        items.append(
            {
                "id": url,
                "url": url,
                "title": b.title,
                "summary": b.summary,
                "content_text": b.summary,
                "date_published": _stamp(b.date).isoformat(),
                "authors": [{"name": b.source}],
                "tags": [b.topic, *b.regions, *b.tags],
                **({"external_url": b.source_url} if b.source_url else {}),
            }
        )
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{spec.title} - {cfg.site_name}",
        "home_page_url": urls.absolute_url(cfg.site_url, spec.page, cfg.directory_urls),
        "feed_url": urls.absolute_url(cfg.site_url, spec.path("json")),
        "language": "en",
        "items": items,
    }
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def feed_files(spec: FeedSpec, entries: Sequence[Entry], cfg: SiteConfig) -> dict[str, bytes]:
    """The three feed files of `spec`, holding the newest `cfg.feed_size` entries."""
    latest = list(entries[: cfg.feed_size])
    fg = _generator(spec, latest, cfg)
    fg.link(_links(spec, cfg, "atom"), replace=True)
    atom = fg.atom_str(pretty=True)
    fg.link(_links(spec, cfg, "rss"), replace=True)
    rss = fg.rss_str(pretty=True)
    return {
        spec.path("atom"): atom,
        spec.path("rss"): rss,
        spec.path("json"): json_feed(spec, latest, cfg),
    }
