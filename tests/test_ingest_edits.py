"""A curator's edit is never overwritten: ingest reports the page as left alone. A page
ingest wrote and nobody touched is brought up to date when regenerated differently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, make_archive, tree

from generator.store import Archive, render_fingerprinted

DATA = ROOT / "tests" / "data" / "ingest"
DIGEST = DATA / "deepfake_arrests_two_outlets_one_story.txt"
OSAKA = "Osaka man arrested over AI-generated images of celebrities"


@pytest.fixture
def content(tmp_path: Path, capsys) -> Path:
    content = make_archive(tmp_path)
    status, _, err = cli(
        capsys, "ingest", str(DIGEST), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0, err
    return content


def osaka_page(content: Path) -> Path:
    page = next(p for p in Archive.load(content).pages if p.briefing.title == OSAKA)
    return content / page.rel


EDITS = {
    "title": ("title: Osaka man arrested", "title: Osaka police arrest man"),
    "topic": ("topic: deepfakes-misinformation", "topic: child-safety"),
    "regions": ("regions: [JP]", "regions: [JP, KR]"),
    "tags": ("status: published", "tags: [Osaka Prefectural Police]\nstatus: published"),
    "status": ("status: published", "status: review"),
    "body": ("renewed calls in Japan", "renewed calls across Japan"),
}


@pytest.mark.parametrize("field", sorted(EDITS))
def test_an_edited_page_is_left_alone_and_reported(field, content, capsys) -> None:
    page = osaka_page(content)
    old, new = EDITS[field]
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = tree(content)
    status, out, _ = cli(
        capsys, "ingest", str(DIGEST), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0
    assert tree(content) == before
    left = [line for line in out.splitlines() if line.lstrip().startswith("left alone")]
    assert len(left) == 2
    assert left[0] == f"  left alone       {page}  (edited by a curator)"
    assert re.fullmatch(
        re.escape(f"  left alone       {page}  (same story (")
        + r"0\.\d\d"
        + re.escape(
            ") as a page a curator edited; The Japan Times not added to its also_reported_by)"
        ),
        left[1],
    ), left[1]


def test_a_page_from_an_older_ingest_is_updated_in_place(content, capsys) -> None:
    page = osaka_page(content)
    stored = next(p for p in Archive.load(content).pages if p.briefing.title == OSAKA)
    older = stored.briefing.model_copy(update={"topic_runner_up": "child-safety", "tags": []})
    page.write_text(render_fingerprinted(older, stored.body_text), encoding="utf-8")
    status, out, _ = cli(
        capsys, "ingest", str(DIGEST), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0
    assert page.read_text(encoding="utf-8") == stored.text
    assert f"  updated          {page}  (regenerated)" in out.splitlines()


def test_a_page_written_by_hand_without_fingerprint_counts_as_edited(content, capsys) -> None:
    page = osaka_page(content)
    text = page.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("fingerprint:")]
    page.write_text("".join(lines), encoding="utf-8")
    before = tree(content)
    status, out, _ = cli(
        capsys, "ingest", str(DIGEST), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0
    assert tree(content) == before
    assert f"  left alone       {page}  (edited by a curator)" in out.splitlines()
