"""An ingest is all or nothing: an error anywhere leaves the archive exactly as it was,
and a second ingest while one is running is turned away with a clear message."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, cli_process, make_archive, tree
from filelock import FileLock

from generator import store

DATA = ROOT / "tests" / "data" / "ingest"
FULL = DATA / "brazil_meta_full_wire_story.txt"
TRIMMED = DATA / "brazil_meta_trimmed_next_day.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


def test_a_bad_file_after_a_good_one_stops_the_run_before_any_write(
    content, capsys, tmp_path
) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    before = tree(content)
    status, out, err = cli(
        capsys,
        "ingest",
        str(FULL),
        str(binary),
        "--content",
        str(content),
        "--captured",
        "2025-07-04",
    )
    assert status == 1
    assert tree(content) == before
    assert err == f"briefings: error: {binary}: looks like a binary file, not text\n"
    assert out == ""


def test_a_failure_while_committing_rolls_every_file_back(content, capsys, monkeypatch) -> None:
    cli(capsys, "ingest", str(FULL), "--content", str(content), "--captured", "2025-07-04")
    before = tree(content)
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", failing_replace)
    status, out, err = cli(
        capsys, "ingest", str(TRIMMED), "--content", str(content), "--captured", "2025-07-04"
    )
    monkeypatch.undo()
    assert len(calls) > 3, "the commit did not get as far as replacing existing files"
    assert status == 1
    assert err == (
        f"briefings: error: {calls[2]}: cannot write: No space left on device; "
        "nothing was changed\n"
    )
    assert tree(content) == before
    assert (
        cli(capsys, "ingest", str(TRIMMED), "--content", str(content), "--captured", "2025-07-04")[
            0
        ]
        == 0
    )
    assert tree(content) != before


def test_no_temporary_file_is_left_behind(content, capsys) -> None:
    cli(
        capsys,
        "ingest",
        str(FULL),
        str(TRIMMED),
        "--content",
        str(content),
        "--captured",
        "2025-07-04",
    )
    names = [p.name for p in content.rglob("*") if p.is_file()]
    assert [n for n in names if n.startswith(".")] == [".briefings.lock"]


def test_a_second_ingest_while_one_runs_is_turned_away(content) -> None:
    with FileLock(content / ".briefings.lock"):
        before = tree(content)
        result = cli_process(
            "ingest", str(FULL), "--content", str(content), "--captured", "2025-07-04"
        )
    assert result.returncode == 1
    assert result.stderr == (
        f"briefings: error: {content / '.briefings.lock'}: another ingest is writing to this "
        "archive; wait for it to finish and run this one again\n"
    )
    assert tree(content) == before


def test_an_archive_with_an_unreadable_page_is_not_written_to(content, capsys) -> None:
    cli(capsys, "ingest", str(FULL), "--content", str(content), "--captured", "2025-07-04")
    page = next((content / "briefings").rglob("*.md"))
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: ", "title: [", 1), encoding="utf-8"
    )
    before = tree(content)
    status, _, err = cli(
        capsys, "ingest", str(TRIMMED), "--content", str(content), "--captured", "2025-07-04"
    )
    assert status == 1
    assert tree(content) == before
    lines = err.splitlines()
    assert re.match(
        rf"briefings: error: {re.escape(str(page))}:[45]: front-matter is not valid YAML", lines[0]
    )
    assert lines[-1] == (
        "briefings: error: the archive has pages ingest cannot read safely; fix them first "
        "('briefings validate' lists every problem); nothing was written"
    )


def test_an_interrupt_while_committing_puts_everything_back(content, capsys, monkeypatch) -> None:
    cli(capsys, "ingest", str(FULL), "--content", str(content), "--captured", "2025-07-04")
    before = tree(content)
    real_replace = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", interrupted)
    status, out, err = cli(
        capsys, "ingest", str(TRIMMED), "--content", str(content), "--captured", "2025-07-04"
    )
    monkeypatch.undo()
    assert (status, err) == (130, "briefings: interrupted\n")
    assert tree(content) == before


def test_a_disk_full_while_staging_leaves_no_file_or_folder_behind(
    content, capsys, monkeypatch
) -> None:
    before = tree(content)
    real_write = store._write_temp
    calls = []

    def full_disk(target, data):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(target))
        return real_write(target, data)

    monkeypatch.setattr(store, "_write_temp", full_disk)
    status, _, err = cli(
        capsys, "ingest", str(FULL), "--content", str(content), "--captured", "2025-07-04"
    )
    monkeypatch.undo()
    assert status == 1
    assert err == (
        f"briefings: error: {calls[1]}: cannot write: No space left on device; "
        "nothing was changed\n"
    )
    assert tree(content) == before
    assert not (content / "briefings").exists()
