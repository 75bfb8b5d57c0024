"""The review queue: which pages need a curator, and why.

A page is listed when it is off-topic or held for review (with the reasons ingest
recorded), when its date was guessed from the capture date, when its text resembles
another page's closely enough to be the same story (`dedupe.SUSPECT`), or when it
cannot be read at all. A guessed date is a reason to look, not to unpublish.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .dedupe import SUSPECT, index_of
from .model import Status
from .store import Archive


@dataclass(frozen=True, order=True)
class ReviewItem:
    path: str
    status: str
    reasons: tuple[str, ...]


def review_queue(archive: Archive, minimum: float = SUSPECT) -> list[ReviewItem]:
    """Every page needing a curator, sorted by path."""
    reasons: dict[str, list[str]] = defaultdict(list)
    status: dict[str, str] = {}
    shown = {p.rel: str(archive.path(p.rel)) for p in archive.pages}
    for problem in archive.problems:
        status[problem.path] = "unreadable"
        reasons[problem.path].append(f"line {problem.line}: {problem.message}")
    for page in archive.pages:
        b, where = page.briefing, shown[page.rel]
        status[where] = b.status.value
        if b.status is Status.OFF_TOPIC:
            reasons[where].extend(b.review_reasons or ["off-topic"])
        elif b.status is Status.REVIEW:
            reasons[where].extend(b.review_reasons or ["held for review"])
        if b.date_guessed:
            reasons[where].append(
                f"date guessed (no dateline; the capture date {b.captured} applies)"
            )
    index = index_of({p.rel: p.body_text for p in archive.pages})
    for a, b_rel, similarity in index.pairs(minimum):
        reasons[shown[a]].append(f"suspected duplicate of {shown[b_rel]} ({similarity:.2f})")
        reasons[shown[b_rel]].append(f"suspected duplicate of {shown[a]} ({similarity:.2f})")
    return sorted(ReviewItem(path, status[path], tuple(r)) for path, r in reasons.items() if r)
