"""The archive the site is derived from: published briefings in a stable order.

An `Entry` is one published briefing page: its source path (``briefings/2026/01/x.md``),
its validated front-matter and its Markdown body as on disk (`text` is that body as plain
text, made when asked for: only related-briefing scoring reads it, once per briefing).
Entries compare by value, so work cached for an entry is reused only while it is equal.
`Archive.of` keeps only published entries and sorts them newest first (date descending,
then id), the one order every listing, feed and tie-break uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Briefing
from ..pages import Page, unescape_body
from ..vocab import Vocabulary


@dataclass(frozen=True)
class Entry:
    path: str
    briefing: Briefing
    body: str

    @classmethod
    def of(cls, page: Page) -> Entry:
        return cls(page.path, page.briefing, page.body)

    @property
    def text(self) -> str:
        return unescape_body(self.body)

    @property
    def sort_key(self) -> tuple[int, str]:
        return (-self.briefing.date.toordinal(), self.briefing.id)

    @property
    def sources(self) -> list[tuple[str, str | None]]:
        """(name, url) of the source and of every outlet that also reported it."""
        first = [(self.briefing.source, self.briefing.source_url)]
        return first + [(ref.name, ref.url) for ref in self.briefing.also_reported_by]


@dataclass(frozen=True)
class Archive:
    entries: tuple[Entry, ...]
    vocab: Vocabulary
    index: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {e.path: e for e in self.entries})

    @classmethod
    def of(cls, entries: Iterable[Entry], vocab: Vocabulary) -> Archive:
        published = [e for e in entries if e.briefing.published]
        return cls(tuple(sorted(published, key=lambda e: e.sort_key)), vocab)

    @property
    def latest_date(self) -> dt.date | None:
        return self.entries[0].briefing.date if self.entries else None
