"""What classification returns, with the evidence behind each decision (`explain`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple


class Evidence(NamedTuple):
    """A word or phrase that counted towards a decision, and how much."""

    label: str  # the candidate it supports: a region code, a topic slug, "off-topic", ...
    cue: str  # the words in the text ("police in Japan", "deepfake")
    score: float


new_evidence: Callable[[tuple[str, str, float]], Evidence] = partial(tuple.__new__, Evidence)
"""``Evidence(*fields)`` without the named tuple's Python-level ``__new__``, for the
classifiers' inner loops."""


@dataclass(frozen=True)
class Classification:
    source: str
    date: dt.date
    date_guessed: bool
    regions: list[str]  # primary first
    region_confidence: float  # 0..1; low values send the item to review
    topic: str
    topic_runner_up: str | None
    topic_confidence: float  # 0..1
    tags: list[str]
    on_topic: bool
    region_scores: dict[str, float] = field(default_factory=dict)
    topic_scores: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def region(self) -> str:
        return self.regions[0]
