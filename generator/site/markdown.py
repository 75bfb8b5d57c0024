"""Markdown building blocks of derived pages. Text from briefings is always escaped.

Links are written to source paths (``../jp/index.md``) so that MkDocs validates them in
strict mode and rewrites them for its URL style; classes are set with ``attr_list`` and
blocks hold Markdown through ``md_in_html``, the two extensions mkdocs.yml enables.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from ..pages import escape_body
from . import urls
from .archive import Entry
from .groups import MONTHS, REGION, TOPIC


def text(value: str) -> str:
    """One line of plain text as Markdown that renders as exactly that text."""
    return escape_body(" ".join(value.split()))


def link(label: str, from_path: str, to_path: str, classes: str = "") -> str:
    attrs = "{ " + " ".join("." + c for c in classes.split()) + " }" if classes else ""
    return f"[{text(label)}]({urls.relative(from_path, to_path)}){attrs}"


def external(label: str, url: str, classes: str = "") -> str:
    """A link to an http(s) URL (validated by the model); angle brackets keep it whole."""
    attrs = "{ " + " ".join("." + c for c in classes.split()) + " }" if classes else ""
    return f"[{text(label)}](<{html.escape(url)}>){attrs}"


def human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{human_date(day)}</time>'


def front_matter(meta: dict[str, Any]) -> str:
    return (
        "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000) + "---\n"
    )


def block(classes: str, body: str, attrs: str = "") -> str:
    """A ``<div>`` whose content is Markdown."""
    extra = f" {attrs}" if attrs else ""
    return f'<div class="{classes}"{extra} markdown>\n\n{body}\n\n</div>'


def region_topic_chips(entry: Entry, vocab: Any, from_path: str) -> list[str]:
    chips = [
        link(label, from_path, urls.listing(REGION.section, key), "chip chip--region")
        for key, label in REGION.keys(entry, vocab)
    ]
    chips += [
        link(label, from_path, urls.listing(TOPIC.section, key), "chip chip--topic")
        for key, label in TOPIC.keys(entry, vocab)
    ]
    return chips


def briefing_list(entries: Iterable[Entry], vocab: Any, from_path: str) -> str:
    """The standard list of briefings: title, date, source, region/topic chips, summary."""
    items = []
    for entry in entries:
        b = entry.briefing
        meta = " ".join(
            [
                time_tag(b.date),
                f'<span class="briefing-source">{text(b.source)}</span>',
                *region_topic_chips(entry, vocab, from_path),
            ]
        )
        items.append(
            f"-   {link(b.title, from_path, entry.path)}\n    {{: .briefing-title }}\n\n"
            f"    {meta}\n    {{: .briefing-meta }}\n\n"
            f"    {text(b.summary)}\n    {{: .briefing-summary }}"
        )
    return block("briefing-list", "\n\n".join(items))


def counted_list(rows: Sequence[tuple[str, str, int]], from_path: str, classes: str) -> str:
    """A list of (label, path, count) links, e.g. every tag with its count."""
    items = [
        f'-   {link(label, from_path, path)} <span class="count">{count}</span>'
        for label, path, count in rows
    ]
    return block(classes, "\n".join(items))


def page_window(count: int, current: int, width: int = 2) -> list[int | None]:
    """Page numbers to show: first, last, and `width` around current; None marks a gap."""
    shown = sorted({1, count, *range(max(1, current - width), min(count, current + width) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and out[-1] is not None and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out


def pagination(paths: Sequence[str], current: int) -> str:
    """Numbered links with previous/next; `current` is 1-based. Empty for one page."""
    if len(paths) < 2:
        return ""
    here = paths[current - 1]
    parts = []
    if current > 1:
        parts.append(f"[← Newer]({urls.relative(here, paths[current - 2])}){{ .pagination__prev }}")
    for number in page_window(len(paths), current):
        if number is None:
            parts.append('<span class="pagination__gap">…</span>')
        elif number == current:
            parts.append(f'<span class="pagination__current" aria-current="page">{number}</span>')
        else:
            target = urls.relative(here, paths[number - 1])
            parts.append(f"[{number}]({target}){{ .pagination__page }}")
    if current < len(paths):
        parts.append(f"[Older →]({urls.relative(here, paths[current])}){{ .pagination__next }}")
    return block("pagination", " ".join(parts), 'role="navigation" aria-label="Pages"')
