"""`briefings explain FILE`: for each item, the words that decided its regions, topic and
status, with their scores."""

from __future__ import annotations

import argparse
from collections import defaultdict

from ..classify import Evidence
from ..pipeline import Article, parse_text
from .common import add_content_option, add_input_options, read_raw, vocabulary

TOP = 5


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "explain", help="show which words decided each item's regions, topic, status"
    )
    add_input_options(p, many=False)
    add_content_option(p)
    p.set_defaults(run=run)


def _cues(evidence: list[Evidence], label: str) -> str:
    merged: dict[str, float] = defaultdict(float)
    for e in evidence:
        if e.label == label:
            merged[e.cue] += e.score
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    return ", ".join(f"{cue!r} {score:+.1f}" for cue, score in ranked) or "no cue"


def _scores(scores: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]


def explain_article(article: Article) -> list[str]:
    c = article.classification
    lines = [f"line {article.item.line}: {article.title}"]
    lines.append(
        f"  source: {c.source}   date: {c.date}{' (capture date)' if c.date_guessed else ''}"
    )
    lines.append(f"  regions: {', '.join(c.regions)} (confidence {c.region_confidence:.2f})")
    for code, score in _scores(c.region_scores):
        lines.append(f"    {code:<14} {score:6.2f}  {_cues(c.evidence, code)}")
    runner = f", runner-up {c.topic_runner_up}" if c.topic_runner_up else ""
    lines.append(f"  topic: {c.topic}{runner} (confidence {c.topic_confidence:.2f})")
    for slug, score in _scores(c.topic_scores):
        lines.append(f"    {slug:<28} {score:6.2f}  {_cues(c.evidence, slug)}")
    status = article.status().value
    lines.append(f"  status: {status}")
    for label in ("off-topic", "on-topic"):
        if any(e.label == label for e in c.evidence):
            lines.append(f"    {label:<14} {_cues(c.evidence, label)}")
    for reason in article.review_reasons():
        lines.append(f"    review: {reason}")
    if c.tags:
        lines.append(f"  tags: {', '.join(c.tags)}")
    return lines


def run(args: argparse.Namespace) -> int:
    vocab = vocabulary(args.content)
    result = parse_text(read_raw(args.file), vocab, args.captured, args.fmt)
    print(
        f"{args.file}: {len(result.articles)} items ({result.format}, captured {result.captured})"
    )
    for problem in result.problems:
        print(f"{args.file}:{problem.line}: warning: {problem.message}")
    for article in result.articles:
        print()
        print("\n".join(explain_article(article)))
    return 0
