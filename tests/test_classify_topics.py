"""Topics and on/off-topic status."""

from __future__ import annotations

from classify_helpers import run, vocab


def test_deepfake_arrest_is_deepfakes_and_misinformation() -> None:
    c = run(
        "Police in Japan have arrested a man accused of creating and selling non-consensual "
        "deepfake pornography using AI tools."
    )
    assert c.topic == "deepfakes-misinformation"
    assert c.on_topic


def test_stablecoin_launch_is_digital_finance() -> None:
    c = run(
        "A group of banks will issue a euro-pegged stablecoin next year, subject to approval "
        "by the central bank, to compete with dollar-backed tokens in crypto trading."
    )
    assert c.topic == "digital-finance"


def test_export_controls_story_is_geopolitics() -> None:
    c = run(
        "Washington tightened export controls on advanced chips, and Beijing called the "
        "sanctions an attempt to hobble its technological rise.",
        title="US tightens chip export controls as tech rivalry with China deepens",
    )
    assert c.topic == "geopolitics-competition"


def test_headline_cues_outweigh_a_passing_body_mention() -> None:
    c = run(
        "The ministry said schools will get new guidance. Teachers' unions welcomed the plan, "
        "which follows a privacy complaint last year.",
        title="Ministry issues classroom guidance on AI tutors for teachers",
    )
    assert c.topic == "education-skills"


def test_runner_up_and_confidence_show_how_close_it_was() -> None:
    close = run(
        "Hackers stole personal data from a payments app, exposing bank details; the data "
        "protection regulator opened an inquiry into the cyberattack."
    )
    clear = run(
        "A ransomware gang hit a hospital software supplier, and the cybersecurity agency "
        "warned of supply chain attacks on critical infrastructure."
    )
    assert close.topic_runner_up is not None
    assert clear.topic == "cybersecurity-supply-chain"
    assert clear.topic_confidence > close.topic_confidence


def test_topic_evidence_lists_cue_words_and_scores() -> None:
    c = run("Creatives accuse AI firms of copyright infringement over training data.")
    cues = {e.cue.lower(): e.score for e in c.evidence if e.label == "copyright-creative"}
    assert "copyright" in cues and cues["copyright"] > 0
    assert c.topic_scores["copyright-creative"] == max(c.topic_scores.values())


def test_item_without_any_cue_gets_the_default_topic() -> None:
    c = run("The online meeting of the working group was moved to Thursday.")
    assert c.topic == vocab().taxonomy.default_topic
    assert c.topic_confidence == 0.0


def test_medical_story_without_ai_is_held_back() -> None:
    c = run(
        "A joint research team is using nanoparticle technology to create a cancer vaccine "
        "that reduced tumour regrowth in animal tests. The vaccine attacks cancer stem cells, "
        "which are resistant to conventional therapies and drive recurrence after surgery."
    )
    assert not c.on_topic
    assert c.topic == "other-off-topic"
    assert c.topic_runner_up is not None


def test_ai_diagnostics_regulation_stays_on_topic() -> None:
    c = run(
        "The medicines regulator published rules for AI diagnostic software used on cancer "
        "patients in hospitals, requiring algorithms to be validated before treatment "
        "decisions rely on them."
    )
    assert c.on_topic
    assert c.topic != "other-off-topic"


def test_sport_results_are_held_back() -> None:
    c = run(
        "The home side won the football championship final 2-1 after extra time, and the "
        "coach praised his athletes ahead of the World Cup qualifiers.",
        title="Late goal settles the championship final",
    )
    assert not c.on_topic


def test_weather_story_about_a_deepfake_stays_on_topic() -> None:
    c = run(
        "A hyperrealistic, AI-generated video of a palace under floodwaters spread on social "
        "media amid a week of monsoon rains, fuelling fears about deepfake misinformation.",
        title="AI flood video spotlights deepfake deluge",
    )
    assert c.on_topic
    assert c.topic == "deepfakes-misinformation"


def test_story_with_nothing_digital_is_held_back() -> None:
    c = run(
        "Archaeologists have uncovered a 3,400-year-old workshop near the river, with "
        "pottery kilns and tools that shed light on daily life in the ancient city."
    )
    assert not c.on_topic
    assert "nothing about AI" in next(e.cue for e in c.evidence if e.label == "off-topic")


def test_storm_forecast_is_held_back() -> None:
    c = run(
        "Forecasters expect the typhoon to bring heavy rain and floods to the coast by "
        "Friday; temperatures will fall and snow is possible in the mountains."
    )
    assert not c.on_topic
    assert "off-topic cues" in next(e.cue for e in c.evidence if e.label == "off-topic")


def test_motor_racing_story_mentioning_regulations_is_held_back() -> None:
    c = run(
        "Teams arrived in Monza for the Italian Grand Prix, the first race since the "
        "sport's new fuel regulations took effect. Formula One engineers expect the "
        "championship order to change by the end of the season.",
        title="Italian Grand Prix: teams adapt to new fuel regulations",
    )
    assert not c.on_topic


def test_rules_and_regulations_alone_are_no_digital_signal() -> None:
    c = run(
        "The town council approved new regulations for market stalls, setting opening "
        "hours and rules on where traders may park their vans.",
        title="Council approves new regulations for market stalls",
    )
    assert not c.on_topic
