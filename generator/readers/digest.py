"""Digest: items separated by a line that recurs between them.

The separator is found, not known in advance: the line, or the near-identical lines,
that recur at least twice and read like a call to action ("Would you like to learn more
about ...? If so, ask our ... chatbot!"); failing that, a drawn rule (---, * * *) that
recurs. Wording variants count as the same separator when most of their words agree,
so commas, smart quotes, "tech, and", a reworded question all match. A separator glued
to the end or start of an item's line is cut out of it.

Items usually have no headline (title None); their lines are paragraphs. When most
items open with a headline line followed by prose, those lines become titles. An
outlet/date line at the top of an item gives its source and dateline.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import (
    CLOSERS,
    OPENERS,
    SNIFF_LIMIT,
    Numbered,
    count_words,
    ends_sentence,
    fold,
    headline_text,
    is_prose,
    is_rule,
    looks_like_headline,
    numbered_paragraphs,
    parse_meta_line,
    per_text,
    preview,
    prose_from,
    split_lines,
    starts_lower,
    starts_mid_sentence,
    word_set,
    word_spans,
)

CTA_STEMS = (
    "learn", "read", "subscrib", "sign", "follow", "ask", "click", "join", "share", "download",
    "register", "visit", "explore", "discover", "contact", "chatbot", "newsletter", "podcast",
    "tap", "donate", "forward", "listen", "find", "try",
)  # fmt: skip
_CTA_VERB = re.compile(r"\b(?:" + "|".join(CTA_STEMS) + ")")
_ADDRESS = re.compile(r"\b(?:you|your|you're|our|us|we|we're)\b")
MAX_SEPARATOR_WORDS = 40
SIMILAR = 0.7
HEADLINE_SHARE = 0.6


def cta_score(line: str) -> int:
    """0-3: how much a line reads like a call to action (a question or exclamation,
    addressing the reader, a verb such as learn/subscribe/ask). Only scores of 2 and
    more count: a line with neither of the first two scores 0 without the third test."""
    if not 2 <= line.count(" ") < MAX_SEPARATOR_WORDS:
        return 0
    lower = line.lower().replace("\u2019", "'")
    punct = "?" in line or "!" in line
    address = _ADDRESS.search(lower) is not None
    if not (punct or address):
        return 0
    verb = _CTA_VERB.search(lower) is not None
    return int(punct) + int(address) + int(verb)


def alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Most words of each are words of the other: wording variants of one line."""
    shared = len(a & b)
    return bool(a and b) and shared >= SIMILAR * len(a) and shared >= SIMILAR * len(b)


@dataclass
class Separator:
    """The recurring line: its words, or a drawn rule when `tokens` is empty."""

    tokens: frozenset[str] = field(default_factory=frozenset)
    count: int = 0
    score: int = 0
    chars: int = 0

    @cached_property
    def _by_length(self) -> list[str]:
        """The tokens, longest (likely rarest) first."""
        return sorted(self.tokens, key=lambda t: (-len(t), t))

    @property
    def rule(self) -> bool:
        return not self.tokens

    def matches(self, line: str) -> bool:
        if self.rule:
            return is_rule(line)
        if len(line) > 2 * self.chars or cta_score(line) < 2:
            return False
        return alike(word_set(line), self.tokens)

    def _may_hold(self, line: str) -> bool:
        """Enough of the separator's words occur in `line`, if only as parts of words:
        a cheap test that `split_glued` must pass."""
        lower = line.lower().replace("\u2019", "'")
        spare = len(self.tokens) - math.ceil(SIMILAR * len(self.tokens))
        for token in self._by_length:
            if token not in lower:
                spare -= 1
                if spare < 0:
                    return False
        return True

    def split_glued(self, line: str) -> tuple[str, str] | None:
        """(before, after) when the separator sits inside a longer line of an item."""
        n = len(self.tokens)
        if self.rule or not self._may_hold(line):
            return None
        if len(word_set(line) & self.tokens) < SIMILAR * n:
            return None
        spans = word_spans(line)
        for i, (start, _, word) in enumerate(spans):
            if word not in self.tokens or (
                i and not ends_sentence(line[max(0, start - 6) : start].rstrip(OPENERS + " "))
            ):
                continue
            for size in range(min(n + 4, len(spans) - i), max(2, n - 4), -1):
                window = frozenset(w for *_, w in spans[i : i + size])
                shared = len(window & self.tokens)
                if shared < SIMILAR * n:
                    break
                cut = _after_terminal(line, spans[i + size - 1][1])
                if cut is not None and shared >= SIMILAR * len(window):
                    return line[:start].rstrip(), line[cut:].lstrip()
        return None


def _after_terminal(line: str, end: int) -> int | None:
    """Index just past the ?, ! or . (and closing quotes) that ends a word at `end`."""
    k = end
    while k < len(line) and k < end + 2 and line[k] in CLOSERS:
        k += 1
    if k >= len(line) or line[k] not in "?!.":
        return None
    k += 1
    while k < len(line) and line[k] in CLOSERS:
        k += 1
    return k


