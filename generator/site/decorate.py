"""What a briefing page shows around its body: title, metadata chips, also-reported-by,
related briefings, and the head metadata (description, Open Graph).

Stable markup: ``.briefing-chips`` holds ``a.chip--date``, ``a.chip--source``,
``a.chip--region``, ``a.chip--topic``, ``a.chip--tag`` and, when the raw item gave a link,
``a.briefing-source-link``; ``.briefing-also`` lists other outlets; ``.briefing-related``
lists related briefings (excluded from the search index).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..vocab import Vocabulary
from . import markdown as md
from . import urls
from .archive import Entry
from .config import Decoration, SiteConfig
from .groups import MONTH, SOURCE, TAG, Kind


def _chips(kind: Kind, entry: Entry, vocab: Vocabulary, classes: str) -> list[str]:
    return [
        md.link(label, entry.path, urls.listing(kind.section, key), classes)
        for key, label in kind.keys(entry, vocab)
    ]


def header(entry: Entry, vocab: Vocabulary) -> str:
    b = entry.briefing
    ((month_key, _label),) = MONTH.keys(entry, vocab)
    date = md.link(
        md.human_date(b.date), entry.path, urls.listing(MONTH.section, month_key), "chip chip--date"
    )
    source_key = urls.key_slug(b.source)
    chips = [
        date,
        md.link(
            b.source, entry.path, urls.listing(SOURCE.section, source_key), "chip chip--source"
        ),
        *md.region_topic_chips(entry, vocab, entry.path),
        *_chips(TAG, entry, vocab, "chip chip--tag"),
    ]
    if b.source_url:
        chips.append(md.external(f"Read at {b.source}", b.source_url, "briefing-source-link"))
    return f"# {md.text(b.title)}\n\n" + md.block("briefing-chips", " ".join(chips))


def footer(entry: Entry, related: Sequence[Entry]) -> str:
    parts = []
    others = entry.briefing.also_reported_by
    if others:
        links = []
        for ref in others:
            page = urls.listing(SOURCE.section, urls.key_slug(ref.name))
            links.append(md.link(ref.name, entry.path, page, "chip chip--source"))
            if ref.url:
                links.append(md.external("(article)", ref.url, "briefing-source-link"))
        parts.append(md.block("briefing-also", "Also reported by: " + " ".join(links)))
    if related:
        items = "\n".join(
            f"-   {md.link(other.briefing.title, entry.path, other.path)} "
            f"{md.time_tag(other.briefing.date)}"
            for other in related
        )
        parts.append(
            md.block(
                "briefing-related", f"**Related briefings**\n\n{items}", 'data-search-exclude="1"'
            )
        )
    return "\n\n".join(parts)


def decoration(
    entry: Entry, vocab: Vocabulary, related: Sequence[Entry], cfg: SiteConfig
) -> Decoration:
    b = entry.briefing
    meta = {
        "description": b.summary,
        "hide": ["navigation", "toc"],
        "updated": b.date.isoformat(),
        "og": {
            "type": "article",
            "title": b.title,
            "description": b.summary,
            "url": urls.absolute_url(cfg.site_url, entry.path, cfg.directory_urls),
            "published_time": b.date.isoformat(),
            "section": vocab.topic(b.topic).name if vocab.is_topic(b.topic) else b.topic,
            "tags": [*b.tags],
        },
    }
    return Decoration(header(entry, vocab), footer(entry, related), meta)
