"""Near-duplicate detection: one story told twice is found, distinct stories on the same
subject are not. Cases are folders of paired items under tests/data/duplicates/."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.dedupe import DUPLICATE, SCAN_FINDS, SUSPECT, DuplicateIndex, index_of

CASES = Path(__file__).parent / "data" / "duplicates"
SAME = sorted(p for p in (CASES / "same").iterdir() if p.is_dir())
DISTINCT = sorted(p for p in (CASES / "distinct").iterdir() if p.is_dir())


def pair(case: Path) -> tuple[str, str]:
    return (case / "a.txt").read_text(encoding="utf-8"), (case / "b.txt").read_text(
        encoding="utf-8"
    )


def test_there_are_pairs_of_both_kinds() -> None:
    assert len(SAME) >= 3 and len(DISTINCT) >= 3


@pytest.mark.parametrize("case", SAME, ids=lambda p: p.name)
def test_same_story_told_twice_is_one_story(case: Path) -> None:
    a, b = pair(case)
    index = index_of({"first": a})
    match = index.best(b)
    assert match is not None, f"{case.name}: not recognised as the same story"
    assert match.key == "first"
    assert match.similarity >= DUPLICATE


@pytest.mark.parametrize("case", DISTINCT, ids=lambda p: p.name)
def test_distinct_stories_on_one_subject_stay_apart(case: Path) -> None:
    a, b = pair(case)
    index = index_of({"first": a})
    assert index.best(b) is None
    assert index.find(b, minimum=SUSPECT) == [], "not even suspected as a duplicate"


def test_each_retelling_finds_its_own_story_in_a_mixed_archive() -> None:
    archive = {f"{c.name}/a": pair(c)[0] for c in SAME}
    archive.update({f"{c.name}/b": pair(c)[1] for c in DISTINCT})
    index = index_of(archive)
    for case in SAME:
        found = index.find(pair(case)[1])
        assert [m.key for m in found] == [f"{case.name}/a"], case.name


def test_pairs_lists_every_duplicate_pair_once_in_a_stable_order() -> None:
    texts = {}
    for case in SAME:
        a, b = pair(case)
        texts[f"{case.name}/a"] = a
        texts[f"{case.name}/b"] = b
    pairs = DuplicateIndex.pairs(index_of(texts), minimum=DUPLICATE)
    assert [(a, b) for a, b, _ in pairs] == [(f"{c.name}/a", f"{c.name}/b") for c in SAME]
    assert pairs == index_of(dict(reversed(list(texts.items())))).pairs(minimum=DUPLICATE)


def test_an_empty_or_punctuation_only_text_matches_nothing() -> None:
    index = index_of({"x": pair(SAME[0])[0], "empty": ""})
    assert index.best("") is None
    assert index.best("... --- !!!") is None
    assert index.pairs() == []


def test_many_lookups_find_what_the_first_lookups_found() -> None:
    archive = {f"{c.name}/a": pair(c)[0] for c in SAME}
    archive.update({f"{c.name}/a": pair(c)[0] for c in DISTINCT})
    queries = [pair(c)[1] for c in SAME + DISTINCT]
    index = index_of(archive)
    rounds = [[index.find(q, minimum=0.01) for q in queries] for _ in range(SCAN_FINDS)]
    assert any(rounds[0]), "nothing found at all"
    assert all(found == rounds[0] for found in rounds[1:])
