"""Negation flips or drops a stance; a refusal tied to a condition is a precondition, not an opening."""

from __future__ import annotations


def test_negated_opening_is_a_rejection(positions_of, held):
    positions = positions_of("Iran is not ready to discuss its missile programme.")
    assert held(positions, "Iran", "reject", "missile programme")
    assert not held(positions, "Iran", "open")


def test_negated_rejection_is_an_opening(positions_of, held):
    positions = positions_of("Iran has not ruled out a meeting with American negotiators.")
    assert held(positions, "Iran", "open") and not held(positions, "Iran", "reject")


def test_never_with_unless_is_a_precondition_only(positions_of, held):
    positions = positions_of("Pakistan will never agree to talks unless India lifts the curfew in Kashmir.")
    assert held(positions, "Pakistan", "precondition", "curfew")
    assert not held(positions, "Pakistan", "open") and not held(positions, "Pakistan", "red_line")


def test_talks_would_never_happen_unless_is_the_speakers_precondition(positions_of, held):
    text = "Talks with Washington would never take place unless the sanctions are lifted, the Iranian foreign minister said."
    positions = positions_of(text)
    assert held(positions, "Iran", "precondition", "sanction")
    assert not held(positions, "Iran", "open")


def test_not_until_is_a_precondition(positions_of, held):
    positions = positions_of("China will not sign the treaty until the tariffs are lifted, officials said.")
    assert held(positions, "China", "precondition", "tariff")


def test_give_in_negated_is_rejection_yield_negated_is_red_line(positions_of, held):
    assert held(positions_of("Cuba will not give in to the embargo."), "Cuba", "reject")
    assert held(positions_of("Cuba will not yield to the embargo."), "Cuba", "red_line")


def test_conditional_threat_is_a_red_line(positions_of, held):
    positions = positions_of("Turkey will respond if Greek vessels enter its waters, the defence minister said.")
    assert held(positions, "Turkey", "red_line", "water")


def test_hypothetical_cue_in_condition_is_no_position(positions_of, held):
    positions = positions_of("If Britain refuses the offer, the talks will collapse.")
    assert not held(positions, "United Kingdom", "reject")


def test_question_is_no_position(positions_of):
    assert positions_of("“Why should we accept their proposal?” the Serbian president asked.") == []


def test_declining_to_comment_is_no_position(positions_of):
    assert positions_of("A Turkish official declined to comment on the plan.") == []
