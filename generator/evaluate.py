"""Score the pipeline against labelled raw files (the form of ``shared/seeds/truth.yaml``).

Pure: `score_file` takes parsed articles and the labels of one file; `Report`
aggregates segmentation precision/recall/F1, primary-region and topic accuracy,
off-topic recall and on-topic retention, and keeps every miss for printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .pipeline import Article
from .text import fingerprint_text

PREFIX_WORDS = 6


@dataclass
class Miss:
    file: str
    item: str
    kind: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.item!r}: expected {self.expected}, got {self.got}"


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    region: Tally = field(default_factory=Tally)
    topic: Tally = field(default_factory=Tally)
    source: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    title: Tally = field(default_factory=Tally)
    off_topic_recall: Tally = field(default_factory=Tally)
    on_topic_kept: Tally = field(default_factory=Tally)
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self) -> dict[str, Any]:
        return {
            "items_labelled": self.true_pos + self.false_neg,
            "items_found": self.true_pos + self.false_pos,
            "segmentation_precision": round(self.precision, 4),
            "segmentation_recall": round(self.recall, 4),
            "segmentation_f1": round(self.f1, 4),
            "primary_region_accuracy": round(self.region.rate, 4),
            "topic_accuracy": round(self.topic.rate, 4),
            "source_accuracy": round(self.source.rate, 4),
            "date_accuracy": round(self.date.rate, 4),
            "title_accuracy": round(self.title.rate, 4),
            "off_topic_recall": round(self.off_topic_recall.rate, 4),
            "on_topic_kept": round(self.on_topic_kept.rate, 4),
        }


def _key(text: str) -> str:
    return " ".join(fingerprint_text(text).split()[:PREFIX_WORDS])


def _match(articles: list[Article], first_words: str) -> Article | None:
    want = _key(first_words)
    for article in articles:
        if _key(article.body).startswith(want) or want in fingerprint_text(article.body[:400]):
            return article
    return None


def score_file(
    report: Report,
    name: str,
    articles: list[Article],
    labels: dict[str, Any],
    canonical: Callable[[str], str] = str,
) -> None:
    """Add one labelled file's results to `report`. `canonical` maps a source name to the
    form the archive uses, so that a label's "AFP" matches "Agence France-Presse"."""
    captured = labels.get("capture_date")
    matched: set[int] = set()
    for label in labels.get("items", []):
        first = str(label["first_words"])
        article = _match([a for a in articles if id(a) not in matched], first)
        if article is None:
            report.false_neg += 1
            report.misses.append(Miss(name, first, "not found", "an item", "none"))
            continue
        matched.add(id(article))
        report.true_pos += 1
        _score_item(report, name, first, article, label, captured, canonical)
    for article in articles:
        if id(article) not in matched:
            report.false_pos += 1
            report.misses.append(Miss(name, article.body[:60], "extra item", "none", "an item"))


def _score_item(
    report: Report,
    name: str,
    first: str,
    a: Article,
    label: dict[str, Any],
    captured: Any,
    canonical: Callable[[str], str],
) -> None:
    c = a.classification

    def check(tally: Tally, kind: str, ok: bool, expected: str, got: str) -> None:
        tally.add(ok)
        if not ok:
            report.misses.append(Miss(name, first, kind, expected, got))

    regions = [str(r) for r in label.get("primary_region") or label.get("regions", [])[:1]]
    check(report.region, "primary region", c.region in regions, "/".join(regions), c.region)
    topics = [str(t) for t in (label.get("topic_any") or [label.get("topic")])]
    check(report.topic, "topic", c.topic in topics, "/".join(topics), c.topic)
    if label.get("source"):
        want_source = canonical(str(label["source"]))
        check(report.source, "source", canonical(c.source) == want_source, want_source, c.source)
    want_date = label.get("date") or captured
    if want_date:
        want = (
            want_date if isinstance(want_date, dt.date) else dt.date.fromisoformat(str(want_date))
        )
        check(report.date, "date", c.date == want, want.isoformat(), c.date.isoformat())
    if label.get("title"):
        check(report.title, "title", a.title == label["title"], repr(label["title"]), repr(a.title))
    if label.get("on_topic", True):
        check(report.on_topic_kept, "on-topic item held back", c.on_topic, "on-topic", "off-topic")
    else:
        check(
            report.off_topic_recall, "off-topic item kept", not c.on_topic, "off-topic", "on-topic"
        )
