"""Tags: the organisations, companies and products a story names.

Names come from organisations.yaml (canonical name plus aliases, matched as whole
words with their capitals by the shared gazetteer). A name in the headline or the
first sentence, or named often, is more salient; at most `MAX_TAGS` are kept, the
most salient first, ties in order of first mention.
"""

from __future__ import annotations

from collections import defaultdict

from .base import Evidence
from .gazetteer import Entry
from .matcher import Match

MAX_TAGS = 8
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0


def decide(
    title_matches: list[Match[Entry]], body_matches: list[Match[Entry]], lead_end: int
) -> tuple[list[str], list[Evidence]]:
    score: dict[str, float] = defaultdict(float)
    order: dict[str, int] = {}
    for rank, (matches, in_title) in enumerate(((title_matches, True), (body_matches, False))):
        for m in matches:
            org = m.label.org
            if org is None:
                continue
            weight = TITLE_WEIGHT if in_title else LEAD_WEIGHT if m.start < lead_end else 1.0
            score[org] += weight
            order.setdefault(org, rank * 1_000_000 + m.start)
    ranked = sorted(score, key=lambda org: (-score[org], order[org]))[:MAX_TAGS]
    return ranked, [Evidence(f"tag:{org}", org, score[org]) for org in ranked]
