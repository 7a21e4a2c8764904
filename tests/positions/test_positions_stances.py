"""Each of the six stances from a sentence written for the test (open mode: issues are phrases)."""

from __future__ import annotations

import pytest

CASES = [
    ("Russia demanded that Ukraine withdraw its troops from the border region.", "Russia", "demand", "withdraw troop"),
    ("Venezuela wants the talks to also address the release of political prisoners.", "Venezuela", "demand", "political prisoner"),
    ("Turkey rejected the proposal for a buffer zone.", "Turkey", "reject", "buffer zone"),
    ("Syria will not give in to excessive demands, the foreign minister said.", "Syria", "reject", "demand"),
    ("Iran offered to release the detained sailors.", "Iran", "offer", "sailor"),
    ("Egypt is ready to discuss the water-sharing formula with Ethiopia.", "Egypt", "open", "water-sharing formula"),
    ("Iran has not ruled out a meeting with American negotiators.", "Iran", "open", "meeting"),
    ("Israel will not yield to pressure over the settlements.", "Israel", "red_line", "settlement"),
    ("Iran's foreign minister said the enrichment programme is non-negotiable.", "Iran", "red_line", "enrichment"),
    ("The preconditions set by Serbia include recognition of its borders and an end to the sanctions.", "Serbia",
     "precondition", "sanction"),
]


@pytest.mark.parametrize(("text", "party", "stance", "words"), CASES)
def test_stance_party_and_issue(rule_positions_of, held, text, party, stance, words):
    # the stance patterns are the rules' (the shipped model rescores them; its filter is gated by the CV tests)
    positions = rule_positions_of(text)
    assert held(positions, party, stance, words), [(p.actor, p.stance, p.issue) for p in positions]


def test_preconditions_list_gives_one_position_each(rule_positions_of, held):
    positions = rule_positions_of("The preconditions set by Serbia include recognition of its borders and an end to the sanctions.")
    issues = {p.issue for p in held(positions, "Serbia", "precondition")}
    assert any("border" in i for i in issues) and any("sanction" in i for i in issues)


def test_red_line_phrase_said_of_an_issue(positions_of, held):
    positions = positions_of("Iran views its missile programme as a red line, the government said.")
    assert held(positions, "Iran", "red_line", "missile programme")


def test_cue_less_red_line_by_similarity(positions_of, held):
    positions = positions_of("“The last word on enrichment is with us,” the Iranian foreign minister said.")
    assert held(positions, "Iran", "red_line", "enrichment")


def test_rejection_by_evaluation(positions_of, held):
    positions = positions_of("Lavrov described the American plan as provocative and illegal.")
    assert held(positions, "Russia", "reject", "plan")


def test_demand_by_modal_in_quote(positions_of, held):
    positions = positions_of("“Freetown must withdraw its navy from the strait,” the Ghanaian foreign minister said.")
    assert held(positions, "Ghana", "demand", "withdraw navy")


def test_evidence_is_the_sentence_with_offsets(positions_of, held):
    text = "Talks resumed on Monday. Turkey rejected the proposal for a buffer zone. Officials met again."
    [position] = held(positions_of(text, published="2026-02-11"), "Turkey", "reject")
    assert text[position.start:position.end] == position.text == "Turkey rejected the proposal for a buffer zone."
    assert position.date == "2026-02-11"
