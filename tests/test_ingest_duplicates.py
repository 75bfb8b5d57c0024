"""One story, one briefing: retellings are merged into the first page as "also reported
by"; distinct stories on the same subject keep pages of their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
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


DEV = ROOT / "tests" / "data" / "dev"
PAIRS = yaml.safe_load((DEV / "pairs.yaml").read_text(encoding="utf-8"))


def page_starting(content: Path, words: str):
    found = [
        p for p in Archive.load(content).pages if " ".join(p.body_text.split()).startswith(words)
    ]
    return found[0] if found else None


@pytest.mark.parametrize("pair", PAIRS["duplicates"], ids=lambda p: p[0][1][:30])
def test_labelled_retellings_in_the_dev_set_become_one_briefing(pair, content, capsys) -> None:
    (file_a, words_a), (file_b, words_b) = pair
    status, _, err = cli(
        capsys,
        "ingest",
        str(DEV / file_a),
        str(DEV / file_b),
        "--content",
        str(content),
        "--captured",
        "2026-03-14",
    )
    assert status == 0, err
    first, second = page_starting(content, words_a), page_starting(content, words_b)
    assert first is not None and second is None
    _, parsed, _ = cli(
        capsys,
        "parse",
        str(DEV / file_b),
        "--json",
        "--captured",
        "2026-03-14",
        "--content",
        str(content),
    )
    [retold] = [a for a in json.loads(parsed) if " ".join(a["body"].split()).startswith(words_b)]
    assert retold["source"] != first.briefing.source
    assert [r.name for r in first.briefing.also_reported_by] == [retold["source"]]


@pytest.mark.parametrize("pair", PAIRS["distinct"], ids=lambda p: p[0][1][:30])
def test_labelled_distinct_stories_in_the_dev_set_stay_apart(pair, content, capsys) -> None:
    (file_a, words_a), (file_b, words_b) = pair
    status, _, err = cli(
        capsys,
        "ingest",
        str(DEV / file_a),
        str(DEV / file_b),
        "--content",
        str(content),
        "--captured",
        "2026-03-14",
    )
    assert status == 0, err
    first, second = page_starting(content, words_a), page_starting(content, words_b)
    assert first is not None and second is not None
    assert second.briefing.source not in [r.name for r in first.briefing.also_reported_by]


def test_a_retelling_a_year_later_is_kept_but_flagged_for_review(content, capsys, tmp_path) -> None:
    first = DATA / "brazil_meta_full_wire_story.txt"
    later = tmp_path / "brazil_meta_trimmed_a_year_later.txt"
    later.write_text(
        (DATA / "brazil_meta_trimmed_next_day.txt")
        .read_text(encoding="utf-8")
        .replace("3 July 2025", "3 July 2026"),
        encoding="utf-8",
    )
    assert (
        cli(capsys, "ingest", str(first), "--content", str(content), "--captured", "2025-07-04")[0]
        == 0
    )
    assert (
        cli(capsys, "ingest", str(later), "--content", str(content), "--captured", "2026-07-04")[0]
        == 0
    )
    pages = pages_by_title(content)
    assert "Regulator blocks Meta from using Brazilians' posts to train AI" in pages
    assert pages["Brazil orders Meta to stop training AI on users' data"]["also_reported_by"] == []
    _, out, _ = cli(capsys, "review", "--content", str(content))
    flagged = [line for line in out.splitlines() if "suspected duplicate of" in line]
    assert len(flagged) == 2
