"""`derive(archive, cfg)`: the whole derived site in one pass, a pure function.

Top-down like a build: group the archive once per kind, then render feeds, listing
pages, overviews and briefing decorations, claiming every destination in one
`urls.Destinations` so that two items can never share a path, and finally check that
every link the pages hold points to a briefing or a derived page.
"""

from __future__ import annotations

from . import charts, overviews, urls
from .archive import Archive
from .config import Derived, DerivedPage, SiteConfig
from .decorate import decoration
from .feeds import FeedSpec, feed_files
from .groups import KINDS, MONTH, REGION, SOURCE, TAG, TOPIC, Group, group, month_label
from .listings import listing_pages
from .related import related
from .render import Render, esc, external

KICKERS = {TOPIC.name: "Topic", TAG.name: "Tag", MONTH.name: "Archive", SOURCE.name: "Source"}


def _topic_intro(grp: Group, archive: Archive, months: list[str]) -> str:
    topic = archive.vocab.topic(grp.key) if archive.vocab.is_topic(grp.key) else None
    counts: dict[str, int] = {}
    for entry in grp.entries:
        key = entry.briefing.date.strftime("%Y-%m")
        counts[key] = counts.get(key, 0) + 1
    bars = [(key, month_label(key), counts.get(key, 0)) for key in months]
    chart = charts.month_bars(bars, f"Briefings per month: {grp.label}")
    description = f'<p class="topic-description">{esc(topic.description)}</p>' if topic else ""
    return f'{description}\n<div class="topic-chart">{chart}</div>'


def _source_intro(grp: Group, archive: Archive) -> str:
    for name, source in archive.vocab.sources.sources.items():
        if source.url and any(urls.key_slug(n) == grp.key for n in [name, *source.aliases]):
            return f'<p class="source-home">{external(source.url, f"{name} website")}</p>'
    return ""


def _kicker(kind_name: str, grp: Group, archive: Archive) -> str:
    if kind_name != REGION.name:
        return KICKERS[kind_name]
    codes = [c for c in grp.entries[0].briefing.regions if urls.key_slug(c) == grp.key]
    return "Region · " + archive.vocab.region_group(codes[0])


def derive(archive: Archive, cfg: SiteConfig) -> Derived:
    """Every derived page, feed and briefing decoration for `archive`."""
    out = Derived()
    render = Render(archive.vocab, cfg.directory_urls)
    claims = urls.Destinations()
    for entry in archive.entries:
        claims.claim(entry.path, f"briefing {entry.briefing.id}")

    def add_pages(pages: dict[str, DerivedPage], owner: str) -> None:
        for path, page in pages.items():
            out.pages[claims.claim(path, owner)] = page

    def add_files(files: dict[str, bytes], owner: str) -> None:
        for path, data in files.items():
            out.files[claims.claim(path, owner)] = data

    groups = {kind.name: group(archive, kind) for kind in KINDS}
    months = sorted(g.key for g in groups[MONTH.name])
    chart_months = charts.month_keys(months[0], months[-1]) if months else []

    site_feed = FeedSpec("All briefings", urls.HOME)
    add_files(feed_files(site_feed, archive.entries, cfg), "the site feed")
    for kind in KINDS:
        for grp in groups[kind.name]:
            owner = f"{kind.name} {grp.label!r}"
            feed = None
            if kind in (REGION, TOPIC):
                feed = FeedSpec(grp.label, grp.path(), kind.section, grp.key)
                add_files(feed_files(feed, grp.entries, cfg), owner)
            intro = ""
            if kind is TOPIC:
                intro = _topic_intro(grp, archive, chart_months)
            elif kind is SOURCE:
                intro = _source_intro(grp, archive)
            kicker = _kicker(kind.name, grp, archive)
            add_pages(listing_pages(grp, render, cfg, intro, feed, kicker), owner)

    overview_pages = {
        urls.HOME: overviews.home(archive, groups, site_feed, render, cfg),
        urls.overview(REGION.section): overviews.regions(archive, groups[REGION.name], render),
        urls.overview(TOPIC.section): overviews.topics(archive, groups[TOPIC.name], render),
        urls.overview(TAG.section): overviews.tags(archive, groups[TAG.name], render),
        urls.overview(MONTH.section): overviews.archive_index(archive, groups[MONTH.name], render),
        urls.overview(SOURCE.section): overviews.sources(archive, groups[SOURCE.name], render),
    }
    for path, page in overview_pages.items():
        add_pages({path: page}, f"the page {path}")

    similar = related(archive.entries, cfg.related)
    for entry in archive.entries:
        out.decorations[entry.path] = decoration(entry, similar[entry.path], render, cfg)

    missing = sorted(path for path in render.targets if path not in claims)
    if missing:
        raise urls.SiteError(f"derived pages link to pages that do not exist: {missing[:5]}")
    return out
