"""Which taxonomy topic a story belongs to, and how sure that is.

Every cue phrase of every topic in taxonomy.yaml is compiled into one matcher that
ignores case and plural endings. A cue scores its weight, more in the headline and
the first sentence than further down, and less each time it repeats (a word used
five times is not five times the evidence). The best-scoring on-topic topic wins,
the runner-up is kept, and the confidence is the winner's margin.

The same pass collects the off-topic cues (medicine, sport, weather...) and the
digital cues (AI, algorithm, platform...) that `status` weighs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..vocab import Vocabulary
from .base import Evidence
from .matcher import PhraseMatcher, Tokens, per_vocab

OFF = "@off-topic"
DIGITAL = "@digital"
TITLE_FACTOR = 2.5
LEAD_FACTOR = 1.5
REPEAT_DECAY = 0.5
MAX_REPEATS = 4

Bucket = tuple[tuple[str, float], ...]


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
    return PhraseMatcher(((p, tuple(b)) for p, b in table.items()), fuzzy=True)


def cue_hits(parts: list[tuple[Tokens, float]], vocab: Vocabulary) -> CueHits:
    """Score the cues found in each (tokens, factor) part: headline, lead, rest of body."""
    matcher = cue_matcher(vocab)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    scores: dict[str, float] = defaultdict(float)
    evidence: list[Evidence] = []
    for tokens, factor in parts:
        for m in matcher.find(tokens):
            phrase = m.phrase.lower()
            for bucket, weight in m.label:
                count = seen[(bucket, phrase)]
                seen[(bucket, phrase)] += 1
                if count >= MAX_REPEATS:
                    continue
                score = weight * factor * (REPEAT_DECAY**count)
                scores[bucket] += score
                evidence.append(Evidence(bucket, tokens.text[m.start : m.end], round(score, 2)))
    return CueHits(dict(scores), evidence)


def decide(hits: CueHits, vocab: Vocabulary) -> TopicResult:
    """Best on-topic topic by cue score; the taxonomy's default when no cue matched."""
    on_topic = [s for s, t in vocab.taxonomy.topics.items() if t.on_topic]
    ranked = sorted(
        ((slug, hits.scores.get(slug, 0.0)) for slug in on_topic), key=lambda kv: (-kv[1], kv[0])
    )
    scores = {slug: round(score, 2) for slug, score in ranked if score > 0}
    if not ranked or ranked[0][1] <= 0:
        return TopicResult(vocab.taxonomy.default_topic, None, 0.0, scores)
    top_slug, top = ranked[0]
    runner_up, second = ranked[1] if len(ranked) > 1 else (None, 0.0)
    confidence = round((top - second) / top * min(1.0, top / 4.0), 3)
    return TopicResult(top_slug, runner_up if second > 0 else None, confidence, scores)
