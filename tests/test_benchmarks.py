"""The benchmark keeps working: one run at a tiny N prints its table and a complete JSON
report. No figure is asserted, only that every measurement produced one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.pages import parse_page
from generator.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402


def test_synthetic_archive_is_the_same_for_the_same_seed_and_grows_by_appending() -> None:
    vocab = load_vocabulary(ROOT / "content")
    small = synth.Writer(vocab, seed=7).stories(30)
    large = synth.Writer(vocab, seed=7).stories(60)
    other = synth.Writer(vocab, seed=8).stories(30)
    assert small == large[:30]
    assert [s.body for s in small] != [s.body for s in other]
    assert len({s.regions[0] for s in large}) > 10
    assert len({s.topic for s in large}) > 5
    assert all(150 <= s.words <= 450 for s in large)


def test_synthetic_pages_are_valid_briefing_pages(tmp_path: Path) -> None:
    vocab = load_vocabulary(ROOT / "content")
    archive = synth.write_archive(tmp_path, synth.Writer(vocab).stories(40))
    assert len(archive.paths) == 40
    for rel in archive.paths:
        page = parse_page((tmp_path / rel).read_text(encoding="utf-8"), rel, vocab)
        assert rel == f"briefings/{page.briefing.date:%Y/%m}/{page.briefing.slug}.md"
        assert page.body.count("\n\n") >= 1


@pytest.mark.slow
def test_benchmark_at_tiny_size_prints_table_and_complete_json(tmp_path: Path) -> None:
    out, svg = tmp_path / "bench.json", tmp_path / "chart.svg"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "20"]
    cmd += ["--parse-items", "20", "--json", str(out), "--chart", str(svg)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "metric" in result.stdout and "N=20" in result.stdout
    assert "parse + classify:" in result.stdout
    assert "error" not in result.stdout

    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "seed", "parse", "sizes"} <= report.keys()
    parse = report["parse"]
    assert parse["items"] == 40 and parse["items_per_s"] > 0
    assert {f["found"] for f in parse["formats"].values()} == {20}

    size = report["sizes"]["20"]
    assert size["briefings"] == 20 and 0 < size["published"] <= 20
    assert size["floor"]["pages_per_s"] > 0
    for build in ("plain", "ours"):
        assert size[build]["seconds"] > 0 and size[build]["peak_rss_mb"] > 0
        assert size[build]["search_index_bytes_per_briefing"] > 0
        assert size[build]["total_mb"] > 0
    assert size["ratio_ours_to_plain"] > 0
    assert size["determinism"]["identical"] in (True, False)
    assert isinstance(size["determinism"]["differing"], list)
    for mode in ("full", "dirty"):
        assert size["serve"][mode]["edit_shown_s"] > 0
    assert size["incremental"]["rebuild_s"] > 0
    assert size["incremental"]["equals_full"] in (True, False)
    assert size["ingest"]["pages_written"] > 0
    assert size["ingest"]["rebuild_full"]["seconds"] > 0
    assert size["ingest_serve"]["shown_s"] >= size["ingest_serve"]["ingest_s"] > 0
    assert size["ingest_serve"]["served_equals_full"] in (True, False)
    pelican = size["pelican"]
    assert pelican["articles"] == size["published"]
    assert pelican["articles"] + pelican["drafts"] == 20
    assert pelican["seconds"] > 0 and pelican["peak_rss_mb"] > 0
    assert pelican["cached"]["seconds"] > 0 and pelican["feeds"] > 0
    assert size["ratio_ours_to_pelican"] > 0
    assert re.search(rf"^Pelican +{re.escape(pelican['version'])}$", result.stdout, re.M)
    assert re.search(r"^ratio ours / Pelican +\d+\.\d\dx$", result.stdout, re.M)
    search = size["search"]
    assert "error" not in search and len(search["queries"]) == 4
    assert all(q["requests"] > 0 and q["search_gzip_bytes"] > 0 for q in search["queries"])
    assert search["max_ms_after_last_key"] >= 0
    assert re.search(r"^search: download, worst query \(KB gzip\) +[\d,.]+$", result.stdout, re.M)

    assert ET.parse(svg).getroot().tag.endswith("svg")
    assert "<rect" in svg.read_text(encoding="utf-8")
    assert "<title>Pelican: " in svg.read_text(encoding="utf-8")
