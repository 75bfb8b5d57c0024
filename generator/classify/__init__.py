"""Classifiers: pure functions from a raw item (plus the vocabulary and capture date)
to a `Classification` carrying the evidence for every decision.

`classify` is the single entry point used by the pipeline; the per-field modules
(`sources`, `dates`, `regions`, `topics`, `tags`, `status`) each own one decision.
"""

from __future__ import annotations

import datetime as dt

from ..readers.base import RawItem
from ..vocab import Vocabulary
from .base import Classification, Evidence

__all__ = ["Classification", "Evidence", "classify"]


def classify(
    item: RawItem,
    title: str,
    vocab: Vocabulary,
    captured: dt.date,
    default_source: str | None = None,
) -> Classification:
    """Classify one item. `title` is the item's headline (given or derived from its lede)."""
    from . import engine

    return engine.classify(item, title, vocab, captured, default_source)
