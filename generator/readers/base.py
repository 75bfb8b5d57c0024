"""What every reader returns: raw items, not yet classified.

A reader is a pure function of text: it never opens files and never guesses
classifications. It finds item boundaries, strips boilerplate, re-joins hard-wrapped
lines and keeps whatever the text itself says about an item (headline, outlet,
dateline, link). Anything it cannot make sense of is returned as a `Problem`, never
silently dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class RawItem:
    """One article as the raw text gives it.

    body: the article text, paragraphs separated by one blank line, boilerplate removed.
    title: the headline the page gave, or None when the item has none (a title is then
        derived from the lede by `text.headline_from_lede`).
    source / source_url: the outlet and link the text names for this item, if any.
    dateline: the item's own date text exactly as found ("22 minutes ago", "19 January",
        "2026-03-12"), resolved later against the capture date.
    line: 1-based line in the raw file where the item starts (for error messages).
    """

    body: str
    line: int
    title: str | None = None
    source: str | None = None
    source_url: str | None = None
    dateline: str | None = None
    lede_cut: bool = False


@dataclass(frozen=True)
class ReadProblem:
    line: int
    message: str


@dataclass(frozen=True)
class ReadResult:
    """Items of one raw text. `captured` is a capture date the format itself carries
    (an e-mail's Date header), or None; `default_source` names the publisher of items
    that name none (an e-mail's sender), or None."""

    format: str
    items: list[RawItem]
    problems: list[ReadProblem] = field(default_factory=list)
    default_source: str | None = None
    captured: dt.date | None = None


class Reader(Protocol):
    """A digest format. `sniff` returns a confidence in [0, 1], never above `ceiling`;
    `read` does the work."""

    name: str
    description: str
    ceiling: float

    def sniff(self, text: str) -> float: ...

    def read(self, text: str) -> ReadResult: ...


@dataclass
class TextReader:
    """A `Reader` made of a format's two module-level functions. `ceiling`: the highest
    confidence `sniff_text` returns (`read_text` need not sniff a reader whose ceiling
    cannot beat a confidence already found)."""

    name: str
    description: str
    sniff_text: Callable[[str], float]
    read_text: Callable[[str], ReadResult]
    ceiling: float = 1.0

    def sniff(self, text: str) -> float:
        return self.sniff_text(text)

    def read(self, text: str) -> ReadResult:
        return self.read_text(text)
