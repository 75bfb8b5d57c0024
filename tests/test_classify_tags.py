"""Tags: organisations, companies and products named in a story."""

from __future__ import annotations

from classify_helpers import run


def test_companies_and_products_become_canonical_tags() -> None:
    c = run(
        "Kimi K2 and a variant of DeepSeek R1 beat Google's Gemma 3 and Meta's Llama 4, the "
        "ranking showed. Moonshot launched Kimi K2 in July."
    )
    assert set(c.tags) == {"Kimi K2", "DeepSeek", "Google", "Gemma", "Meta", "Llama", "Moonshot AI"}
    assert c.tags[0] == "Kimi K2"


def test_tags_match_whole_words_with_their_capitals() -> None:
    c = run("The meta discussion about apple harvests and a metaverse of Samsungite fans.")
    assert c.tags == []


def test_at_most_eight_tags_most_salient_first() -> None:
    c = run(
        "OpenAI and OpenAI again, with Anthropic, Google, Microsoft, Apple, Amazon, Nvidia, "
        "Intel, IBM, Oracle and Baidu all named once.",
        title="OpenAI signs a deal",
    )
    assert len(c.tags) == 8
    assert c.tags[0] == "OpenAI"


def test_un_abbreviation_and_agency_names_are_tagged_by_canonical_name() -> None:
    c = run("UN agencies and the International Telecommunication Union urged action.")
    assert c.tags == ["United Nations", "ITU"]
