"""Sources: which publisher an item comes from."""

from __future__ import annotations

from pathlib import Path

from classify_helpers import run, vocab

from generator.classify.sources import file_source, normalise_source

BODY = "The regulator opened an inquiry into a chatbot maker."
SEEDS = Path(__file__).resolve().parent.parent / "content" / "raw"


def test_outlet_aliases_and_domains_normalise_to_one_name() -> None:
    names = {normalise_source(n, vocab()) for n in ("SCMP", "scmp.com", "South China Morning Post")}
    assert names == {"South China Morning Post"}
    assert normalise_source("- Reuters", vocab()) == "Reuters"


def test_item_outlet_wins_over_file_default() -> None:
    c = run(BODY, source="Agence France-Presse", default_source="Digital Watch Observatory")
    assert c.source == "AFP"


def test_item_link_names_the_outlet_when_no_name_is_given() -> None:
    c = run(BODY, source_url="https://www.theguardian.com/technology/2026/jan/20/x")
    assert c.source == "The Guardian"


def test_file_default_applies_when_item_names_no_outlet() -> None:
    assert run(BODY, default_source="scmp.com").source == "South China Morning Post"


def test_unknown_outlet_keeps_its_own_name() -> None:
    assert run(BODY, source="Borneo Tech Weekly").source == "Borneo Tech Weekly"


def test_nothing_naming_a_source_gives_unknown_source() -> None:
    assert run(BODY).source == "Unknown source"


def test_publisher_boilerplate_line_identifies_the_file_source() -> None:
    text = (
        "Police in Japan arrested a man over deepfakes.\n"
        "Would you like to learn more about AI, tech, and digital diplomacy? If so, ask our "
        "Diplo chatbot!\n"
        "Cambodia held its first IGF.\n"
    )
    assert file_source(text, vocab()) == "Digital Watch Observatory"


def test_outlet_name_lines_identify_the_file_source_but_mentions_do_not() -> None:
    page = "Headline\nBody text.\n\nSouth China Morning Post\n22 minutes ago\n- SCMP\nMore.\n"
    prose = "Regulators fined a firm, the South China Morning Post reported on Friday.\n"
    assert file_source(page, vocab()) == "South China Morning Post"
    assert file_source(prose, vocab()) is None


def test_credit_line_in_the_item_names_its_outlet() -> None:
    body = BODY + "\n\nThis article first appeared on The Hindu."
    assert run(body, default_source="Reuters").source == "The Hindu"
