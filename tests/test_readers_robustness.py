"""No reader raises on arbitrary or hostile text: `read_text` returns items or refuses the
file with a BriefingsError, and pathological inputs (one enormous line, long runs of
digits, spaces or punctuation, deeply nested markup) are read in one pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import BriefingsError
from generator.readers import MIN_CONFIDENCE, ReadResult, formats, read_text, readers

FRAGMENTS = [
    "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our chatbot!",
    "Subscribe to our newsletter!",
    "22 minutes ago",
    "- South China Morning Post",
    "South China Morning Post",
    "Related Articles",
    "Reuters — 12 March 2026",
    "Source: AP | 2026-03-12",
    "By Jane Doe, Reuters, March 12, 2026",
    "From: Newsletter <news@example.org>",
    "Subject: Weekly",
    "Date: Fri, 13 Mar 2026 07:00:00 +0000",
    "Content-Type: multipart/alternative; boundary=x",
    "Content-Transfer-Encoding: base64",
    "--x",
    "Read more: https://example.org/a",
    "Unsubscribe",
    "<!DOCTYPE html><html><body><p>",
    "<?xml version='1.0'?><rss version='2.0'><channel><item><title>",
    "<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
    "</p></body></html>",
    "* * *",
    "---",
    "1.",
    "#2",
    "Play",
    "EU agrees rules for general-purpose AI models",
    "The European Commission said on Thursday that the rules would apply from August.",
    "the sentence continues on this line after a hard wrap and ends here.",
    "",
]
LINES = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80))
DOCUMENTS = st.one_of(
    st.text(),
    st.lists(LINES, max_size=40).map("\n".join),
    st.lists(LINES, max_size=40).map("\r\n".join),
    st.lists(LINES, max_size=40).map("\n\n".join),
)


def _read_or_refuse(text: str, fmt: str | None = None) -> ReadResult | None:
    try:
        result = read_text(text, fmt)
    except BriefingsError as exc:
        assert str(exc)
        return None
    assert isinstance(result, ReadResult)
    for item in result.items:
        assert item.body.strip(), item
        assert item.line >= 1
    return result


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
@example("\r0 MINUTE AGO\r0:0\r0 MINUTE AGO\r0:0:0:0:0:0:0:0:0:0:0:0")
def test_any_text_is_read_or_refused_never_raises(text: str) -> None:
    _read_or_refuse(text)


@pytest.mark.parametrize("fmt", formats())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS)
def test_forcing_any_format_on_any_text_never_raises(fmt: str, text: str) -> None:
    result = _read_or_refuse(text, fmt)
    assert result is not None and result.format == fmt


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_format_is_the_most_confident_sniff_and_no_sniff_passes_its_ceiling(text: str) -> None:
    scores = [(reader.sniff(text), reader) for reader in readers()]
    assert all(score <= reader.ceiling for score, reader in scores)
    best_score, best = max(scores, key=lambda scored: scored[0])
    result = _read_or_refuse(text)
    assert (result is None) == (best_score < MIN_CONFIDENCE)
    assert result is None or result.format == best.name


PATHOLOGICAL = {
    "one_long_line_of_words": "word " * 400_000,
    "digits": "1" * 2_000_000,
    "spaces_between_letters": "a" + " " * 2_000_000 + "b",
    "punctuation": ".-,;:!?'\"" * 200_000,
    "separator_words_without_end": "Would you like to learn more about AI " * 50_000,
    "dates_and_dashes": "12 March 2026 — " * 100_000,
    "blank_lines": "Headline here\n" + "\n" * 1_000_000 + "Reuters — 12 March 2026\n",
    "nested_markup": "<html><body>" + "<div>" * 50_000 + "text" + "</div>" * 50_000,
    "huge_page": "<html><body>" + "<p>One more paragraph of text.</p>" * 100_000,
    "unclosed_feed": "<?xml version='1.0'?><rss><channel>" + "<item><title>x" * 20_000,
    "header_lines_only": "From: a@b.c\nSubject: s\n" * 100_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_read_or_refused_in_one_pass(name: str) -> None:
    _read_or_refuse(PATHOLOGICAL[name])


def test_a_long_digest_is_read_whole() -> None:
    item = (
        "The regulator said on Monday that it had opened an inquiry into the company's use "
        "of personal data to train its models.\n"
        "Would you like to learn more about AI, tech and digital diplomacy? "
        "If so, ask our Diplo chatbot!\n"
    )
    result = read_text(item * 20_000)
    assert result.format == "digest"
    assert len(result.items) == 20_000
    assert not result.problems


def test_a_page_too_large_for_an_article_is_reported_not_extracted() -> None:
    result = read_text(PATHOLOGICAL["huge_page"])
    assert result.format == "html"
    assert not result.items
    assert "too many for one article" in result.problems[0].message


def test_a_paragraph_of_many_hard_wrapped_lines_is_joined_whole() -> None:
    line = "the regulators said the new rules would apply to every provider of the\n"
    result = read_text("The\n" + line * 200_000 + "end of the report.\n", "digest")
    assert len(result.items) == 1
    assert result.items[0].body.count(" ") == 13 * 200_000 + 4


def test_refusal_names_every_format_tried() -> None:
    with pytest.raises(BriefingsError) as info:
        read_text("just a few words")
    for fmt in formats():
        assert re.search(rf"\b{fmt}\b", str(info.value))


def test_unknown_format_name_is_refused_with_the_known_ones() -> None:
    with pytest.raises(BriefingsError, match=r"unknown format 'pdf'; known formats: digest"):
        read_text("anything", "pdf")
