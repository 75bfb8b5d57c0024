"""The entry pages: home, and one overview per kind (regions with the world map, topics,
tags, archive by year and month, sources). Each links to the group listings with counts.

Stable markup: ``.home-latest`` (the latest briefings, a ``.briefing-list``),
``.home-topics`` and ``.home-regions`` (entry points, ``li`` with ``.count``),
``.home-feeds``, ``.region-group`` lists under one heading per continent or bloc group,
``.world-map-wrap`` around the map, ``.topic-overview``, ``.tag-index``, ``.archive-index``
and ``.source-index``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..vocab import CONTINENT_NAMES
from . import markdown as md
from . import urls
from .archive import Archive
from .config import SiteConfig
from .feeds import FeedSpec
from .groups import MONTH, REGION, SOURCE, TAG, TOPIC, Group, Kind
from .listings import count_line, feed_links, page_meta
from .worldmap import mapped_codes, world_map


def _rows(groups: Sequence[Group]) -> list[tuple[str, str, int]]:
    return [(g.label, g.path(), g.count) for g in groups]


def _page(kind: Kind, path: str, archive: Archive, body: Sequence[str]) -> str:
    updated = archive.latest_date.isoformat() if archive.latest_date else None
    head = page_meta(kind.title, updated, None)
    return head + f"\n# {kind.title}\n\n" + "\n\n".join(body) + "\n"


def home(archive: Archive, groups: dict[str, list[Group]], feed: FeedSpec, cfg: SiteConfig) -> str:
    path = urls.HOME
    latest = archive.entries[: cfg.home_size]
    updated = archive.latest_date.isoformat() if archive.latest_date else None
    topics = sorted(groups[TOPIC.name], key=lambda g: (-g.count, g.label))
    regions = sorted(groups[REGION.name], key=lambda g: (-g.count, g.label))[:12]
    parts = [
        page_meta("Latest briefings", updated, feed),
        "# Latest briefings\n",
        count_line(len(archive.entries), feed, path) + "\n",
        md.block("home-latest", md.briefing_list(latest, archive.vocab, path)) + "\n",
        md.link("All briefings by month", path, urls.overview(MONTH.section), "more-link") + "\n",
        "## Topics\n",
        md.counted_list(_rows(topics), path, "home-topics") + "\n",
        "## Regions\n",
        md.counted_list(_rows(regions), path, "home-regions") + "\n",
        md.link("All regions and the map", path, urls.overview(REGION.section), "more-link") + "\n",
        "## Feeds\n",
        md.block("home-feeds", feed_links(feed, path)) + "\n",
    ]
    return "\n".join(parts)


def _group_heading_order(heading: str) -> tuple[int, str]:
    continents = list(CONTINENT_NAMES.values())
    return (continents.index(heading), "") if heading in continents else (len(continents), heading)


def regions(archive: Archive, groups: Sequence[Group], cfg: SiteConfig) -> str:
    path = urls.overview(REGION.section)
    vocab = archive.vocab
    code_of = {urls.key_slug(c): c for e in archive.entries for c in e.briefing.regions}
    by_code = {code_of[g.key]: g for g in groups}
    mapped = mapped_codes()
    counts = {code: g.count for code, g in by_code.items() if code in mapped}
    svg = world_map(
        counts,
        {code: g.label for code, g in by_code.items()},
        lambda code: urls.relative_url(path, by_code[code].path(), cfg.directory_urls),
    )
    body = [f'<div class="world-map-wrap">{svg}</div>'] if counts else []
    headed = sorted(
        by_code.items(), key=lambda item: _group_heading_order(vocab.region_group(item[0]))
    )
    for heading, members in groupby(headed, key=lambda item: vocab.region_group(item[0])):
        rows = sorted(_rows([g for _code, g in members]), key=lambda r: (r[0].casefold(), r[1]))
        body.append(f"## {md.text(heading)}\n\n" + md.counted_list(rows, path, "region-group"))
    return _page(REGION, path, archive, body)


def topics(archive: Archive, groups: Sequence[Group]) -> str:
    path = urls.overview(TOPIC.section)
    found = {g.key: g for g in groups}
    items = []
    for slug, topic in archive.vocab.taxonomy.topics.items():
        grp = found.get(slug)
        if grp is None:
            continue
        noun = "briefing" if grp.count == 1 else "briefings"
        items.append(
            f"-   {md.link(topic.name, path, grp.path(), 'topic-overview__name')} "
            f'<span class="count">{grp.count} {noun}</span>\n\n    {md.text(topic.description)}'
        )
    return _page(TOPIC, path, archive, [md.block("topic-overview", "\n\n".join(items))])


def tags(archive: Archive, groups: Sequence[Group]) -> str:
    path = urls.overview(TAG.section)
    by_letter: dict[str, list[Group]] = {}
    for grp in groups:
        letter = grp.label[:1].upper()
        by_letter.setdefault(letter if letter.isalpha() else "#", []).append(grp)
    body = [
        f"## {md.text(letter)}\n\n" + md.counted_list(_rows(members), path, "tag-index")
        for letter, members in sorted(by_letter.items(), key=lambda item: (item[0] != "#", item[0]))
    ]
    return _page(TAG, path, archive, body)


def archive_index(archive: Archive, groups: Sequence[Group]) -> str:
    path = urls.overview(MONTH.section)
    body = []
    for year, members in groupby(groups, key=lambda g: g.key[:4]):
        body.append(f"## {year}\n\n" + md.counted_list(_rows(list(members)), path, "archive-index"))
    return _page(MONTH, path, archive, body)


def sources(archive: Archive, groups: Sequence[Group]) -> str:
    path = urls.overview(SOURCE.section)
    return _page(SOURCE, path, archive, [md.counted_list(_rows(groups), path, "source-index")])
