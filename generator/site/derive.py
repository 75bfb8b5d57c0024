"""`derive(archive, cfg)`: the whole derived site in one pass, a pure function.

Top-down like a build: group the archive once per kind, then render feeds, listing
pages, overviews and briefing decorations, claiming every destination in one
`urls.Destinations` so that two items can never share a path.
"""

from __future__ import annotations

from . import charts, overviews, urls
from . import markdown as md
from .archive import Archive
from .config import Derived, SiteConfig
from .decorate import decoration
from .feeds import FeedSpec, feed_files
from .groups import KINDS, MONTH, REGION, SOURCE, TAG, TOPIC, Group, group, month_label
from .listings import listing_pages
from .related import related


def _topic_intro(grp: Group, archive: Archive, months: list[str]) -> str:
    topic = archive.vocab.topic(grp.key) if archive.vocab.is_topic(grp.key) else None
    counts: dict[str, int] = {}
    for entry in grp.entries:
        key = entry.briefing.date.strftime("%Y-%m")
        counts[key] = counts.get(key, 0) + 1
    bars = [(key, month_label(key), counts.get(key, 0)) for key in months]
    chart = charts.month_bars(bars, f"Briefings per month: {grp.label}")
    description = md.block("topic-description", md.text(topic.description)) if topic else ""
    return f'{description}\n\n<div class="topic-chart">{chart}</div>'


def _source_intro(grp: Group, archive: Archive) -> str:
    for name, source in archive.vocab.sources.sources.items():
        names = [name, *source.aliases]
        if source.url and any(urls.key_slug(n) == grp.key for n in names):
            return md.block("source-home", md.external(f"{name} website", source.url))
    return ""


def _kicker(kind_name: str, grp: Group, archive: Archive) -> str:
    if kind_name == REGION.name:
        codes = {
            c for e in grp.entries[:1] for c in e.briefing.regions if urls.key_slug(c) == grp.key
        }
        return "Region · " + archive.vocab.region_group(codes.pop()) if codes else "Region"
    return {TOPIC.name: "Topic", TAG.name: "Tag", MONTH.name: "Archive", SOURCE.name: "Source"}[
        kind_name
    ]


def derive(archive: Archive, cfg: SiteConfig) -> Derived:
    """Every derived page, feed and briefing decoration for `archive`."""
    out = Derived()
    claims = urls.Destinations()
    for entry in archive.entries:
        claims.claim(entry.path, f"briefing {entry.briefing.id}")

    def add_page(path: str, text: str, owner: str) -> None:
        out.pages[claims.claim(path, owner)] = text

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
            pages = listing_pages(
                grp, archive.vocab, cfg, intro, feed, _kicker(kind.name, grp, archive)
            )
            for path, text in pages.items():
                add_page(path, text, owner)

    add_page(urls.HOME, overviews.home(archive, groups, site_feed, cfg), "the home page")
    add_page(
        urls.overview(REGION.section),
        overviews.regions(archive, groups[REGION.name], cfg),
        "the regions overview",
    )
    add_page(
        urls.overview(TOPIC.section),
        overviews.topics(archive, groups[TOPIC.name]),
        "the topics overview",
    )
    add_page(urls.overview(TAG.section), overviews.tags(archive, groups[TAG.name]), "the tag index")
    add_page(
        urls.overview(MONTH.section),
        overviews.archive_index(archive, groups[MONTH.name]),
        "the archive index",
    )
    add_page(
        urls.overview(SOURCE.section),
        overviews.sources(archive, groups[SOURCE.name]),
        "the sources index",
    )

    similar = related(archive.entries, cfg.related)
    for entry in archive.entries:
        out.decorations[entry.path] = decoration(entry, archive.vocab, similar[entry.path], cfg)
    return out
