"""Every raw file under tests/data/readers/ is read as the pipeline reads it (bytes decoded,
text normalised, format sniffed) and checked against the expectations in the YAML file of
the same name: a new pair of files is a new test.

Expectation keys: format, count, problems (how many), problem_contains, captured,
default_source, error (text of the refusal), verbatim (false when the file's words are
encoded, as in quoted-printable mail), and per item: first_words, last_words, title,
source, source_url, dateline, lede_cut, line (where the item starts), paragraphs,
contains, absent (from the body).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import BriefingsError
from generator.readers import RawItem, ReadResult, read_text, readers
from generator.text import decode_bytes, normalise_text

DATA = Path(__file__).parent / "data" / "readers"
CASES = sorted(p for p in DATA.iterdir() if p.suffix != ".yaml" and p.with_suffix(".yaml").exists())
ITEM_FIELDS = ("title", "source", "source_url", "dateline", "lede_cut", "line")
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def _expected(case: Path) -> dict[str, Any]:
    data = yaml.safe_load(case.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{case.name}: expectations must be a mapping"
    return data


def _text(case: Path) -> str:
    return normalise_text(decode_bytes(case.read_bytes(), case.name))


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _check_item(case: str, n: int, item: RawItem, want: dict[str, Any]) -> None:
    where = f"{case} item {n + 1}"
    if "first_words" in want:
        assert item.body.startswith(want["first_words"]), f"{where}: starts {item.body[:80]!r}"
    if "last_words" in want:
        assert item.body.endswith(want["last_words"]), f"{where}: ends {item.body[-80:]!r}"
    for key in ITEM_FIELDS:
        if key in want:
            got = getattr(item, key)
            assert got == want[key], f"{where}: {key} is {got!r}, expected {want[key]!r}"
    if "paragraphs" in want:
        assert len(item.body.split("\n\n")) == want["paragraphs"], f"{where}: {item.body!r}"
    for text in _as_list(want.get("contains")):
        assert text in item.body, f"{where}: {text!r} missing from {item.body!r}"
    for text in _as_list(want.get("absent")):
        assert text not in item.body, f"{where}: {text!r} kept"


def _check_shape(case: str, raw: str, result: ReadResult, verbatim: bool) -> None:
    """What holds for every item of every format: plain paragraphs, the input's words."""
    source_words = set(WORD.findall(html.unescape(raw)))
    for n, item in enumerate(result.items):
        where = f"{case} item {n + 1}"
        assert item.body.strip() == item.body and item.body, f"{where}: empty or padded body"
        assert "\n" not in item.body.replace("\n\n", ""), f"{where}: stray line break"
        assert "\n\n\n" not in item.body
        assert not re.search(r"<[A-Za-z!/?]", item.body), f"{where}: markup in {item.body!r}"
        if verbatim:
            foreign = [w for w in WORD.findall(item.body) if w not in source_words]
            assert not foreign, f"{where}: words not in the input: {foreign[:5]}"
        assert 1 <= item.line <= raw.count("\n") + 1, f"{where}: line {item.line}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_reader_reads_fixture_as_expected(case: Path) -> None:
    want = _expected(case)
    text = _text(case)
    if "error" in want:
        with pytest.raises(BriefingsError, match=re.escape(want["error"])):
            read_text(text)
        return
    result = read_text(text)
    assert result.format == want["format"]
    assert len(result.items) == want["count"], [i.body[:60] for i in result.items]
    if "problems" in want:
        assert len(result.problems) == want["problems"], result.problems
    for text_part in _as_list(want.get("problem_contains")):
        assert any(text_part in p.message for p in result.problems), result.problems
    if "captured" in want:
        captured = want["captured"] and dt.date.fromisoformat(str(want["captured"]))
        assert result.captured == captured
    if "default_source" in want:
        assert result.default_source == want["default_source"]
    for n, item_want in enumerate(want.get("items", [])):
        _check_item(case.stem, n, result.items[n], item_want)
    _check_shape(case.stem, text, result, want.get("verbatim", True))


READABLE = [c for c in CASES if "error" not in _expected(c)]


@pytest.mark.parametrize("case", READABLE, ids=[c.stem for c in READABLE])
def test_forcing_the_sniffed_format_reads_the_same_items(case: Path) -> None:
    want = _expected(case)
    text = _text(case)
    assert read_text(text, want["format"]) == read_text(text)


@pytest.mark.parametrize("case", READABLE, ids=[c.stem for c in READABLE])
def test_format_is_the_most_confident_sniff_and_no_sniff_passes_its_ceiling(case: Path) -> None:
    text = _text(case)
    scores = [(reader.sniff(text), reader) for reader in readers()]
    assert all(score <= reader.ceiling for score, reader in scores)
    assert read_text(text).format == max(scores, key=lambda scored: scored[0])[1].name


def test_every_format_has_a_fixture() -> None:
    from generator.readers import formats

    covered = {_expected(c).get("format") for c in CASES}
    assert set(formats()) <= covered
