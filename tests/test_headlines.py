"""Items without a headline get one derived from their lede: readable, under about 90
characters, never ending mid-phrase."""

from __future__ import annotations

import pytest

from generator.text import MAX_HEADLINE, headline_from_lede, summarise

LEDES = [
    (
        "Regulators in Brazil have opened an investigation into how a popular messaging app "
        "trains its recommendation models on private group chats, officials said on Monday.",
        "Regulators in Brazil have opened an investigation",
    ),
    (
        "Nigeria's communications ministry has unveiled a national AI strategy.",
        "Nigeria's communications ministry has unveiled a national AI strategy",
    ),
    (
        "Police in Spain have detained two teenagers suspected of creating and sharing explicit "
        "AI-generated images of classmates in a case that has shocked the country.",
        "Police in Spain have detained two teenagers",
    ),
    (
        "Universities in Canada, Germany and Japan have agreed to pool computing resources as part "
        "of a joint effort to train open multilingual language models for public research.",
        "Universities in Canada, Germany and Japan have agreed to pool computing resources",
    ),
]

WEAK_ENDINGS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "as"}


@pytest.mark.parametrize(("lede", "expected"), LEDES)
def test_headline_from_lede_keeps_a_whole_phrase(lede: str, expected: str) -> None:
    assert headline_from_lede(lede) == expected


@pytest.mark.parametrize(("lede", "_expected"), LEDES)
def test_derived_headline_is_short_and_does_not_end_on_a_function_word(
    lede: str, _expected: str
) -> None:
    headline = headline_from_lede(lede)
    assert 10 < len(headline) <= MAX_HEADLINE
    assert headline.split()[-1].lower() not in WEAK_ENDINGS
    assert not headline.endswith(("…", "...", ",", ":"))


def test_headline_of_one_endless_sentence_is_still_bounded() -> None:
    lede = "The " + " ".join(["committee"] * 80) + " met."
    assert len(headline_from_lede(lede)) <= MAX_HEADLINE


def test_summary_keeps_whole_sentences_within_limit() -> None:
    body = (
        "The Philippine senate passed a bill on Tuesday requiring labels on AI-generated political "
        "ads. The measure now goes to the president. Critics say enforcement will be difficult. "
        * 3
    )
    summary = summarise(body, limit=200)
    assert summary.endswith(".")
    assert len(summary) <= 200
    assert summary.startswith("The Philippine senate passed a bill")
