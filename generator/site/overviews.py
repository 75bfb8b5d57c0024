"""The entry pages: home, and one overview per kind (regions with the world map, topics,
tags, archive by year and month, sources). Each links to the group listings with counts.

Stable markup: ``.home-feeds`` (the count and feed links under the home heading),
``nav.home-browse`` above the latest briefings holding ``.home-topics`` and
``.home-regions`` (entry points, ``li`` with ``.count``), ``.home-latest`` (the latest
briefings, a ``.briefing-list``), ``.region-group`` lists under one ``h2`` per continent
or bloc group,
``.world-map-wrap`` around the map, ``.topic-overview``, ``.tag-index`` (under one ``h2``
per initial), ``.archive-index`` (under one ``h2`` per year) and ``.source-index``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..vocab import CONTINENT_NAMES
from . import urls
from .archive import Archive
from .config import DerivedPage, SiteConfig
from .feeds import FeedSpec
from .groups import MONTH, REGION, SOURCE, TAG, TOPIC, Group, Kind
from .listings import count_line, page_meta
from .render import Render, esc
from .worldmap import legend, mapped_codes, world_map


def _rows(groups: Sequence[Group]) -> list[tuple[str, str, int]]:
    return [(g.label, g.path(), g.count) for g in groups]


def _updated(archive: Archive) -> str | None:
    return archive.latest_date.isoformat() if archive.latest_date else None


def _page(kind: Kind, archive: Archive, render: Render, body: Sequence[str]) -> DerivedPage:
    path = urls.overview(kind.section)
    html = render.finish("\n".join([f"<h1>{esc(kind.title)}</h1>", *body]), path)
    return DerivedPage(page_meta(kind.title, _updated(archive), None), html)


def _sections(
    sections: Sequence[tuple[str, list[Group]]], render: Render, classes: str
) -> list[str]:
    return [
        f"<h2>{esc(heading)}</h2>\n" + render.counted_list(_rows(groups), classes)
        for heading, groups in sections
    ]


def home(
    archive: Archive,
    groups: dict[str, list[Group]],
    feed: FeedSpec,
    render: Render,
    cfg: SiteConfig,
) -> DerivedPage:
    topics = sorted(groups[TOPIC.name], key=lambda g: (-g.count, g.label))
    regions = sorted(groups[REGION.name], key=lambda g: (-g.count, g.label))[:12]
    title = "Latest briefings"
    by_month = render.link(urls.overview(MONTH.section), "All briefings by month", "more-link")
    all_regions = render.link(urls.overview(REGION.section), "All regions and the map", "more-link")
    all_topics = render.link(urls.overview(TOPIC.section), "All topics", "more-link")
    label = '<p class="home-browse__label">{}</p>'.format
    browse = [
        '<nav class="home-browse" aria-label="Browse">',
        label("Topics") + render.counted_list(_rows(topics), "home-topics"),
        label("Regions") + render.counted_list(_rows(regions), "home-regions"),
        f'<p class="home-browse__more">{all_topics} · {all_regions}</p>',
        "</nav>",
    ]
    body = [
        f"<h1>{title}</h1>",
        count_line(len(archive.entries), feed, render, "home-feeds"),
        *browse,
        f'<div class="home-latest">{render.briefing_list(archive.entries[: cfg.home_size])}</div>',
        f"<p>{by_month}</p>",
    ]
    html = render.finish("\n".join(body), urls.HOME)
    return DerivedPage(page_meta(title, _updated(archive), feed), html)


def _heading_order(heading: str) -> tuple[int, str]:
    continents = list(CONTINENT_NAMES.values())
    return (continents.index(heading), "") if heading in continents else (len(continents), heading)


def regions(archive: Archive, groups: Sequence[Group], render: Render) -> DerivedPage:
    vocab = archive.vocab
    code_of = {urls.key_slug(c): c for e in archive.entries for c in e.briefing.regions}
    by_code = {code_of[g.key]: g for g in groups}
    mapped = mapped_codes()
    counts = {code: g.count for code, g in by_code.items() if code in mapped}
    body = []
    if counts:
        svg = world_map(
            counts,
            {code: g.label for code, g in by_code.items()},
            lambda code: render.href(by_code[code].path()),
        )
        key = legend(max(counts.values()))
        body.append(f'<div class="world-map-wrap">{svg}{key}</div>')
    headed: dict[str, list[Group]] = {}
    for code, grp in by_code.items():
        headed.setdefault(vocab.region_group(code), []).append(grp)
    sections = [
        (heading, sorted(members, key=lambda g: (g.label.casefold(), g.key)))
        for heading, members in sorted(headed.items(), key=lambda item: _heading_order(item[0]))
    ]
    return _page(REGION, archive, render, [*body, *_sections(sections, render, "region-group")])


def topics(archive: Archive, groups: Sequence[Group], render: Render) -> DerivedPage:
    found = {g.key: g for g in groups}
    items = []
    for slug, topic in archive.vocab.taxonomy.topics.items():
        grp = found.get(slug)
        if grp is None:
            continue
        noun = "briefing" if grp.count == 1 else "briefings"
        items.append(
            f"<li>{render.link(grp.path(), topic.name, 'topic-overview__name')} "
            f'<span class="count">{grp.count} {noun}</span>'
            f'<p class="topic-overview__description">{esc(topic.description)}</p></li>'
        )
    listing = '<div class="topic-overview"><ul>\n' + "\n".join(items) + "\n</ul></div>"
    return _page(TOPIC, archive, render, [listing])


def tags(archive: Archive, groups: Sequence[Group], render: Render) -> DerivedPage:
    by_letter: dict[str, list[Group]] = {}
    for grp in groups:
        letter = grp.label[:1].upper()
        by_letter.setdefault(letter if letter.isalpha() else "#", []).append(grp)
    sections = sorted(by_letter.items(), key=lambda item: (item[0] != "#", item[0]))
    return _page(TAG, archive, render, _sections(sections, render, "tag-index"))


def archive_index(archive: Archive, groups: Sequence[Group], render: Render) -> DerivedPage:
    by_year: dict[str, list[Group]] = {}
    for grp in groups:
        by_year.setdefault(grp.key[:4], []).append(grp)
    return _page(MONTH, archive, render, _sections(list(by_year.items()), render, "archive-index"))


def sources(archive: Archive, groups: Sequence[Group], render: Render) -> DerivedPage:
    return _page(SOURCE, archive, render, [render.counted_list(_rows(groups), "source-index")])
