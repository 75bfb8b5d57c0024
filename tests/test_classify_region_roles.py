"""Regions: the part a place plays in the story, not only how often it is named.

The subject of the first sentence is what the story is about; a venue ("meeting in"),
an outside actor ("pressure from", "X-linked") and a worldwide body named in passing
are context."""

from __future__ import annotations

from classify_helpers import run


def test_demonym_in_the_subject_beats_a_bigger_country_named_later() -> None:
    c = run(
        "The Czech telecoms regulator has warned that Chinese routers could give China's "
        "security services access to home networks, and urged operators to replace them "
        "before China's vendors push new firmware."
    )
    assert c.region == "CZ"
    assert "CN" in c.regions


def test_taiwan_as_the_subject_is_not_folded_into_china() -> None:
    c = run(
        "The Taiwan Coast Guard Administration yesterday detained the crew of a cargo ship "
        "suspected of cutting an undersea internet cable, and said the ship had sailed from "
        "a port in China with a Chinese crew."
    )
    assert c.region == "TW"


def test_a_deck_line_above_the_first_paragraph_does_not_hide_its_subject() -> None:
    c = run(
        "CABLE CUT: Officials say a Chinese-crewed vessel dragged its anchor for miles\n\n"
        "The Taiwan Coast Guard Administration yesterday detained the crew of a cargo ship "
        "suspected of cutting an undersea internet cable near the Matsu islands."
    )
    assert c.region == "TW"


def test_meeting_venue_city_loses_to_the_bloc_whose_ministers_act() -> None:
    asean = run(
        "Meeting in Jakarta on Thursday, ASEAN digital ministers agreed a common approach "
        "to shutting down online scam centres and sharing data on mule accounts."
    )
    eu = run(
        "Meeting in Luxembourg this week, EU interior ministers backed a plan to scan "
        "messaging apps for child abuse material."
    )
    assert asean.region == "ASEAN"
    assert eu.region == "EU"


def test_outside_pressure_does_not_make_the_pressing_country_primary() -> None:
    c = run(
        "After months of pressure from Washington, Vietnam's trade ministry will inspect "
        "every shipment of AI servers bound for China, US officials said, after reports "
        "that American chips were re-exported."
    )
    assert c.region == "VN"


def test_victim_country_beats_the_attackers_nationality() -> None:
    c = run(
        "Iranian-linked hackers disrupted the ticketing systems of a regional railway in "
        "Albania, where Iranian groups have struck government sites before."
    )
    assert c.region == "AL"
    assert "IR" in c.regions


def test_linked_attackers_in_a_headline_do_not_take_the_headline_place() -> None:
    c = run(
        "Port operators found malware on cranes at three terminals, the government said.",
        title="Chinese-backed group breached port systems, says Canberra",
    )
    assert c.region == "AU"


def test_worldwide_body_named_in_passing_does_not_make_a_story_global() -> None:
    c = run(
        "Every April since the war, the old town's puppet festival, which UNESCO listed "
        "as intangible heritage, has drawn crowds. Puppet makers in the Slovenian capital "
        "say online ticket sales have doubled."
    )
    assert c.region == "SI"
    assert c.region_scores["SI"] > c.region_scores.get("GLOBAL", 0.0)


def test_worldwide_body_as_the_subject_still_makes_a_story_global() -> None:
    c = run(
        "UNESCO has published guidance on generative AI in classrooms, after pilots in "
        "Kenya and Chile."
    )
    assert c.region == "GLOBAL"
