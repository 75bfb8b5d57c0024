"""`briefings eval` on the labelled development set (tests/data/dev/: every supported
format, many regions, some off-topic items) and on the held-out set (tests/data/holdout/:
other real-world shapes that no rule was tuned on). Thresholds are the issue's targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
HOLDOUT = ROOT / "tests" / "data" / "holdout"
TARGETS = {
    "--min-f1": "0.95",
    "--min-region": "0.85",
    "--min-topic": "0.80",
    "--min-off-topic-recall": "0.80",
    "--min-kept": "0.95",
}


def run_eval(*extra: str, labels: Path = DEV) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "eval", str(labels / "labels.yaml"), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_dev_set_covers_every_format_many_regions_and_off_topic_items() -> None:
    labels = yaml.safe_load((DEV / "labels.yaml").read_text(encoding="utf-8"))
    items = [item for entry in labels.values() for item in entry["items"]]
    formats = {str(entry["format"]).split()[0].strip(",:").lower() for entry in labels.values()}
    assert len(items) >= 60
    assert {"digest", "aggregator", "plain", "email", "html", "feed"} <= formats
    assert len({item["primary_region"][0] for item in items}) >= 25
    assert sum(not item["on_topic"] for item in items) >= 8


@pytest.mark.parametrize("labels", [DEV, HOLDOUT], ids=["dev", "holdout"])
def test_eval_meets_the_accuracy_targets(labels: Path) -> None:
    args = [part for pair in TARGETS.items() for part in pair]
    proc = run_eval(*args, labels=labels)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "segmentation_f1" in proc.stdout


def test_eval_json_lists_metrics_and_every_miss() -> None:
    proc = run_eval("--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    metrics = report["metrics"]
    assert metrics["items_labelled"] >= 60
    for key in (
        "segmentation_precision",
        "segmentation_recall",
        "primary_region_accuracy",
        "topic_accuracy",
        "off_topic_recall",
        "on_topic_kept",
    ):
        assert 0.0 <= metrics[key] <= 1.0
    for miss in report["misses"]:
        assert {"file", "item", "kind", "expected", "got"} <= set(miss)
