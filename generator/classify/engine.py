"""One item through every classifier: source, date, regions, topic, status, tags.

The headline and body are tokenised once and matched once against the compiled
gazetteer (places and organisations) and once against the compiled cue table
(topics, off-topic and digital cues); each decision module scores those matches.
A headline derived from the lede repeats the first sentence, so only a headline the
page itself gave is scored as a headline.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from ..readers.base import RawItem
from ..vocab import Vocabulary
from . import regions, status, tags, topics
from .base import Classification, Evidence
from .dates import item_date
from .gazetteer import Entry, gazetteer
from .matcher import Match, Tokens, per_vocab, tokenise
from .sources import item_source
from .subject import subject_span

_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]?(?:\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])|\s*$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Inc|Ltd|Co|Corp|vs))$")
_ABBREVIATION_REACH = 6  # longer than any abbreviation above, and a line end


def lead_end(body: str) -> int:
    """Character offset where the first sentence of `body` ends."""
    for m in _SENTENCE_END.finditer(body):
        if not _ABBREVIATION.search(body, max(0, m.start() - _ABBREVIATION_REACH), m.start()):
            return m.start() + 1
    return len(body)


@per_vocab
def _digital_kinds(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(vocab.taxonomy.off_topic.digital_kinds)


def _digital_orgs(matches: list[Match[Entry]], vocab: Vocabulary) -> int:
    kinds = _digital_kinds(vocab)
    orgs = vocab.organisations.organisations
    return len({m.label.org for m in matches if m.label.org and orgs[m.label.org].kind in kinds})


def classify(
    item: RawItem,
    title: str,
    vocab: Vocabulary,
    captured: dt.date,
    default_source: str | None = None,
) -> Classification:
    source, source_why = item_source(item.source, item.source_url, default_source, vocab, item.body)
    body = tokenise(item.body)
    first_end = lead_end(item.body)
    date, guessed, date_why = item_date(item.dateline, item.body, captured, item.body[:first_end])
    lead, rest = body.split(bisect_left(body.starts, first_end))
    given_title = bool(item.title and item.title.strip())
    head: Tokens = (
        tokenise(title.title() if title.isupper() else title) if given_title else (tokenise(""))
    )

    gaz = gazetteer(vocab).matcher
    head_matches = gaz.find(head)
    body_matches = gaz.find(body)
    found = regions.mentions(head, head_matches, vocab, 0, title=True)
    subject = subject_span(item.body, first_end)
    found += regions.mentions(body, body_matches, vocab, first_end, title=False, subject=subject)
    region = regions.decide(found, vocab)

    parts = [(head, topics.TITLE_FACTOR), (lead, topics.LEAD_FACTOR), (rest, 1.0)]
    hits = topics.cue_hits(parts, vocab)
    verdict = status.decide(hits, vocab, _digital_orgs(head_matches + body_matches, vocab))
    topic = topics.decide(hits, vocab)
    chosen, runner_up, confidence = topic.topic, topic.runner_up, topic.confidence
    if not verdict.on_topic:
        off_slugs = sorted(vocab.off_topic_slugs)
        if off_slugs:
            chosen, runner_up, confidence = off_slugs[0], topic.topic, 1.0

    tag_list, tag_evidence = tags.decide(head_matches, body_matches, first_end)
    evidence = [
        Evidence(f"source:{source}", source_why, 1.0),
        Evidence(f"date:{date.isoformat()}", date_why, 0.0 if guessed else 1.0),
        Evidence(
            "on-topic" if verdict.on_topic else "off-topic", verdict.reason, verdict.off_score
        ),
        *region.evidence,
        *hits.evidence,
        *tag_evidence,
    ]
    return Classification(
        source=source,
        date=date,
        date_guessed=guessed,
        regions=region.regions,
        region_confidence=region.confidence,
        topic=chosen,
        topic_runner_up=runner_up,
        topic_confidence=confidence,
        tags=tag_list,
        on_topic=verdict.on_topic,
        region_scores=region.scores,
        topic_scores=topic.scores,
        evidence=evidence,
    )
