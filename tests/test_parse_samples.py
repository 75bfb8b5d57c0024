"""`python -m generator parse` on the two sample digests, as the maintainers check it:
every item found with no extras, the lead headline taken from the page, sources
right, and primary region and topic matching the labels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "data" / "seeds" / "truth.yaml"
LABELS: dict[str, Any] = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def parse_json(name: str) -> list[dict[str, Any]]:
    captured = str(LABELS[name]["capture_date"])
    proc = run_cli("parse", f"content/raw/{name}", "--captured", captured, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def words(text: str) -> str:
    return " ".join(text.split()[:6]).lower()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_parse_finds_every_sample_item_in_order_and_no_extras(name: str) -> None:
    items = parse_json(name)
    expected = LABELS[name]["items"]
    assert len(items) == len(expected)
    for got, want in zip(items, expected, strict=True):
        assert words(got["body"]).startswith(words(want["first_words"])[:30])


@pytest.mark.parametrize("name", sorted(LABELS))
def test_parse_json_carries_every_documented_key(name: str) -> None:
    keys = {
        "title",
        "body",
        "summary",
        "source",
        "date",
        "region",
        "regions",
        "topic",
        "tags",
        "on_topic",
        "slug",
    }
    for item in parse_json(name):
        assert keys <= set(item)
        assert item["regions"][0] == item["region"]
        assert len(item["title"]) <= 100
        paragraphs = item["body"].split("\n\n")
        assert all(p.strip() and "\n" not in p for p in paragraphs), "hard wraps must be re-joined"


@pytest.mark.parametrize("name", sorted(LABELS))
def test_parse_takes_sources_and_headlines_from_the_page(name: str) -> None:
    for got, want in zip(parse_json(name), LABELS[name]["items"], strict=True):
        assert got["source"] == want["source"]
        if want.get("title"):
            assert got["title"] == want["title"]


def test_parse_matches_labels_for_region_topic_and_status() -> None:
    region_hits = topic_hits = total = 0
    for name in LABELS:
        for got, want in zip(parse_json(name), LABELS[name]["items"], strict=True):
            total += 1
            region_hits += got["region"] in want["primary_region"]
            topic_hits += got["topic"] in want["topic_any"]
            assert got["on_topic"] == want["on_topic"], got["title"]
    assert total == 14
    assert region_hits >= 13
    assert topic_hits >= 13


def test_eval_on_the_samples_reports_metrics_and_passes_thresholds() -> None:
    proc = run_cli(
        "eval",
        str(TRUTH),
        "--raw-dir",
        "content/raw",
        "--min-f1",
        "1.0",
        "--min-region",
        "0.92",
        "--min-topic",
        "0.92",
        "--min-off-topic-recall",
        "1.0",
        "--min-kept",
        "1.0",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "segmentation_f1" in proc.stdout
    assert "primary_region_accuracy" in proc.stdout


def test_eval_exits_1_and_names_the_metric_below_threshold(tmp_path: Path) -> None:
    labels = {name: LABELS[name] for name in LABELS}
    first = sorted(labels)[0]
    labels[first] = dict(labels[first])
    labels[first]["items"] = [dict(i, primary_region=["ZZ"]) for i in labels[first]["items"]]
    path = tmp_path / "labels.yaml"
    path.write_text(yaml.safe_dump(labels), encoding="utf-8")
    proc = run_cli("eval", str(path), "--raw-dir", "content/raw", "--min-region", "0.9")
    assert proc.returncode == 1
    assert "below threshold: primary-region accuracy" in proc.stderr
    assert "primary region" in proc.stdout


def test_parse_without_capture_date_stops_with_a_clear_message(tmp_path: Path) -> None:
    raw = tmp_path / "digest.txt"
    raw.write_text((ROOT / "content/raw" / sorted(LABELS)[0]).read_text(encoding="utf-8"))
    proc = run_cli("parse", str(raw), "--json")
    assert proc.returncode == 1
    assert "no capture date" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_capture_date_header_line_is_read_from_the_raw_file(tmp_path: Path) -> None:
    name = sorted(LABELS)[0]
    raw = tmp_path / "digest.txt"
    text = (ROOT / "content/raw" / name).read_text(encoding="utf-8")
    raw.write_text("Captured: 2026-01-23\n" + text, encoding="utf-8")
    proc = run_cli("parse", str(raw), "--json")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert len(items) == len(LABELS[name]["items"])
    assert {i["date"] for i in items} == {"2026-01-23"}
