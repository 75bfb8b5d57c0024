"""Ingest knows the archive from a page cache beside the content folder, and never trusts
it over a file: a page changed in place is read again even when its size and time stay
the same, a missing, damaged or outdated cache is rebuilt without a word, and what
ingest writes is the same with a cache or without one."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, make_archive, tree

DATA = ROOT / "tests" / "data" / "ingest"
DIGEST = DATA / "deepfake_arrests_two_outlets_one_story.txt"
OTHER = DATA / "brazil_meta_full_wire_story.txt"
OSAKA = "osaka-man-arrested-over-ai-generated-images-of-celebrities.md"
SUMMARY = re.compile(r"^archive: (\d+) pages, (\d+) from (.*), (\d+) read$", re.M)


def settle(folder: Path) -> None:
    """Wait until the file system's clock has moved past the last change to any file in
    `folder`: a page changed within the current tick is always read again, never cached."""
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in folder.rglob("*"))
    probe = folder.parent / "clock-probe"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        probe.touch()
        os.utime(probe)
        if probe.stat().st_mtime_ns > newest:
            probe.unlink()
            return
        time.sleep(0.01)
    raise AssertionError("the file system clock did not move for 10 s")


def ingest(capsys, content: Path, digest: Path = DIGEST, *extra: str) -> tuple[int, str, str]:
    return cli(
        capsys, "ingest", str(digest), "-v", "--content", str(content), "--captured",
        "2026-01-23", *extra,
    )  # fmt: skip


def summary(err: str) -> tuple[int, int, str, int]:
    """(pages, taken from the cache, where, read again) from the -v line on stderr."""
    found = SUMMARY.search(err)
    assert found, err
    return int(found[1]), int(found[2]), found[3], int(found[4])


def cache_file(content: Path) -> Path:
    return content.parent / ".cache" / "briefings" / "content-pages.sqlite3"


@pytest.fixture
def content(tmp_path: Path, capsys) -> Path:
    """An archive of three pages whose entries are all in the page cache."""
    content = make_archive(tmp_path)
    assert ingest(capsys, content)[0] == 0
    settle(content)
    assert ingest(capsys, content, DIGEST, "--dry-run")[0] == 0
    return content


def edit_in_place(page: Path, old: str, new: str) -> None:
    """Change `page` as an editor that keeps the file would, the same number of bytes, and
    put its modification time back: only its change time tells."""
    assert len(old.encode()) == len(new.encode())
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    assert old in text
    with page.open("r+b") as handle:
        handle.write(text.replace(old, new, 1).encode("utf-8"))
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = page.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def osaka(content: Path) -> Path:
    [page] = content.glob(f"briefings/*/*/{OSAKA}")
    return page


def test_pages_unchanged_since_the_last_run_come_from_the_page_cache(content, capsys) -> None:
    before = tree(content)
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert summary(err) == (3, 3, f"the page cache {cache_file(content)}", 0)
    assert (
        out.splitlines()[-1] == "nothing changed: the archive already holds everything in this file"
    )
    assert tree(content) == before


def test_ingest_writes_the_same_pages_with_the_cache_and_without(content, capsys, tmp_path) -> None:
    cold = tmp_path / "cold" / "content"
    shutil.copytree(content, cold)
    status, warm_out, err = ingest(capsys, content, OTHER, "--captured", "2025-07-04")
    assert status == 0, err
    assert summary(err)[1] == 3
    status, cold_out, err = ingest(capsys, cold, OTHER, "--captured", "2025-07-04")
    assert status == 0, err
    assert summary(err)[1] == 0
    assert cold_out.replace(str(cold), str(content)) == warm_out
    assert tree(cold) == tree(content)
    assert "created" in warm_out


def test_a_curators_edit_that_keeps_size_and_time_is_still_left_alone(content, capsys) -> None:
    page = osaka(content)
    edit_in_place(page, "renewed calls in Japan", "renewed calls in Osaka")
    edited = page.read_bytes()
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert summary(err)[1:] == (2, f"the page cache {cache_file(content)}", 1)
    lines = [line for line in out.splitlines() if OSAKA in line]
    assert lines and all(line.split()[:2] == ["left", "alone"] for line in lines), out
    assert "(edited by a curator)" in lines[0]
    assert page.read_bytes() == edited


def test_a_page_broken_in_place_stops_the_ingest_though_its_cache_entry_was_good(
    content, capsys
) -> None:
    page = osaka(content)
    edit_in_place(page, "title: Osaka", "title: [saka")
    before = tree(content)
    status, out, err = ingest(capsys, content, OTHER, "--captured", "2025-07-04")
    assert status == 1
    assert re.search(rf"{re.escape(str(page))}:[45]: front-matter is not valid YAML", err), err
    assert "nothing was written" in err
    assert "Traceback" not in err
    assert tree(content) == before


def test_a_page_deleted_since_the_last_run_is_written_again(content, capsys) -> None:
    page = osaka(content)
    written = page.read_bytes()
    page.unlink()
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert summary(err)[:2] == (2, 2)
    [line] = [line for line in out.splitlines() if line.endswith(str(page))]
    assert line.split()[0] == "created"
    assert page.read_bytes() == written


def test_a_deleted_page_cache_is_rebuilt(content, capsys) -> None:
    shutil.rmtree(content.parent / ".cache")
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert summary(err) == (3, 0, f"the page cache {cache_file(content)}", 3)
    assert "nothing changed" in out
    status, _, err = ingest(capsys, content)
    assert summary(err)[1] == 3


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 200)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        (version,) = db.execute("PRAGMA user_version").fetchone()
    finally:
        db.close()
    return int(version)


def _write_db(path: Path, version: int, *statements: str) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in (*statements, f"PRAGMA user_version = {version}"):
            db.execute(statement)
    finally:
        db.close()


def _foreign_table(path: Path) -> None:
    version = _version(path)
    path.unlink()
    _write_db(path, version, "CREATE TABLE pages (name TEXT)", "INSERT INTO pages VALUES ('x')")


def _other_version(path: Path) -> None:
    _write_db(path, _version(path) + 1)


@pytest.mark.parametrize(
    "damage",
    [_garbage, _truncated, _empty, _foreign_table, _other_version],
    ids=lambda f: f.__name__,
)
def test_a_damaged_or_outdated_page_cache_is_ignored_and_made_again(
    damage, content, capsys
) -> None:
    damage(cache_file(content))
    before = tree(content)
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert "Traceback" not in err
    assert summary(err)[1] == 0
    assert "nothing changed" in out
    assert tree(content) == before
    status, _, err = ingest(capsys, content)
    assert summary(err) == (3, 3, f"the page cache {cache_file(content)}", 0)


def test_a_page_cache_that_cannot_be_opened_is_done_without(content, capsys) -> None:
    path = cache_file(content)
    path.unlink()
    path.mkdir()
    status, out, err = ingest(capsys, content)
    assert status == 0, err
    assert summary(err) == (3, 0, "no page cache", 3)
    assert "nothing changed" in out


def test_validate_checks_cached_pages_against_the_vocabulary_as_it_is_now(content, capsys) -> None:
    taxonomy = content / "_data" / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(
        text.replace("  deepfakes-misinformation:\n", "  synthetic-media:\n", 1), encoding="utf-8"
    )
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert re.search(
        rf"^{re.escape(str(osaka(content)))}:\d+: topic: 'deepfakes-misinformation' is not in "
        "the taxonomy",
        out,
        re.M,
    ), out
