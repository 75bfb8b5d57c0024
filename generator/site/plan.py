"""The derived site of one archive as a plan: every destination claimed up front, every
page, feed and briefing decoration made only when asked for, and not kept.

A `SitePlan` holds the archive's groups and related lists, not HTML: an engine asks for
one page's front-matter (`page_meta`) and HTML (`page_html`), one feed's bytes (`file`),
or one briefing's decoration, and drops each once written, so that a build never holds
the HTML of thousands of listing pages at once.

`inputs(path)` is what one output is made from besides the vocabulary and the
configuration: a listing page's title, introduction, counts and the list items of the
briefings it shows; an overview's rows (label, key, count); a feed's entries; a
briefing and the titles of its related briefings. Outputs are pure functions of their
inputs, so an output whose inputs equal those of the last build is the same output, and
a rebuild can skip it without making it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from . import charts, decorate, overviews, urls
from .archive import Archive, Entry
from .config import Decoration, Derived, DerivedPage, SiteConfig
from .feeds import FeedSpec, feed_files
from .groups import KINDS, MONTH, REGION, SOURCE, TAG, TOPIC, Group, month_label
from .listings import Listing, listings
from .render import Render, esc, external

KICKERS = {TOPIC.name: "Topic", TAG.name: "Tag", MONTH.name: "Archive", SOURCE.name: "Source"}
Rows = tuple[tuple[str, str, int], ...]


def _rows(groups: Sequence[Group]) -> Rows:
    return tuple((g.key, g.label, g.count) for g in groups)


def _undated(meta: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in meta.items() if key != "updated"}


def _same(a: object, b: object) -> bool:
    return a is b or a == b


def _region_code(grp: Group) -> str:
    return next(c for c in grp.entries[0].briefing.regions if urls.key_slug(c) == grp.key)


class SitePlan:
    """Every derived output of `archive`, by path, made on demand with `render`."""

    def __init__(
        self,
        archive: Archive,
        cfg: SiteConfig,
        render: Render,
        groups: dict[str, list[Group]],
        related: dict[str, list[Entry]],
    ):
        self.archive, self.cfg, self.render = archive, cfg, render
        self.groups, self.related = groups, related
        self.claims = urls.Destinations()
        self.feeds: dict[str, tuple[FeedSpec, Sequence[Entry]]] = {}
        self.listings: dict[str, Listing] = {}
        self._feed_made: tuple[FeedSpec | None, dict[str, bytes]] = (None, {})
        self._overview_made: dict[str, DerivedPage] = {}
        self._feed_inputs: dict[FeedSpec, Any] = {}
        for entry in archive.entries:
            self.claims.claim(entry.path, f"briefing {entry.briefing.id}")
        self.site_feed = FeedSpec("All briefings", urls.HOME)
        self._add_feed(self.site_feed, archive.entries, "the site feed")
        months = sorted(g.key for g in groups[MONTH.name])
        chart_months = charts.month_keys(months[0], months[-1]) if months else []
        source_urls = self._source_urls()
        for kind in KINDS:
            for grp in groups[kind.name]:
                owner = f"{kind.name} {grp.label!r}"
                feed = None
                if kind in (REGION, TOPIC):
                    feed = FeedSpec(grp.label, grp.path(), kind.section, grp.key)
                    self._add_feed(feed, grp.entries, owner)
                intro = ""
                if kind is TOPIC:
                    intro = self._topic_intro(grp, chart_months)
                elif kind is SOURCE and grp.key in source_urls:
                    name, url = source_urls[grp.key]
                    intro = f'<p class="source-home">{external(url, f"{name} website")}</p>'
                kicker = KICKERS.get(kind.name) or "Region · " + archive.vocab.region_group(
                    _region_code(grp)
                )
                for listing in listings(grp, cfg, intro, feed, kicker):
                    self.listings[self.claims.claim(listing.path, owner)] = listing
        self.overviews = self._overviews()
        for path in self.overviews:
            self.claims.claim(path, f"the page {path}")

    def _use(self) -> Render:
        """The renderer, checking links against this plan's destinations (a renderer is
        shared by the plans of successive builds)."""
        self.render.known = self.claims
        return self.render

    def _add_feed(self, spec: FeedSpec, entries: Sequence[Entry], owner: str) -> None:
        latest = entries[: self.cfg.feed_size]
        for fmt in ("atom", "rss", "json"):
            self.feeds[self.claims.claim(spec.path(fmt), owner)] = (spec, latest)

    def _source_urls(self) -> dict[str, tuple[str, str]]:
        """Source group key -> (name, home page) of the first source in the vocabulary
        that has a home page and a name or alias with that key."""
        found: dict[str, tuple[str, str]] = {}
        for name, source in self.archive.vocab.sources.sources.items():
            if source.url:
                for spelling in [name, *source.aliases]:
                    found.setdefault(urls.key_slug(spelling), (name, source.url))
        return found

    def _topic_intro(self, grp: Group, months: list[str]) -> str:
        vocab = self.archive.vocab
        topic = vocab.topic(grp.key) if vocab.is_topic(grp.key) else None
        counts: dict[str, int] = {}
        for entry in grp.entries:
            key = f"{entry.briefing.date:%Y-%m}"
            counts[key] = counts.get(key, 0) + 1
        bars = [(key, month_label(key), counts.get(key, 0)) for key in months]
        chart = charts.month_bars(bars, f"Briefings per month: {grp.label}")
        description = f'<p class="topic-description">{esc(topic.description)}</p>' if topic else ""
        return f'{description}\n<div class="topic-chart">{chart}</div>'

    def _overviews(self) -> dict[str, tuple[Callable[[], DerivedPage], Callable[[], Any]]]:
        """Overview path -> (how to make the page, its inputs)."""
        archive, groups, render = self.archive, self.groups, self.render
        count = len(archive.entries)

        def home_inputs() -> Any:
            latest = tuple(render.item(e) for e in archive.entries[: self.cfg.home_size])
            return (count, _rows(groups[TOPIC.name]), _rows(groups[REGION.name]), latest)

        def region_inputs() -> Any:
            return tuple(
                (*row, _region_code(g))
                for row, g in zip(_rows(groups[REGION.name]), groups[REGION.name], strict=True)
            )

        made: dict[str, tuple[Callable[[], DerivedPage], Callable[[], Any]]] = {
            urls.HOME: (
                lambda: overviews.home(archive, groups, self.site_feed, render, self.cfg),
                home_inputs,
            ),
            urls.overview(REGION.section): (
                lambda: overviews.regions(archive, groups[REGION.name], render),
                region_inputs,
            ),
        }
        for kind, make in (
            (TOPIC, overviews.topics),
            (TAG, overviews.tags),
            (MONTH, overviews.archive_index),
            (SOURCE, overviews.sources),
        ):
            grps = groups[kind.name]
            made[urls.overview(kind.section)] = (
                partial(make, archive, grps, render),
                partial(_rows, grps),
            )
        return made

    @property
    def pages(self) -> list[str]:
        return [*self.listings, *self.overviews]

    def updated(self, path: str) -> str | None:
        """The date a page's content is as of (its newest briefing), for the sitemap."""
        if path in self.listings:
            return self.listings[path].updated()
        entry = self.archive.index.get(path)
        if entry is not None:
            return entry.briefing.date.isoformat()
        latest = self.archive.latest_date
        return latest.isoformat() if latest and path in self.overviews else None

    def page_meta(self, path: str) -> dict[str, Any]:
        listing = self.listings.get(path)
        if listing is not None:
            return listing.meta()
        self._use()
        page = self._overview_made[path] = self.overviews[path][0]()
        return page.meta

    def page_html(self, path: str) -> str:
        listing = self.listings.get(path)
        if listing is not None:
            return listing.html(self._use())
        self._use()
        page = self._overview_made.pop(path, None) or self.overviews[path][0]()
        return page.html

    def file(self, path: str) -> bytes:
        """A feed file; the three formats of one feed are made together."""
        spec, entries = self.feeds[path]
        if self._feed_made[0] != spec or path not in self._feed_made[1]:
            self._feed_made = (spec, feed_files(spec, entries, self.cfg))
        return self._feed_made[1].pop(path)

    def decoration_meta(self, path: str) -> dict[str, Any]:
        return decorate.meta(self.archive.index[path], self._use(), self.cfg)

    def decoration_body(self, path: str) -> tuple[str, str]:
        """(header, trailer): the HTML before and right after a briefing's body."""
        entry, render = self.archive.index[path], self._use()
        header = render.finish(decorate.header(entry, render), path)
        return header, render.finish(decorate.trailer(entry, render), path)

    def decoration_footer(self, path: str) -> str:
        render = self._use()
        return render.finish(decorate.footer(self.related[path], render), path)

    def decoration(self, path: str) -> Decoration:
        header, trailer = self.decoration_body(path)
        return Decoration(header, trailer, self.decoration_footer(path), self.decoration_meta(path))

    def swap(self, previous: SitePlan, path: str) -> tuple[str, str] | None:
        """(old, new) when the output at `path` differs from `previous`'s by one fragment
        that an engine inserts verbatim, so that it can be swapped in the written output;
        None when the output must be made again.

        A derived page qualifies when its front-matter is unchanged, but for ``updated``
        (which an engine must not render): its HTML is the fragment. A briefing qualifies
        when it is unchanged and has related briefings before and after: the related list
        is the fragment (the engine must check that the page's body did not change)."""
        if path in self.listings or path in self.overviews:
            if path not in previous.listings and path not in previous.overviews:
                return None
            if _undated(self.page_meta(path)) != _undated(previous.page_meta(path)):
                self._overview_made.pop(path, None)
                previous._overview_made.pop(path, None)
                return None
            return previous.page_html(path), self.page_html(path)
        entry, old = self.archive.index.get(path), previous.archive.index.get(path)
        if entry is None or old is None or not _same(entry.briefing, old.briefing):
            return None
        if not self.related[path] or not previous.related.get(path):
            return None
        return previous.decoration_footer(path), self.decoration_footer(path)

    def inputs(self, path: str) -> Any:
        """What the output at `path` (page, feed or briefing decoration) is made from."""
        listing = self.listings.get(path)
        if listing is not None:
            return listing.inputs(self._use())
        if path in self.feeds:
            spec, entries = self.feeds[path]
            made = self._feed_inputs.get(spec)
            if made is None:
                made = self._feed_inputs[spec] = (
                    spec,
                    tuple((e.path, e.briefing) for e in entries),
                )
            return made
        entry = self.archive.index.get(path)
        if entry is not None:
            return decorate.inputs(entry, self.related[path])
        self._use()
        return (self.updated(path), self.overviews[path][1]())

    def outputs(self) -> list[str]:
        """Every path `inputs` knows: derived pages, feeds and decorated briefings."""
        return [*self.listings, *self.overviews, *self.feeds, *self.archive.index]

    def derived(self) -> Derived:
        """Every output made at once (for `write_folder` and tests)."""
        out = Derived()
        out.files = {path: self.file(path) for path in self.feeds}
        out.pages = {
            path: DerivedPage(self.page_meta(path), self.page_html(path)) for path in self.pages
        }
        out.decorations = {
            entry.path: self.decoration(entry.path) for entry in self.archive.entries
        }
        return out
