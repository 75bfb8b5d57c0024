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


def read_text(text: str, fmt: str | None = None) -> ReadResult:
    """Split normalised text into raw items with the named or the best-sniffing reader."""
    by_name = {r.name: r for r in readers()}
    try:
        if fmt is not None:
            if fmt not in by_name:
                known = ", ".join(by_name)
                raise BriefingsError(f"unknown format {fmt!r}; known formats: {known}")
            return by_name[fmt].read(text)
        scored = sorted(
            ((r.sniff(text), i, r) for i, r in enumerate(readers())), key=lambda s: (-s[0], s[1])
        )
        best_score, _, best = scored[0]
        if best_score < MIN_CONFIDENCE:
            raise BriefingsError(
                "no known digest format recognised (tried: " + ", ".join(by_name) + ")"
            )
        return best.read(text)
    finally:
        forget_texts()
