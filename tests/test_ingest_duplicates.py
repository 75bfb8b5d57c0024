"""One story, one briefing: retellings are merged into the first page as "also reported
by"; distinct stories on the same subject keep pages of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, make_archive, tree

from generator.store import Archive

DATA = ROOT / "tests" / "data" / "ingest"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


def pages_by_title(content: Path) -> dict[str, dict]:
    archive = Archive.load(content)
    assert archive.problems == []
    return {p.briefing.title: p.briefing.model_dump(mode="json") for p in archive.pages}


def test_same_story_from_two_outlets_is_one_briefing_listing_both(content, capsys) -> None:
    digest = DATA / "deepfake_arrests_two_outlets_one_story.txt"
    status, out, err = cli(
        capsys, "ingest", str(digest), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0, err
    pages = pages_by_title(content)
    assert sorted(pages) == [
        "Four arrested in Tokyo over AI-generated obscene posters",
        "Osaka man arrested over AI-generated images of celebrities",
        "Seoul student held over deepfake videos of classmates",
    ]
    osaka = pages["Osaka man arrested over AI-generated images of celebrities"]
    assert osaka["source"] == "Kyodo News"
    assert osaka["also_reported_by"] == [{"name": "The Japan Times", "url": None}]
    merged = [line for line in out.splitlines() if line.lstrip().startswith("merged")]
    assert len(merged) == 1
    assert "also reported by The Japan Times" in merged[0]
    assert "osaka-man-arrested-over-ai-generated-images-of-celebrities.md" in merged[0]


def test_an_item_pasted_twice_with_small_edits_is_kept_once(content, capsys) -> None:
    digest = DATA / "eu_item_pasted_twice_with_edits.txt"
    status, out, _ = cli(
        capsys, "ingest", str(digest), "--content", str(content), "--captured", "2026-01-23"
    )
    assert status == 0
    pages = pages_by_title(content)
    assert sorted(pages) == [
        "Commission explains AI Act duties for general-purpose models",
        "EU countries back delay to AI Act high-risk rules",
        "European banks form Qivalis to issue euro stablecoin",
    ]
    assert (
        pages["European banks form Qivalis to issue euro stablecoin"].get("also_reported_by") == []
    )
    assert "Reuters already listed" in out


def test_a_retelling_in_a_later_digest_is_merged_into_the_existing_page(content, capsys) -> None:
    first = DATA / "brazil_meta_full_wire_story.txt"
    later = DATA / "brazil_meta_trimmed_next_day.txt"
    assert (
        cli(capsys, "ingest", str(first), "--content", str(content), "--captured", "2025-07-04")[0]
        == 0
    )
    status, out, _ = cli(
        capsys, "ingest", str(later), "--content", str(content), "--captured", "2025-07-04"
    )
    assert status == 0
    pages = pages_by_title(content)
    brazil = pages["Brazil orders Meta to stop training AI on users' data"]
    assert brazil["also_reported_by"] == [{"name": "Folha de S.Paulo", "url": None}]
    assert "Regulator blocks Meta from using Brazilians' posts to train AI" not in pages
    assert "Netherlands widens export curbs on ASML machines" in pages
    assert out.splitlines()[-1] == "1 created, 1 merged"
    again = tree(content)
    assert (
        cli(capsys, "ingest", str(later), "--content", str(content), "--captured", "2025-07-04")[0]
        == 0
    )
    assert tree(content) == again


def test_the_merged_page_still_validates(content, capsys) -> None:
    digest = DATA / "deepfake_arrests_two_outlets_one_story.txt"
    cli(capsys, "ingest", str(digest), "--content", str(content), "--captured", "2026-01-23")
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert (status, out.split(":")[0]) == (0, "OK")
