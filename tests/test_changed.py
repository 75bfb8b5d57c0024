"""`briefings changed --base REV`: the briefings a pull request adds, changes or removes,
with title, region and topic, as a Markdown table for the job summary."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from archive_helpers import briefing, cli, make_archive, write_briefing

KOREA = dict(
    id="a81c44e0b913",
    slug="seoul-student-arrested-over-deepfakes",
    title="Seoul student arrested over deepfakes | a table-breaking title",
    date=dt.date(2026, 1, 19),
    region="KR",
    regions=["KR"],
)
EU = dict(
    id="5e5e5e5e5e5e",
    slug="eu-countries-back-ai-act-delay",
    title="EU countries back AI Act delay",
    region="EU",
    regions=["EU"],
    topic="ai-governance-regulation",
)


def git(repo: Path, *argv: str) -> None:
    subprocess.run(["git", *argv], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    content = make_archive(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "curator@example.org")
    git(tmp_path, "config", "user.name", "Curator")
    write_briefing(content, briefing())
    write_briefing(content, briefing(**EU))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "archive")
    return tmp_path


def test_added_changed_and_removed_briefings_make_a_markdown_table(repo, capsys) -> None:
    content = repo / "content"
    japan = next((content / "briefings").rglob("japan-*.md"))
    japan.write_text(
        japan.read_text(encoding="utf-8").replace(
            "topic: deepfakes-misinformation", "topic: child-safety"
        ),
        encoding="utf-8",
    )
    korea = write_briefing(content, briefing(**KOREA))
    git(repo, "add", str(korea))
    git(repo, "commit", "-q", "-m", "add Korea")
    eu = next((content / "briefings").rglob("eu-*.md"))
    eu.unlink()
    status, out, err = cli(
        capsys, "changed", "--base", "HEAD~1", "--markdown", "--content", str(content)
    )
    assert (status, err) == (0, "")
    rel = lambda p: f"{content}/{p.relative_to(content)}"  # noqa: E731
    assert out.splitlines() == [
        "| Change | Briefing | Region | Topic | Status |",
        "| --- | --- | --- | --- | --- |",
        f"| removed | `{rel(eu)}` |   |   |   |",
        f"| changed | Japan arrests man over AI-generated celebrity images<br>`{rel(japan)}` | JP "
        "| child-safety | published |",
        "| added | Seoul student arrested over deepfakes \\| a table-breaking title"
        f"<br>`{rel(korea)}` | KR | deepfakes-misinformation | published |",
        "",
        "3 briefing pages added, changed or removed.",
    ]


def test_an_untracked_new_page_counts_as_added(repo, capsys) -> None:
    content = repo / "content"
    korea = write_briefing(content, briefing(**KOREA))
    status, out, _ = cli(capsys, "changed", "--base", "HEAD", "--content", str(content))
    assert status == 0
    assert out == (
        f"added    {korea}  KR  deepfakes-misinformation  "
        "Seoul student arrested over deepfakes | a table-breaking title\n"
    )


def test_no_change_says_so(repo, capsys) -> None:
    status, out, _ = cli(
        capsys, "changed", "--base", "HEAD", "--markdown", "--content", str(repo / "content")
    )
    assert (status, out) == (0, "No briefing added or changed.\n")


def test_an_unknown_revision_is_a_one_line_error(repo, capsys) -> None:
    status, out, err = cli(
        capsys, "changed", "--base", "origin/nope", "--content", str(repo / "content")
    )
    assert status == 1
    assert err == "briefings: error: 'origin/nope' is not a git revision here (fetch it first?)\n"
