"""Regions: which places a story names, and the one it is about."""

from __future__ import annotations

from classify_helpers import run


def test_police_in_country_beats_first_mentioned_country() -> None:
    c = run(
        "Following a spate of cases in South Korea and the UK, police in Brazil have arrested "
        "three men over AI-generated extortion images. Brazilian prosecutors said the images "
        "were sold online."
    )
    assert c.region == "BR"
    assert {"KR", "GB"} <= set(c.regions)


def test_headline_country_is_primary_over_body_frequency() -> None:
    c = run(
        "The ministry said on Tuesday it would require audits of large models. Officials "
        "compared the plan with rules in the US, and US companies said the US approach was "
        "lighter.",
        title="India orders audits of AI models before public release",
    )
    assert c.region == "IN"


def test_georgia_the_us_state_is_not_the_country() -> None:
    c = run(
        "Lawmakers in Atlanta passed a bill restricting deepfakes in election adverts. "
        "Georgia becomes the latest state to act, after Texas and California."
    )
    assert c.region == "US"
    assert "GE" not in c.regions


def test_georgia_the_country_is_recognised_from_context() -> None:
    c = run(
        "Georgia's government in Tbilisi has adopted a foreign agents law that critics say "
        "will be used to pressure online media. The Georgian Dream party defended the rules."
    )
    assert c.region == "GE"


def test_person_named_jordan_is_not_a_country() -> None:
    c = run(
        "Michael Jordan joined a lawsuit against a sportswear maker that used an AI clone of "
        "his voice in adverts shown in Canada."
    )
    assert "JO" not in c.regions
    assert c.region == "CA"


def test_country_in_a_list_counts_even_when_ambiguous() -> None:
    c = run(
        "Partners in the programme include Estonia, Greece, Jordan, Kazakhstan and Chad, "
        "the company said."
    )
    assert {"JO", "TD", "EE", "GR", "KZ"} <= set(c.regions)


def test_long_list_of_countries_makes_the_story_global() -> None:
    c = run(
        "A developer of AI tutors has launched a new global initiative for ministries of "
        "education. Initial partners include Estonia, Greece, Italy, Jordan, Kazakhstan and "
        "Slovakia."
    )
    assert c.region == "GLOBAL"


def test_list_of_eu_members_speaks_for_the_eu() -> None:
    c = run(
        "Data protection authorities from France, Germany, Italy, Spain and the Netherlands "
        "issued joint guidance on chatbots."
    )
    assert c.region == "EU"


def test_us_inside_other_words_is_not_the_united_states() -> None:
    c = run(
        "Thus the USB standard body told us it would focus on Kenya, where most users "
        "connect by phone."
    )
    assert "US" not in c.regions
    assert c.region == "KE"


def test_us_based_and_the_uk_are_recognised() -> None:
    c = run("A US-based start-up has sued a rival in the UK over scraped training data.")
    assert set(c.regions) == {"US", "GB"}


def test_demonym_alone_names_the_country() -> None:
    c = run("Japanese regulators have opened an inquiry into generative AI image apps.")
    assert c.region == "JP"


def test_papua_new_guinea_is_not_guinea_and_nigeria_is_not_niger() -> None:
    c = run(
        "Papua New Guinea and Nigeria signed a connectivity pact; the Dominican Republic "
        "joined later."
    )
    assert set(c.regions) == {"PG", "NG", "DO"}


def test_capital_city_names_its_country() -> None:
    c = run("Officials in Nairobi unveiled a national AI strategy on Monday.")
    assert c.region == "KE"


def test_un_agencies_are_global_and_eu_bodies_are_the_eu() -> None:
    un = run("UNESCO and UNICEF warned that chatbots aimed at children lack safeguards.")
    eu = run("The European Commission and Europol will coordinate on AI-generated abuse.")
    au = run("The African Union adopted a continental AI strategy in Addis Ababa.")
    asean = run("ASEAN ministers agreed a guide on AI governance for member states.")
    assert (un.region, eu.region, au.region, asean.region) == (
        "GLOBAL",
        "EU",
        "AFRICAN-UNION",
        "ASEAN",
    )


def test_outlet_names_are_not_places() -> None:
    c = run(
        "Regulators in Germany fined a chatbot maker, the South China Morning Post reported."
    )
    assert c.regions == ["DE"]


def test_lowercase_common_words_are_not_places() -> None:
    c = run("The turkey farm in France used a china plate camera system to spot disease.")
    assert c.regions == ["FR"]


def test_story_naming_no_place_is_global_with_no_confidence() -> None:
    c = run("Researchers released a benchmark that measures how often chatbots refuse.")
    assert c.region == "GLOBAL"
    assert c.region_confidence == 0.0


def test_clear_story_is_confident_and_contested_one_is_not() -> None:
    clear = run("Police in Japan arrested a man over deepfakes. Japan's government responded.")
    contested = run("France and Germany clashed over AI rules, with France and Germany split.")
    assert clear.region_confidence > 0.6
    assert contested.region_confidence < 0.35


def test_region_evidence_names_the_deciding_words() -> None:
    c = run("Police in Japan have arrested a man over deepfake images.")
    cues = [e.cue for e in c.evidence if e.label == "JP"]
    assert any(cue.startswith("police in Japan") for cue in cues)
    assert c.region_scores["JP"] > 0
