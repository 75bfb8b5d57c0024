"""The grammatical subject of a story's first sentence, found without a parser.

The first sentence is the one that ends the lead (`lead_end`); it starts after the last
paragraph break before that end, so a deck or kicker line without a full stop above it
is not part of it. An opening phrase closed by a comma ("Under pressure from
Washington,", "Meeting in Addis Ababa this week,") is skipped when it starts with a
preposition, a conjunction or an -ing word. The subject then runs up to the main verb:
an auxiliary or reporting verb ("has", "will", "said"), a past-tense word ("endorsed",
"indicted") that no article precedes, or a word ending in -s followed by an article or
"to" ("fines a", "plans to"). No verb within `MAX_TOKENS` words: no subject.
"""

from __future__ import annotations

import re

MAX_TOKENS = 25


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_AUXILIARIES = _words(
    "is are was were has have had will would could can may might must should shall "
    "does did do said says say told tells warned warns"
)
_OPENERS = _words(
    "under after before following despite amid amidst in at on with without as "
    "since during while when although though if for from by over ahead across "
    "against according unlike like through throughout within beyond"
)
_DETERMINERS = _words("a an the its their his her our this that these those newly recently")
_AFTER_PRESENT = frozenset(("a", "an", "the", "its", "their", "to"))
_RELATIVE = frozenset(("which", "who", "whom", "whose"))
_NOT_PAST = frozenset(("need", "speed", "seed", "feed", "hundred", "red", "bed", "shed", "breed"))


def _is_verb(word: str, previous: str, following: str) -> bool:
    if not word[:1].islower() or "-" in word:
        return False
    if word in _AUXILIARIES:
        return True
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST:
        return previous.lower() not in _DETERMINERS
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return following.lower() in _AFTER_PRESENT
    return False


def subject_span(body: str, lead_end: int) -> tuple[int, int] | None:
    """Character span of the first sentence's subject in `body`, or None when unclear."""
    start = body.rfind("\n\n", 0, lead_end)
    start = 0 if start < 0 else start + 2
    words = list(_WORD.finditer(body, start, lead_end))
    if not words:
        return None
    opener = words[0].group()
    comma = body.find(",", start, lead_end)
    if comma > 0 and (opener.lower() in _OPENERS or opener.endswith("ing")):
        words = [w for w in words if w.start() > comma]
        start = comma + 1
    for i, w in enumerate(words[:MAX_TOKENS]):
        previous = words[i - 1].group() if i else ""
        following = words[i + 1].group() if i + 1 < len(words) else ""
        if i and (w.group().lower() in _RELATIVE or _is_verb(w.group(), previous, following)):
            return (start, w.start())
    return None
