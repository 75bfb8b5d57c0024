"""Raw files are kept under content/raw with safe, deterministic names: nothing a file
name says can place a file outside that folder or replace another raw file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli, make_archive

from generator.store import Archive

PLAIN = ROOT / "tests" / "data" / "dev" / "plain_outlet_dash_date.txt"
OTHER = ROOT / "tests" / "data" / "dev" / "plain_source_pipe_iso_date.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


def ingest(capsys, content: Path, path: Path) -> str:
    status, out, err = cli(
        capsys, "ingest", str(path), "--content", str(content), "--captured", "2026-03-13"
    )
    assert status == 0, err
    return out


def raw_files(content: Path) -> list[str]:
    return sorted(p.name for p in (content / "raw").iterdir())


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("..\\..\\outside\\digest.txt", "digest.txt"),
        ("...", "digest.txt"),
        ("..hidden..digest..txt", "hidden.digest.txt"),
        ("Résumé de presse (mars).txt", "Resume_de_presse_mars_.txt"),
        ("a" * 240 + ".txt", "a" * 96 + ".txt"),
    ],
)
def test_an_unsafe_file_name_is_kept_under_a_safe_one(
    name, kept, content, capsys, tmp_path
) -> None:
    source = tmp_path / "inbox" / name
    source.parent.mkdir()
    shutil.copy(PLAIN, source)
    out = ingest(capsys, content, source)
    assert raw_files(content) == [kept]
    assert (content / "raw" / kept).read_bytes() == PLAIN.read_bytes()
    assert f"raw file copied to {content / 'raw' / kept}" in out.splitlines()[0]
    assert {p.briefing.raw for p in Archive.load(content).pages} == {f"raw/{kept}"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "content", "inbox"]
    assert [p.name for p in (tmp_path / ".cache").iterdir()] == ["briefings"]


def test_a_different_file_with_a_taken_name_gets_a_content_hash_suffix(
    content, capsys, tmp_path
) -> None:
    first, second = tmp_path / "a" / "digest.txt", tmp_path / "b" / "digest.txt"
    for src, dst in ((PLAIN, first), (OTHER, second)):
        dst.parent.mkdir()
        shutil.copy(src, dst)
    ingest(capsys, content, first)
    ingest(capsys, content, second)
    suffix = hashlib.sha1(OTHER.read_bytes()).hexdigest()[:8]
    assert raw_files(content) == sorted(["digest.txt", f"digest-{suffix}.txt"])
    assert (content / "raw" / "digest.txt").read_bytes() == PLAIN.read_bytes()
    assert (content / "raw" / f"digest-{suffix}.txt").read_bytes() == OTHER.read_bytes()
    assert {p.briefing.raw for p in Archive.load(content).pages} == {
        "raw/digest.txt",
        f"raw/digest-{suffix}.txt",
    }


def test_a_raw_file_already_in_the_archive_is_used_where_it_is(content, capsys) -> None:
    kept = content / "raw" / "plain.txt"
    shutil.copy(PLAIN, kept)
    out = ingest(capsys, content, kept)
    assert raw_files(content) == ["plain.txt"]
    assert f"raw file kept as {kept}" in out.splitlines()[0]
