"""What a briefing page shows around its body: title, metadata chips, also-reported-by,
related briefings, and the head metadata (description, Open Graph).

Stable markup: ``h1#briefing-title``; ``.briefing-chips`` holds
``a.chip--date``, ``a.chip--source``, ``a.chip--region``, ``a.chip--topic``,
``a.chip--tag`` and, when the raw item gave a link, ``a.briefing-source-link``;
``.briefing-also`` lists other outlets; ``.briefing-related`` lists related briefings.
Material's search skips briefing pages (``search: exclude``): the archive's own index
(`generator.site.search`) finds them by title and metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from . import urls
from .archive import Entry
from .config import Decoration, SiteConfig
from .groups import MONTH, SOURCE, TAG
from .render import Render, esc, external, human_date, time_tag

TITLE_ID = "briefing-title"


def header(entry: Entry, render: Render) -> str:
    b = entry.briefing
    ((month_key, _label),) = MONTH.keys(entry, render.vocab)
    month = urls.listing(MONTH.section, month_key)
    source = urls.listing(SOURCE.section, urls.key_slug(b.source))
    chips = [
        render.link(month, human_date(b.date), "chip chip--date"),
        render.link(source, b.source, "chip chip--source"),
        *render.region_topic_chips(entry),
        *render.chips(TAG, entry, "chip chip--tag"),
    ]
    if b.source_url:
        chips.append(external(b.source_url, f"Read at {b.source}", "briefing-source-link"))
    title = f'<h1 id="{TITLE_ID}">{esc(b.title)}</h1>'
    return f'{title}\n<p class="briefing-chips">{" ".join(chips)}</p>'


def trailer(entry: Entry, render: Render) -> str:
    outlets = []
    for ref in entry.briefing.also_reported_by:
        page = urls.listing(SOURCE.section, urls.key_slug(ref.name))
        outlets.append(render.link(page, ref.name, "chip chip--source"))
        if ref.url:
            outlets.append(external(ref.url, "(article)", "briefing-source-link"))
    return f'<p class="briefing-also">Also reported by: {" ".join(outlets)}</p>' if outlets else ""


def _related_item(render: Render, other: Entry) -> str:
    return (
        f"<li>{render.link(other.path, other.briefing.title)} {time_tag(other.briefing.date)}</li>"
    )


def footer(related: Sequence[Entry], render: Render) -> str:
    if not related:
        return ""
    items = "\n".join(
        render.of("related", other, partial(_related_item, render)) for other in related
    )
    return (
        '<div class="briefing-related" data-search-exclude="1">'
        f"<p><strong>Related briefings</strong></p><ul>\n{items}\n</ul></div>"
    )


def meta(entry: Entry, render: Render, cfg: SiteConfig) -> dict[str, Any]:
    """Front-matter values of a briefing page: head description, Open Graph, hide, and
    Material's search told to skip it (it would parse the page for nothing)."""
    b = entry.briefing
    vocab = render.vocab
    return {
        "description": b.summary,
        "hide": ["navigation", "toc"],
        "search": {"exclude": True},
        "updated": b.date.isoformat(),
        "og": {
            "type": "article",
            "title": b.title,
            "description": b.summary,
            "url": urls.absolute_url(cfg.site_url, entry.path, cfg.directory_urls),
            "published_time": b.date.isoformat(),
            "section": vocab.topic(b.topic).name if vocab.is_topic(b.topic) else b.topic,
            "tags": list(b.tags),
        },
    }


def inputs(entry: Entry, related: Sequence[Entry]) -> tuple[Any, ...]:
    """Everything a decoration is made from besides the vocabulary and the configuration."""
    return (entry.briefing, tuple((r.path, r.briefing.title, r.briefing.date) for r in related))


def decoration(
    entry: Entry, related: Sequence[Entry], render: Render, cfg: SiteConfig
) -> Decoration:
    return Decoration(
        render.finish(header(entry, render), entry.path),
        render.finish(trailer(entry, render), entry.path),
        render.finish(footer(related, render), entry.path),
        meta(entry, render, cfg),
    )
