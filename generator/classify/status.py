"""Whether an item belongs in an AI and digital-policy archive.

An item is held back (off-topic) when its off-topic cues (medicine, sport, weather,
celebrity, food...) reach the taxonomy's `threshold` and its digital cues (AI,
algorithm, data protection, platform...) stay under both `digital_min` and
`digital_ratio` times the off-topic score: a cancer-vaccine study is held back, a
story on regulating AI diagnostics stays in. An item with almost no digital signal at
all (under `min_digital`: no AI, data, platform, tech company...) is held back too,
whatever else it is about: an archaeology find or a rugby match.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocab import Vocabulary
from .topics import DIGITAL, OFF, CueHits


@dataclass(frozen=True)
class StatusResult:
    on_topic: bool
    off_score: float
    digital_score: float
    reason: str


def decide(hits: CueHits, vocab: Vocabulary, digital_orgs: int = 0) -> StatusResult:
    """`digital_orgs`: how many tech companies, labs or products the item names. They
    show that an item touches the digital world at all, but do not outweigh explicit
    off-topic content (a singer's wedding announced on Instagram)."""
    rules = vocab.taxonomy.off_topic
    off = round(hits.scores.get(OFF, 0.0), 2)
    digital = round(hits.scores.get(DIGITAL, 0.0), 2)
    keep_at = max(rules.digital_min, rules.digital_ratio * off)
    if off >= rules.threshold and digital < keep_at:
        reason = f"off-topic cues {off} >= {rules.threshold}, digital cues {digital} < {keep_at:g}"
        return StatusResult(False, off, digital, reason)
    if digital + digital_orgs < rules.min_digital:
        reason = (
            f"digital cues {digital} and {digital_orgs} tech organisations"
            f" < {rules.min_digital:g}: nothing about AI or digital policy"
        )
        return StatusResult(False, off, digital, reason)
    if off >= rules.threshold:
        reason = f"off-topic cues {off}, but digital cues {digital} >= {keep_at:g} keep it in"
    else:
        reason = f"off-topic cues {off} < {rules.threshold}"
    return StatusResult(True, off, digital, reason)