def find_separator(lines: list[str]) -> Separator | None:
    """The most frequent recurring call-to-action line (fuzzy), else a recurring rule."""
    counts: Counter[str] = Counter()
    scores: dict[str, int] = {}
    rules = 0
    for line in lines:
        if is_rule(line):
            rules += 1
        elif (score := cta_score(line)) >= 2:
            key = fold(line)
            counts[key] += 1
            scores[key] = max(score, scores.get(key, 0))
    clusters: list[Separator] = []
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[:50]:
        toks = frozenset(key.split())
        for cluster in clusters:
            if alike(cluster.tokens, toks):
                cluster.count += count
                break
        else:
            clusters.append(Separator(toks, count, scores[key], len(key)))
    best = max(clusters, key=lambda c: c.count, default=None)
    if best is not None and best.count < 2:
        best.count = sum(1 for line in lines if best.matches(line) or best.split_glued(line))
    if best is not None and best.count >= 2:
        return best
    if rules >= 2:
        return Separator(count=rules)
    return best if best is not None and best.score >= 3 else None


def chunks(lines: list[str], sep: Separator | None) -> list[Numbered]:
    """The runs of numbered lines between separators (empty runs included)."""
    out: list[Numbered] = [[]]
    for no, line in enumerate(lines, 1):
        if sep is None:
            out[-1].append((no, line))
        elif sep.matches(line):
            out.append([])
        elif (parts := sep.split_glued(line)) is not None:
            before, after = parts
            if before:
                out[-1].append((no, before))
            out.append([(no, after)] if after else [])
        else:
            out[-1].append((no, line))
    return out


def _content(chunk: Numbered) -> Numbered:
    kept = [(no, line) for no, line in chunk if line.strip()]
    if not kept:
        return []
    first, last = kept[0][0], kept[-1][0]
    return [(no, line) for no, line in chunk if first <= no <= last]


def _opens_with_headline(chunk: Numbered) -> bool:
    if not looks_like_headline(chunk[0][1]):
        return False
    rest = [line for _, line in chunk[1:8]]
    k = next((i for i, line in enumerate(rest) if line.strip()), None)
    return k is not None and prose_from(rest, k) and not (k == 0 and starts_lower(rest[0]))


def _is_boilerplate(chunk: Numbered) -> bool:
    return all(not line.strip() or is_rule(line) or cta_score(line) >= 2 for _, line in chunk)


def _item(chunk: Numbered, titled: bool, first: bool) -> RawItem | None:
    title = source = dateline = None
    start = chunk[0][0]
    if titled and _opens_with_headline(chunk):
        title, chunk = headline_text(chunk[0][1]), chunk[1:]
    paras = numbered_paragraphs(chunk)
    for k in range(min(2, len(paras))):
        meta = parse_meta_line(paras[k][1])
        if meta is not None:
            source, dateline = meta.source, meta.dateline
            paras = paras[k + 1 :]
            break
    lead = next((k for k, (_, text) in enumerate(paras) if is_prose(text)), None)
    if lead is None:
        return None
    if first and not title:
        paras = paras[lead:]
    body = "\n\n".join(text for _, text in paras)
    line = start if title else paras[0][0]
    return RawItem(body, line, title, source, None, dateline, starts_mid_sentence(body))


@per_text
def _chunked(text: str) -> tuple[Separator | None, list[Numbered]]:
    """The separator of `text` and the runs of lines between separators."""
    lines = split_lines(text)
    sep = find_separator(lines)
    return sep, chunks(lines, sep)


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`."""
    _sep, parts = _chunked(text)
    content = [c for c in (_content(c) for c in parts) if c]
    content = [c for c in content if not _is_boilerplate(c)]
    heads = sum(1 for c in content if _opens_with_headline(c))
    titled = heads >= 2 and heads >= HEADLINE_SHARE * len(content)
    items: list[RawItem] = []
    problems: list[ReadProblem] = []
    for i, chunk in enumerate(content):
        item = _item(chunk, titled, i == 0)
        if item is None:
            body = " ".join(line for _, line in chunk)
            problems.append(ReadProblem(chunk[0][0], f"no article text in {preview(body)!r}"))
        else:
            items.append(item)
    return ReadResult("digest", items, problems)


def _wordy(chunk: Numbered, least: int) -> bool:
    """The lines of `chunk` hold at least `least` words (counted no further)."""
    need = least
    for _, line in chunk:
        if need <= 0:
            break
        need -= count_words(line, need)
    return need <= 0


CEILING = 0.9
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    sep, parts = _chunked(text[:SNIFF_LIMIT])
    if sep is None:
        return 0.0
    prose = sum(1 for c in parts if _wordy(c, 20))
    if prose < 2:
        return 0.0
    if sep.rule:
        return 0.4
    if sep.count < 2:
        return 0.5
    strong = sep.score >= 3
    return (CEILING if sep.count >= 3 else 0.8) if strong else 0.65


READER = TextReader(
    "digest",
    "items without headlines separated by a recurring line (call to action, rule)",
    sniff,
    read,
    CEILING,
)
