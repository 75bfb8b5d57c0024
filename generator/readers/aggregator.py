"""Aggregator: a scraped news page. Its headline, its article, the site's chrome
(hashtags, feature teasers, comments, "Related Articles"), then related-article blocks:

    South China Morning Post        <- source
    22 minutes ago                  <- relative time or date (the block's anchor)
    - South China Morning Post      <- optional repeat of the source
    Headline of the related story
    Body of the related story ...

A page with no related blocks is still recognised (weakly) by its chrome lines. The
lead item's headline is the page's first line; its article may start mid-sentence
(the scraper cut it: `lede_cut`). Its source is the one every related block names, when
they agree. A video widget's "Play", alone on a line, ending a line after a sentence or
standing between a sentence and a quotation, is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import (
    DATE,
    RELATIVE_TIME,
    SNIFF_LIMIT,
    count_words,
    fold,
    headline_text,
    is_prose,
    looks_like_headline,
    make_item,
    preview,
    prose_from,
    split_lines,
    words,
)

CHROME_MAX_WORDS = 10
CHROME_MARKERS = frozenset(
    {
        "related articles", "related stories", "related", "comments", "no comments yet",
        "hashtags", "share this article", "advertisement", "you may also like", "read next",
        "most read", "recommended", "more stories",
    }
)  # fmt: skip
"""Lines of a news site's chrome: two of them tell a scraped page without related blocks."""
_FEW_LETTERS = re.compile(
    rf"(?:[\W_]*+[^\W_]){{0,{max(len(m.replace(' ', '')) for m in CHROME_MARKERS)}}}+[\W_]*+"
)
"""A line with no more letters and digits than the longest chrome marker."""
_WIDGET = re.compile(r"(?:(?<=[.!?\"'\u2019\u201d]) |^)Play(?:(?= [\"'\u2018\u201c])|$)")
_DASHED = re.compile(r"^[-\u2013\u2014\u2022]\s*")


@dataclass(frozen=True)
class Block:
    """A related-article block: where it starts, its source, stamp and headline lines."""

    start: int
    source: str | None
    stamp: str
    headline: int


def _stamp(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > 40:
        return None
    match = RELATIVE_TIME.fullmatch(s) or DATE.fullmatch(s)
    return s if match else None


def _chrome(line: str) -> str | None:
    """The folded line when it may be a chrome marker (it has few enough letters)."""
    few = _FEW_LETTERS.fullmatch(line if line.isascii() else line.lower())
    return fold(line) if few else None


def _short_name(line: str) -> bool:
    s = line.strip()
    return 1 <= count_words(s, 9) <= 8 and not is_prose(s) and not s.endswith((".", ":", "?"))


def _next_filled(lines: list[str], i: int) -> int | None:
    while i < len(lines):
        if lines[i].strip():
            return i
        i += 1
    return None


def find_blocks(lines: list[str]) -> list[Block]:
    """Related-article blocks: a stamp line with a short source line above it or a
    '- Source' line below it, then a headline followed by prose."""
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        stamp = _stamp(line)
        if stamp is None:
            continue
        above = i - 1 if i and _short_name(lines[i - 1]) else None
        k = _next_filled(lines, i + 1)
        below = None
        if k is not None and _DASHED.match(lines[k]) and _short_name(_DASHED.sub("", lines[k])):
            below, k = k, _next_filled(lines, k + 1)
        if (above is None and below is None) or k is None or not looks_like_headline(lines[k]):
            continue
        after = _next_filled(lines, k + 1)
        if after is None or not prose_from(lines, after):
            continue
        if blocks and (above if above is not None else i) <= blocks[-1].headline:
            continue
        if above is not None:
            source: str | None = lines[above].strip()
        elif below is not None:
            source = _DASHED.sub("", lines[below]).strip()
        else:
            source = None
        blocks.append(Block(above if above is not None else i, source, stamp, k))
    return blocks


def _strip_chrome(lines: list[str]) -> list[str]:
    """Drop the site's chrome after the lead article: the trailing run of short lines
    that are not sentences (Hashtags, Comments, 'No comments yet...', 'Related')."""
    end = len(lines)
    while end and (
        not lines[end - 1].strip()
        or (len(words(lines[end - 1])) <= CHROME_MAX_WORDS and not _is_sentence(lines[end - 1]))
    ):
        end -= 1
    return lines[:end]


def _is_sentence(line: str) -> bool:
    s = line.strip()
    return s.endswith((".", "!", "?", "\u201d", "'", '"', "\u2019")) and not s.endswith("...")


def clean_widgets(text: str) -> str:
    return _WIDGET.sub(" ", text)


def _item(lines: list[str], first: int, **meta: str | None) -> RawItem:
    return make_item([clean_widgets(line) for line in lines], first, scraped=True, **meta)


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`."""
    lines = split_lines(text)
    blocks = find_blocks(lines)
    items: list[RawItem] = []
    problems: list[ReadProblem] = []
    sources = {b.source for b in blocks}
    common_source = sources.pop() if len(sources) == 1 else None
    lead_end = blocks[0].start if blocks else len(lines)
    head = _next_filled(lines, 0)
    if head is not None and head < lead_end:
        lead = _strip_chrome(lines[head:lead_end])
        title = headline_text(lines[head]) if looks_like_headline(lines[head]) else None
        body = lead[1:] if title else lead
        if any(is_prose(line) for line in body):
            items.append(_item(body, head + 1, title=title, source=common_source))
        elif lead:
            stray = preview(" ".join(lead))
            problems.append(ReadProblem(head + 1, f"no article text in {stray!r}"))
    for n, block in enumerate(blocks):
        end = blocks[n + 1].start if n + 1 < len(blocks) else len(lines)
        body = _strip_chrome(lines[block.headline + 1 : end])
        if not any(line.strip() for line in body):
            headline = preview(lines[block.headline])
            problems.append(ReadProblem(block.start + 1, f"no article text under {headline!r}"))
            continue
        items.append(
            _item(
                body,
                block.start + 1,
                title=headline_text(lines[block.headline]),
                source=block.source,
                dateline=block.stamp,
            )
        )
    return ReadResult("aggregator", items, problems)


CEILING = 0.95
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    lines = split_lines(text[:SNIFF_LIMIT])
    blocks = find_blocks(lines)
    if not blocks:
        markers = {key for line in lines if (key := _chrome(line)) in CHROME_MARKERS}
        return 0.35 if len(markers) >= 2 and any(is_prose(line) for line in lines) else 0.0
    dashed = sum(1 for b in blocks if _DASHED.match(lines[b.headline - 1] or ""))
    relative = sum(1 for b in blocks if RELATIVE_TIME.fullmatch(b.stamp))
    return min(CEILING, 0.6 + 0.1 * len(blocks) + 0.1 * (dashed > 0) + 0.1 * (relative > 0))


READER = TextReader(
    "aggregator",
    "a scraped page: headline, article, site chrome, related-article blocks",
    sniff,
    read,
    CEILING,
)
