"""HTML building blocks of derived pages; every piece of text from a briefing is escaped.

Derived pages are HTML, not Markdown: Python-Markdown spends about a millisecond on each
listed briefing (links, classes, paragraphs), which at archive scale would cost more than
MkDocs's whole build, while formatting the HTML here costs microseconds. Raw HTML is
valid Markdown, so the same pages still suit any Markdown engine.

Links are root-relative: a fragment is rendered once with the `ROOT` marker in front of
each site URL, and `Render.finish` replaces it with the page's own way back to the site
root (``../../``), so one briefing's list item serves every listing it appears on (and,
kept with the `Render`, every rebuild while that briefing is unchanged). Every target is
checked against `Render.known`, the destinations of the site being rendered: a link to a
page that was not made raises `urls.SiteError`.

Stable markup: ``.briefing-list li`` with ``p.briefing-title a``, ``p.briefing-meta``
(``time``, ``span.briefing-source``, the primary ``a.chip--region``, ``a.chip--topic``) and
``p.briefing-summary``; ``.pagination`` with ``a.pagination__prev``, ``a.pagination__page``,
``span.pagination__current`` and ``a.pagination__next``; counted lists are ``li`` with a
link and ``span.count``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Container, Iterable, Sequence

from ..vocab import Vocabulary
from . import urls
from .archive import Entry
from .groups import MONTHS, REGION, TOPIC, Kind

ROOT = "\x00"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{human_date(day)}</time>'


def anchor(href: str, label_html: str, classes: str = "") -> str:
    cls = f' class="{classes}"' if classes else ""
    return f'<a{cls} href="{href}">{label_html}</a>'


def external(url: str, label: str, classes: str = "") -> str:
    return anchor(esc(url), esc(label), classes)


def page_window(count: int, current: int, width: int = 2) -> list[int | None]:
    """Page numbers to show: first, last, and `width` around current; None marks a gap."""
    shown = sorted({1, count, *range(max(1, current - width), min(count, current + width) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and out[-1] is not None and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out


class Render:
    """Renders fragments for one vocabulary and URL style; links only to `known` paths."""

    def __init__(self, vocab: Vocabulary, directory_urls: bool):
        self.vocab = vocab
        self.directory_urls = directory_urls
        self.known: Container[str] = ()
        self._items: dict[tuple[str, str], tuple[Entry, str]] = {}
        self._chips: dict[tuple[str, str, str, str], str] = {}

    def href(self, path: str) -> str:
        if path not in self.known:
            raise urls.SiteError(f"derived pages link to a page that does not exist: {path}")
        return ROOT + urls.url_of(path, self.directory_urls)

    def link(self, path: str, label: str, classes: str = "") -> str:
        return anchor(self.href(path), esc(label), classes)

    def finish(self, fragment: str, page: str) -> str:
        """`fragment` as it appears on the page at source path `page`."""
        prefix = "../" * urls.url_of(page, self.directory_urls).count("/")
        return fragment.replace(f'"{ROOT}"', f'"{prefix or "./"}"').replace(ROOT, prefix)

    def chips(self, kind: Kind, entry: Entry, classes: str, limit: int | None = None) -> list[str]:
        """Links to the `kind` pages `entry` files under; each distinct chip is made once."""
        chips = []
        for key, label in kind.keys(entry, self.vocab)[:limit]:
            chip = self._chips.get((kind.section, key, label, classes))
            if chip is None:
                chip = self.link(urls.listing(kind.section, key), label, classes)
                self._chips[(kind.section, key, label, classes)] = chip
            chips.append(chip)
        return chips

    def region_topic_chips(self, entry: Entry, regions: int | None = None) -> list[str]:
        """Region chips (the first `regions`, primary first; all when None), then topic."""
        return [
            *self.chips(REGION, entry, "chip chip--region", regions),
            *self.chips(TOPIC, entry, "chip chip--topic"),
        ]

    def of(self, name: str, entry: Entry, make: Callable[[Entry], str]) -> str:
        """`make(entry)`, a fragment that depends on `entry` alone, made once while `entry`
        is unchanged (kept with the renderer between builds)."""
        cached = self._items.get((name, entry.path))
        if cached is not None and (cached[0] is entry or cached[0] == entry):
            return cached[1]
        made = make(entry)
        self._items[(name, entry.path)] = (entry, made)
        return made

    def item(self, entry: Entry) -> str:
        """One briefing in a list: title, date, source, primary region and topic, summary.

        The full set of regions stays on the briefing page; a list shows one of each."""
        return self.of("item", entry, self._item)

    def _item(self, entry: Entry) -> str:
        b = entry.briefing
        meta = " ".join(
            [
                time_tag(b.date),
                f'<span class="briefing-source">{esc(b.source)}</span>',
                *self.region_topic_chips(entry, regions=1),
            ]
        )
        return (
            f'<li><p class="briefing-title">{self.link(entry.path, b.title)}</p>'
            f'<p class="briefing-meta">{meta}</p>'
            f'<p class="briefing-summary">{esc(b.summary)}</p></li>'
        )

    def retain(self, paths: Container[str]) -> None:
        """Forget the fragments of briefings not in `paths`."""
        for key in [key for key in self._items if key[1] not in paths]:
            del self._items[key]

    def briefing_list(self, entries: Iterable[Entry], classes: str = "briefing-list") -> str:
        items = "\n".join(self.item(entry) for entry in entries)
        return f'<div class="{classes}"><ul>\n{items}\n</ul></div>'

    def counted_list(self, rows: Sequence[tuple[str, str, int]], classes: str) -> str:
        """A list of (label, path, count) links, e.g. every tag with its count."""
        items = "\n".join(
            f'<li>{self.link(path, label)} <span class="count">{count}</span></li>'
            for label, path, count in rows
        )
        return f'<div class="{classes}"><ul>\n{items}\n</ul></div>'

    def pagination(self, paths: Sequence[str], current: int) -> str:
        """Numbered links with previous/next; `current` is 1-based. Empty for one page."""
        if len(paths) < 2:
            return ""
        parts = []
        if current > 1:
            parts.append(self.link(paths[current - 2], "← Newer", "pagination__prev"))
        for number in page_window(len(paths), current):
            if number is None:
                parts.append('<span class="pagination__gap">…</span>')
            elif number == current:
                parts.append(
                    f'<span class="pagination__current" aria-current="page">{number}</span>'
                )
            else:
                parts.append(self.link(paths[number - 1], str(number), "pagination__page"))
        if current < len(paths):
            parts.append(self.link(paths[current], "Older →", "pagination__next"))
        return f'<nav class="pagination" aria-label="Pages">{" ".join(parts)}</nav>'
