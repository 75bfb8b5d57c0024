"""Plain list: items of a headline line, an outlet/date line, then body paragraphs.

    1. EU agrees rules for general-purpose AI
    Reuters — 12 March 2026
    The European Union's member states agreed ...

The outlet/date line anchors each item (see `common.parse_meta_line` for the forms
read); the headline is the line above it, or, in lists that put the outlet line first,
the line below it. Items may also be separated by rules (---, ***, ===) and numbered
("1.", "#1", "1)"); numbering is removed from titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import (
    SNIFF_LIMIT,
    Meta,
    headline_text,
    is_prose,
    is_rule,
    looks_like_headline,
    make_item,
    parse_meta_line,
    per_text,
    preview,
    prose_from,
    split_lines,
)

_NUMBER = re.compile(r"^\s*(?:#\s?\d{1,3}|\d{1,3}[.)]|\(\d{1,3}\)|\[\d{1,3}\])(?:\s+|$)")


@dataclass(frozen=True)
class Anchor:
    meta_line: int
    meta: Meta
    title_line: int | None
    start: int


def strip_number(line: str) -> str:
    return _NUMBER.sub("", line, count=1).strip()


def _is_divider(line: str) -> bool:
    s = line.strip()
    return is_rule(s) or (bool(s) and not strip_number(s))


def _filled(lines: list[str], i: int, step: int) -> int | None:
    while 0 <= i < len(lines):
        if lines[i].strip() and not _is_divider(lines[i]):
            return i
        if _is_divider(lines[i]):
            return None
        i += step
    return None


def _headline_at(lines: list[str], i: int | None) -> bool:
    return i is not None and looks_like_headline(strip_number(lines[i]), any_case=True)


def _prose_after(lines: list[str], i: int | None) -> bool:
    k = _filled(lines, i + 1, 1) if i is not None else None
    return k is not None and prose_from(lines, k)


def find_anchors(lines: list[str]) -> list[Anchor]:
    """Outlet/date lines with their headline, in order; one per item."""
    metas = [(i, m) for i, line in enumerate(lines) if (m := parse_meta_line(line)) is not None]
    above = {i: _filled(lines, i - 1, -1) for i, _ in metas}
    below = {i: _filled(lines, i + 1, 1) for i, _ in metas}
    heads: dict[int | None, bool] = {}
    prose: dict[int | None, bool] = {}

    def headline_at(k: int | None) -> bool:
        if k not in heads:
            heads[k] = _headline_at(lines, k)
        return heads[k]

    def prose_after(k: int | None) -> bool:
        if k not in prose:
            prose[k] = _prose_after(lines, k)
        return prose[k]

    head_first = sum(1 for i, _ in metas if headline_at(above[i]) and prose_after(i))
    meta_first = sum(
        1
        for i, _ in metas
        if headline_at(below[i]) and prose_after(below[i]) and not headline_at(above[i])
    )
    anchors: list[Anchor] = []
    for i, meta in metas:
        last = anchors[-1] if anchors else None
        floor = max(last.meta_line, last.title_line or 0) if last else -1
        up, down = above[i], below[i]
        if meta_first > head_first and headline_at(down) and prose_after(down):
            anchors.append(Anchor(i, meta, down, i))
        elif headline_at(up) and up is not None and up > floor and prose_after(i):
            anchors.append(Anchor(i, meta, up, up))
        elif prose_after(i) and i > floor + 1 and (up is None or not head_first):
            anchors.append(Anchor(i, meta, None, i))
    return anchors


@per_text
def _anchored(text: str) -> tuple[list[str], list[Anchor]]:
    """The lines of `text` and their anchors."""
    lines = split_lines(text)
    return lines, find_anchors(lines)


def _trim(lines: list[str], start: int, end: int) -> list[str]:
    """Lines start..end without dividers (rules, bare numbers) and bounding blanks."""
    kept = [line if not _is_divider(line) else "" for line in lines[start:end]]
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`."""
    lines, anchors = _anchored(text)
    items: list[RawItem] = []
    problems: list[ReadProblem] = []
    if anchors:
        lead = _trim(lines, 0, anchors[0].start)
        if any(is_prose(line) for line in lead):
            first = next(k for k, line in enumerate(lines) if line.strip())
            msg = f"text before the first item is not an item: {preview(' '.join(lead))!r}"
            problems.append(ReadProblem(first + 1, msg))
    for n, anchor in enumerate(anchors):
        end = anchors[n + 1].start if n + 1 < len(anchors) else len(lines)
        body_from = max(anchor.meta_line, anchor.title_line or 0) + 1
        body = _trim(lines, body_from, end)
        title = (
            None
            if anchor.title_line is None
            else headline_text(strip_number(lines[anchor.title_line]))
        )
        if not any(line.strip() for line in body):
            meta = preview(lines[anchor.meta_line])
            problems.append(ReadProblem(anchor.start + 1, f"no article text under {meta!r}"))
            continue
        items.append(
            make_item(
                body,
                anchor.start + 1,
                title=title,
                source=anchor.meta.source,
                dateline=anchor.meta.dateline,
            )
        )
    return ReadResult("plain", items, problems)


CEILING = 0.85
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    anchors = [a for a in _anchored(text[:SNIFF_LIMIT])[1] if a.title_line is not None]
    if not anchors:
        return 0.0
    with_source = sum(1 for a in anchors if a.meta.source)
    return min(CEILING, 0.5 + 0.15 * len(anchors) + 0.05 * with_source)


READER = TextReader(
    "plain",
    "a list of items: headline, outlet and date line, body paragraphs",
    sniff,
    read,
    CEILING,
)
