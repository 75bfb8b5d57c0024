"""Which taxonomy topic a story belongs to, and how sure that is.

Every cue phrase of every topic in taxonomy.yaml is compiled into one matcher that
ignores case and plural endings. A cue scores its weight, more in the headline and
the first sentence than further down, and less each time it repeats (a word used
five times is not five times the evidence). A cue inside the proper name of a law or
an institution (the "Online Safety Act", the "Saudi Data and AI Authority": a run of
capitalised words holding one of the taxonomy's `name_heads`) counts only that head's
share of its weight for topics: such names turn up in stories about many things. The
best-scoring on-topic topic wins, the runner-up is kept, and the confidence is the
winner's margin.

The same pass collects the off-topic cues (medicine, sport, weather...) and the
digital cues (AI, algorithm, platform...) that `status` weighs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from ..vocab import Vocabulary
from .base import Evidence, new_evidence
from .matcher import Match, PhraseMatcher, Tokens, per_vocab

OFF = "@off-topic"
DIGITAL = "@digital"
TITLE_FACTOR = 2.5
LEAD_FACTOR = 1.5
REPEAT_DECAY = 0.5
MAX_REPEATS = 4
TITLE_CASE_SHARE = 0.8
_NAME_SPAN = 8
_CONNECTORS = frozenset(("of", "and", "for", "on", "the", "&"))

Bucket = tuple[tuple[str, float, bool, tuple[str, str]], ...]
"""What a cue phrase counts for: (bucket, weight, whether the bucket is a topic, the key
its repeats are counted under)."""
_DECAY = tuple(REPEAT_DECAY**count for count in range(MAX_REPEATS))


@dataclass(frozen=True)
class CueHits:
    """Cue scores per bucket (topic slug, OFF, DIGITAL) and the words behind them."""

    scores: dict[str, float]
    evidence: list[Evidence]


@dataclass(frozen=True)
class TopicResult:
    topic: str
    runner_up: str | None
    confidence: float
    scores: dict[str, float]


@per_vocab
def cue_matcher(vocab: Vocabulary) -> PhraseMatcher[Bucket]:
    table: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for slug, topic in vocab.taxonomy.topics.items():
        for phrase, weight in topic.cues.items():
            table[phrase].append((slug, weight))
    off = vocab.taxonomy.off_topic
    for phrase, weight in off.cues.items():
        table[phrase].append((OFF, weight))
    for phrase, weight in off.digital_cues.items():
        table[phrase].append((DIGITAL, weight))
    return PhraseMatcher(
        (
            (p, tuple((b, w, b not in (OFF, DIGITAL), (b, p.lower())) for b, w in buckets))
            for p, buckets in table.items()
        ),
        fuzzy=True,
    )


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _title_case(tokens: Tokens) -> bool:
    """Most words of more than three letters start with a capital (or a digit)."""
    words = tokens.words
    initials = "".join(map(itemgetter(0), compress(words, map((3).__lt__, map(len, words)))))
    capitals = sum(map(str.isupper, initials)) + sum(map(str.isdigit, initials))
    return bool(initials) and capitals >= TITLE_CASE_SHARE * len(initials)


def _joined(tokens: Tokens, left: int) -> bool:
    """Tokens `left` and `left + 1` belong to one name: a space between them, and the
    second capitalised or a connecting word ("Data and AI", "Office of")."""
    if left < 0 or left + 1 >= len(tokens.words):
        return False
    gap = tokens.text[tokens.ends[left] : tokens.starts[left + 1]]
    word = tokens.words[left + 1]
    return gap == " " and (_capital(word) or word in _CONNECTORS)


def _head_near(tokens: Tokens, m: Match[Bucket], heads: dict[str, float]) -> bool:
    """A head word lies within the reach of the longest name around `m`: when none does,
    `_name_share` is 1 whatever the capitals."""
    reach = tokens.words[max(0, m.first - _NAME_SPAN) : m.last + _NAME_SPAN]
    return not heads.keys().isdisjoint(reach)


def _name_share(tokens: Tokens, m: Match[Bucket], heads: dict[str, float]) -> float:
    """The share of its weight a cue keeps: a head's share inside a law's or a body's
    name ("Online Safety Act"), else 1."""
    words = tokens.words
    if not all(map(_capital, words[m.first : m.last])):
        return 1.0
    left, right = m.first, m.last - 1
    while right + 1 < len(words) and right - left < _NAME_SPAN and _joined(tokens, right):
        right += 1
    while left > 0 and right - left < _NAME_SPAN and _joined(tokens, left - 1):
        if not _capital(words[left - 1]) and words[left - 1] not in _CONNECTORS:
            break
        left -= 1
    shares = [heads[w] for w in words[left : right + 1] if w in heads]
    return min(shares) if shares else 1.0


def cue_hits(parts: list[tuple[Tokens, float]], vocab: Vocabulary) -> CueHits:
    """Score the cues found in each (tokens, factor) part: headline, lead, rest of body.

    Names are told apart by their capitals, so not in a headline written in title case."""
    matcher = cue_matcher(vocab)
    seen: dict[tuple[str, str], int] = {}
    scores: dict[str, float] = {}
    evidence: list[Evidence] = []
    heads = vocab.taxonomy.name_heads
    for tokens, factor in parts:
        title_case: bool | None = None
        heads_here = not heads.keys().isdisjoint(tokens.words)
        for m in matcher.find(tokens):
            share = 1.0
            if heads_here and _capital(tokens.words[m.first]) and _head_near(tokens, m, heads):
                if title_case is None:
                    title_case = _title_case(tokens)
                if not title_case:
                    share = _name_share(tokens, m, heads)
            cue = tokens.text[m.start : m.end]
            for bucket, weight, topical, key in m.label:
                count = seen.get(key, 0)
                seen[key] = count + 1
                if count >= MAX_REPEATS:
                    continue
                if topical:
                    weight *= share
                score = weight * factor * _DECAY[count]
                scores[bucket] = scores.get(bucket, 0.0) + score
                evidence.append(new_evidence((bucket, cue, round(score, 2))))
    return CueHits(scores, evidence)


@per_vocab
def _on_topic(vocab: Vocabulary) -> list[str]:
    return [s for s, t in vocab.taxonomy.topics.items() if t.on_topic]


def decide(hits: CueHits, vocab: Vocabulary) -> TopicResult:
    """Best on-topic topic by cue score; the taxonomy's default when no cue matched."""
    scored = hits.scores
    ranked = sorted(
        ((slug, scored.get(slug, 0.0)) for slug in _on_topic(vocab)), key=lambda kv: (-kv[1], kv[0])
    )
    scores = {slug: round(score, 2) for slug, score in ranked if score > 0}
    if not ranked or ranked[0][1] <= 0:
        return TopicResult(vocab.taxonomy.default_topic, None, 0.0, scores)
    top_slug, top = ranked[0]
    runner_up, second = ranked[1] if len(ranked) > 1 else (None, 0.0)
    confidence = round((top - second) / top * min(1.0, top / 4.0), 3)
    return TopicResult(top_slug, runner_up if second > 0 else None, confidence, scores)
