"""Topics: the name of a law or an institution is weaker evidence than the cue phrases
of the story itself, and data-protection enforcement is data governance."""

from __future__ import annotations

from classify_helpers import run


def test_named_safety_act_about_speech_rules_is_not_child_safety() -> None:
    c = run(
        "Parliament amended the Online Safety Act so that a court order is needed before "
        "websites are blocked, after free speech groups and publishers challenged the "
        "commission that enforces it. Freedom of expression advocates said the changes "
        "were a start."
    )
    assert c.topic != "child-safety"
    assert c.topic_scores.get("internet-governance", 0.0) > c.topic_scores.get("child-safety", 0.0)


def test_ai_in_an_authoritys_name_does_not_make_a_privacy_fine_ai_governance() -> None:
    c = run(
        "The AI Safety and AI Governance Authority fined a dating app for exposing users' "
        "personal data."
    )
    assert c.topic == "data-governance-sovereignty"


def test_data_regulator_fining_a_health_app_is_data_governance() -> None:
    c = run(
        "The country's data regulator has fined the maker of a fertility-tracking app for "
        "sharing users' health data with advertisers without telling them.",
        title="Regulator fines period-tracking app over shared health records",
    )
    assert c.topic == "data-governance-sovereignty"


def test_privacy_regulator_ordering_deletion_of_biometric_data_is_data_governance() -> None:
    c = run(
        "A privacy regulator ordered a gym chain to delete the biometric data it had "
        "collected with face scanners at its entrances.",
        title="Regulator orders gym chain to delete biometric data",
    )
    assert c.topic == "data-governance-sovereignty"


def test_topic_cue_named_as_a_plain_phrase_keeps_its_full_weight() -> None:
    c = run(
        "Lawmakers want online safety rules that protect children from grooming in chat "
        "apps, with age verification for under-16s."
    )
    assert c.topic == "child-safety"
