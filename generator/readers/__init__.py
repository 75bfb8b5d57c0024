"""Reader registry: pick the format of a raw text and split it into items.

`read_text` is the entry point. With ``fmt=None`` every registered reader sniffs the
text and the most confident one reads it; a text no reader claims is refused with
a message naming the formats tried.
"""

from __future__ import annotations

from ..errors import BriefingsError
from .base import RawItem, Reader, ReadProblem, ReadResult
from .common import forget_texts

__all__ = ["RawItem", "ReadProblem", "ReadResult", "Reader", "READERS", "read_text", "formats"]

MIN_CONFIDENCE = 0.2


def _registry() -> list[Reader]:
    from . import aggregator, digest, email, feed, html, newsletter, plainlist

    return [
        digest.READER,
        newsletter.READER,
        aggregator.READER,
        email.READER,
        html.READER,
        feed.READER,
        plainlist.READER,
    ]


READERS: list[Reader] = []


def readers() -> list[Reader]:
    if not READERS:
        READERS.extend(_registry())
    return READERS


def formats() -> list[str]:
    return [r.name for r in readers()]


def _most_confident(text: str) -> tuple[float, Reader]:
    """The reader whose sniff is most confident (ties: the first registered). Readers are
    sniffed highest ceiling first, and one whose ceiling cannot beat the best confidence
    found so far is not sniffed at all (a feed or web page spares the line-by-line ones)."""
    registered = readers()
    order = sorted(range(len(registered)), key=lambda i: (-registered[i].ceiling, i))
    best_score, best_index = -1.0, len(registered)
    for i in order:
        ceiling = registered[i].ceiling
        if ceiling < best_score or (ceiling == best_score and i > best_index):
            continue
        score = registered[i].sniff(text)
        if score > best_score or (score == best_score and i < best_index):
            best_score, best_index = score, i
    return best_score, registered[best_index]


def read_text(text: str, fmt: str | None = None) -> ReadResult:
    """Split normalised text into raw items with the named or the best-sniffing reader."""
    by_name = {r.name: r for r in readers()}
    try:
        if fmt is not None:
            if fmt not in by_name:
                known = ", ".join(by_name)
                raise BriefingsError(f"unknown format {fmt!r}; known formats: {known}")
            return by_name[fmt].read(text)
        best_score, best = _most_confident(text)
        if best_score < MIN_CONFIDENCE:
            raise BriefingsError(
                "no known digest format recognised (tried: " + ", ".join(by_name) + ")"
            )
        return best.read(text)
    finally:
        forget_texts()
