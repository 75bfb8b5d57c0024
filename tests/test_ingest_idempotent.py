"""Ingest writes one page per article and keeps the raw file; doing it again changes
nothing, byte for byte, and says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, make_archive, tree

from generator.store import Archive

SAMPLES = {
    "000_8115e5a6df83849c.txt": "2026-01-23",
    "003_d7bc0bb38b5a0ebf.txt": "2025-07-21",
}
PLAIN = ROOT / "tests" / "data" / "dev" / "plain_outlet_dash_date.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_article_becomes_a_valid_page_and_the_raw_file_is_kept(name, content, capsys) -> None:
    raw = ROOT / "content" / "raw" / name
    _, parsed, _ = cli(
        capsys, "parse", str(raw), "--captured", SAMPLES[name], "--json", "--content", str(content)
    )
    articles = json.loads(parsed)
    status, out, err = cli(
        capsys, "ingest", str(raw), "--captured", SAMPLES[name], "--content", str(content)
    )
    assert status == 0, err
    pages = Archive.load(content).pages
    assert sorted(p.briefing.id for p in pages) == sorted(a["id"] for a in articles)
    assert {p.briefing.raw for p in pages} == {f"raw/{name}"}
    assert (content / "raw" / name).read_bytes() == raw.read_bytes()
    for article in articles:
        page = next(p for p in pages if p.briefing.id == article["id"])
        assert page.briefing.title == article["title"]
        assert page.briefing.status.value == article["status"]
        assert f"{content / page.rel}" in out
    assert cli(capsys, "validate", "--content", str(content))[0] == 0


def test_ingesting_the_same_file_twice_changes_nothing_and_says_so(content, capsys) -> None:
    for name, day in SAMPLES.items():
        cli(
            capsys,
            "ingest",
            str(ROOT / "content" / "raw" / name),
            "--captured",
            day,
            "--content",
            str(content),
        )
    before = tree(content)
    status, out, _ = cli(
        capsys,
        "ingest",
        str(ROOT / "content" / "raw" / "000_8115e5a6df83849c.txt"),
        "--captured",
        "2026-01-23",
        "--content",
        str(content),
    )
    assert status == 0
    assert tree(content) == before
    lines = out.splitlines()
    assert lines[-1] == "nothing changed: the archive already holds everything in this file"
    assert all(line.split()[0] == "unchanged" for line in lines[1:-2])
    assert lines[-2].endswith(" unchanged") and "," not in lines[-2]


def test_a_copy_of_a_kept_raw_file_from_elsewhere_is_recognised(content, capsys, tmp_path) -> None:
    elsewhere = tmp_path / "downloads" / "digest.txt"
    elsewhere.parent.mkdir()
    shutil.copy(PLAIN, elsewhere)
    cli(capsys, "ingest", str(PLAIN), "--content", str(content), "--captured", "2026-03-13")
    before = tree(content)
    status, out, _ = cli(
        capsys, "ingest", str(elsewhere), "--content", str(content), "--captured", "2026-03-13"
    )
    assert status == 0
    assert tree(content) == before
    assert f"raw file kept as {content / 'raw' / PLAIN.name}" in out.splitlines()[0]


def test_a_file_named_twice_on_the_command_line_is_ingested_once(content, capsys) -> None:
    status, out, _ = cli(
        capsys,
        "ingest",
        str(PLAIN),
        str(PLAIN),
        "--content",
        str(content),
        "--captured",
        "2026-03-13",
    )
    assert status == 0
    pages = len(Archive.load(content).pages)
    lines = out.splitlines()
    first, second = lines[1 : 1 + pages], lines[2 + pages : 2 + 2 * pages]
    assert pages > 0
    assert all(line.split()[0] in ("created", "held", "off-topic") for line in first)
    assert all(line.split()[0] == "unchanged" for line in second)


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(content, capsys) -> None:
    before = tree(content)
    status, out, _ = cli(
        capsys,
        "ingest",
        str(PLAIN),
        "--dry-run",
        "--content",
        str(content),
        "--captured",
        "2026-03-13",
    )
    assert status == 0
    assert tree(content) == before
    assert "created" in out
    assert out.splitlines()[-1] == "dry run: nothing was written"


def test_without_a_capture_date_ingest_stops_and_writes_nothing(content, capsys) -> None:
    before = tree(content)
    status, out, err = cli(capsys, "ingest", str(PLAIN), "--content", str(content))
    assert status == 1
    assert tree(content) == before
    assert err.startswith(f"briefings: error: {PLAIN}: ")
    assert "--captured YYYY-MM-DD" in err
    assert out == ""


def test_a_capture_date_header_line_in_the_file_is_used(content, capsys, tmp_path) -> None:
    raw = tmp_path / "with-header.txt"
    raw.write_text("Captured: 2026-03-14\n\n" + PLAIN.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, err = cli(capsys, "ingest", str(raw), "--content", str(content))
    assert status == 0, err
    assert "captured 2026-03-14" in out.splitlines()[0]
    assert {str(p.briefing.captured) for p in Archive.load(content).pages} == {"2026-03-14"}
