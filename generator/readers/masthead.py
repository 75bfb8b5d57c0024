"""The name a newsletter gives itself, read from its own calls to action and masthead.

"Forward The Circuit Breaker to a colleague", "Subscribe to The Batch", "You are reading
Tech Ledger", "Thanks for reading Frontier & Policy!", "Policy Pulse is a weekly
newsletter about ...": each names the publication. A name is a run of capitalised words
(with "&", "of", "the", "and", "for", "on" between them). All functions are pure and
linear in the input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .common import caseless_as_lower

_CAP = r"[A-Z0-9][\w'\u2019.&+-]{0,30}"
_JOIN = r"(?:&|and|of|the|for|on|in|de|la)"
_NAME = rf"(?P<name>{_CAP}(?:\s(?:{_JOIN}\s)?{_CAP}){{0,5}})"
_PASS_ON = re.compile(rf"\b(?i:forward|share)\s{_NAME}")
_SELF = re.compile(
    rf"\b(?i:subscribe\sto|sign\sup\sfor|you(?:'re|\u2019re|\sare)\sreading"
    rf"|thanks?\s(?:you\s)?for\sreading)\s{_NAME}"
)
_ABOUT = re.compile(
    rf"^\W{{0,4}}{_NAME}\sis\s(?i:(?:a|an|the)\s(?:[\w-]+\s){{0,3}}(?:newsletter|digest"
    rf"|briefing|publication|roundup|bulletin))\b"
)
_PATTERNS = [(_SELF, 2), (_ABOUT, 2), (_PASS_ON, 1)]
_NEEDS = (
    (_SELF, 2, ("subscribe", "sign", "reading")),
    (_ABOUT, 2, ("newsletter", "digest", "briefing", "publication", "roundup", "bulletin")),
    (_PASS_ON, 1, ("forward", "share")),
)
"""Each pattern with a word it cannot match without: a line holding none is not read."""
_CTA_WORD = re.compile(f"(?i:{'|'.join(word for *_, words in _NEEDS for word in words)})")
_ISSUE = re.compile(
    rf"^\W{{0,4}}{_NAME}\s?(?:[-:\u2013\u2014|]\s?)?(?:#\s?\d{{1,5}}|(?i:issue|no\.?|vol\.?|edition)"
    rf"\s?#?\d{{1,5}})\b",
)
_NOT_NAMES = frozenset(
    {"this", "it", "us", "our", "me", "them", "him", "her", "free", "now", "today", "here",
     "more", "your", "email", "e-mail", "newsletter", "post", "issue", "i", "we", "you"}
)  # fmt: skip
MAX_LINE = 300


def _clean(name: str) -> str | None:
    """The name without trailing joining words; None when it is not a proper name."""
    parts = name.split()
    while parts and re.fullmatch(_JOIN, parts[-1], re.IGNORECASE):
        parts.pop()
    name = " ".join(parts).strip(".'\u2019-")
    if not parts or parts[0].lower() in _NOT_NAMES or not name[:1].isupper():
        return None
    if name.endswith(("'s", "\u2019s")):
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    return name


def _patterns(line: str) -> list[tuple[re.Pattern[str], int]]:
    """The patterns of `cta_name` (with their weight) whose words the line holds, in any
    case; found with plain lower-case tests where that is the same."""
    if not caseless_as_lower(line):
        return _PATTERNS if _CTA_WORD.search(line) else []
    lower = line.lower()
    return [(p, weight) for p, weight, words in _NEEDS if any(word in lower for word in words)]


def cta_name(line: str) -> tuple[str, int] | None:
    """(publication, weight) a call-to-action or self-description line names, or None.
    Weight 2 for a line in which the publication speaks of itself ("Subscribe to X",
    "Thanks for reading X", "X is a weekly newsletter"), 1 for "Forward X"/"Share X"."""
    if not line or len(line) > MAX_LINE:
        return None
    for pattern, weight in _patterns(line):
        for match in pattern.finditer(line):
            name = _clean(match.group("name") or "")
            if name:
                return name, weight
    return None


def issue_name(line: str) -> str | None:
    """The publication a numbered issue title starts with ("Frontier & Policy #112: ...")."""
    if len(line) > MAX_LINE:
        return None
    match = _ISSUE.match(line.strip())
    return _clean(match.group("name")) if match else None


def publication_name(lines: Iterable[str]) -> str | None:
    """The name the text's own calls to action give most weight (ties: first seen);
    None unless it has weight 2: one self-description, or a recurring "Forward X"."""
    votes: Counter[str] = Counter()
    for line in lines:
        hit = cta_name(line.strip())
        if hit:
            votes[hit[0]] += hit[1]
    if not votes:
        return None
    name, weight = votes.most_common(1)[0]
    return name if weight >= 2 else None
