"""`briefings eval LABELS.yaml`: measure segmentation and classification on labelled files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from ..classify.sources import normalise_source
from ..errors import BriefingsError
from ..evaluate import Report, score_file
from ..pipeline import parse_text
from .common import add_content_option, capture_date, read_raw, vocabulary

THRESHOLDS = {
    "min_f1": ("segmentation_f1", "segmentation F1"),
    "min_region": ("primary_region_accuracy", "primary-region accuracy"),
    "min_topic": ("topic_accuracy", "topic accuracy"),
    "min_off_topic_recall": ("off_topic_recall", "off-topic recall"),
    "min_kept": ("on_topic_kept", "on-topic items kept"),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("eval", help="score parsing and classification against labelled raw files")
    p.add_argument(
        "labels",
        type=Path,
        metavar="LABELS.yaml",
        help="labels in the form of truth.yaml; raw files are found beside it",
    )
    p.add_argument("--raw-dir", type=Path, metavar="DIR", help="where the raw files are")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    for option, (_key, label) in THRESHOLDS.items():
        p.add_argument(
            "--" + option.replace("_", "-"),
            type=float,
            default=0.0,
            metavar="X",
            help=f"exit 1 when {label} is below X (0..1)",
        )
    add_content_option(p)
    p.set_defaults(run=run)


def _load_labels(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(read_raw(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise BriefingsError(f"{path}{line}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise BriefingsError(f"{path}: expected a mapping of raw file names to their labels")
    return data


def run(args: argparse.Namespace) -> int:
    labels = _load_labels(args.labels)
    raw_dir = args.raw_dir or args.labels.parent
    vocab = vocabulary(args.content)
    report = Report()

    def canonical(source: str) -> str:
        return normalise_source(source, vocab)

    for name, file_labels in labels.items():
        if not isinstance(file_labels, dict) or "items" not in file_labels:
            raise BriefingsError(f"{args.labels}: entry {name!r} has no 'items' list")
        captured = file_labels.get("capture_date")
        day = capture_date(str(captured)) if captured else None
        try:
            articles = parse_text(read_raw(raw_dir / name), vocab, day).articles
        except BriefingsError as exc:
            print(f"{raw_dir / name}: {exc}", file=sys.stderr)
            articles = []
        score_file(report, str(name), articles, file_labels, canonical)
    metrics = report.metrics()
    if args.json:
        json.dump(
            {"metrics": metrics, "misses": [vars(m) for m in report.misses]},
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    else:
        for miss in report.misses:
            print(f"miss: {miss}")
        width = max(len(k) for k in metrics)
        for key, value in metrics.items():
            print(f"{key:<{width}}  {value}")
    failed = [
        f"{label} {metrics[key]:.3f} < {getattr(args, option):.3f}"
        for option, (key, label) in THRESHOLDS.items()
        if metrics[key] < getattr(args, option)
    ]
    for line in failed:
        print(f"briefings: below threshold: {line}", file=sys.stderr)
    return 1 if failed else 0
