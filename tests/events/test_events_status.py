"""Negation and status: occurred, announced, planned, threatened, hypothetical."""

from __future__ import annotations


def test_negated_attack(first):
    event = first("Iran did not attack the tanker.")
    assert (event.type, event.negated) == ("ASSAULT", True)


def test_never_negates(first):
    assert first("The army never shelled the village.").negated


def test_no_intention_negates(code):
    events = code("Israel said it has no intention of withdrawing from the buffer zone.")
    assert events and all(e.negated for e in events if e.type in ("RETREAT", "AGREE"))


def test_conditional_is_hypothetical(first):
    event = first("If Israel strikes Iranian nuclear sites, Iran will retaliate.")
    assert event.type == "ASSAULT"
    assert event.status == "hypothetical"


def test_either_or_is_a_threatened_alternative(code):
    events = code("Either we sign a deal with Iran or we bomb them, the senator said.")
    assert events and all(e.type == "THREATEN" and e.status == "threatened" for e in events)


def test_modal_could_is_hypothetical(first):
    assert first("India and Pakistan could resume talks next month.").status == "hypothetical"


def test_a_threat_is_not_an_attack(code):
    events = code("Washington threatened military action against Tehran if it rejected the deal.")
    assert events[0].type == "THREATEN"
    assert events[0].status == "occurred"
    assert events[0].mode == "violence"
    assert events[0].target_country == ["IRN"]
    assert not any(e.type == "ASSAULT" and e.status == "occurred" for e in events)


def test_floated_idea_is_planned_not_occurred(first):
    event = first("The Pentagon floated the idea of deploying a second carrier to the Gulf.")
    assert (event.type, event.status) == ("MOBILIZE", "planned")


def test_considering_sending_troops_is_a_threatened_deployment(first):
    event = first("Russia is considering sending more troops to the border.")
    assert (event.type, event.status) == ("THREATEN", "threatened")


def test_heading_toward_is_an_ongoing_mobilisation(first):
    event = first("An American destroyer is heading toward Yemen.")
    assert (event.type, event.status) == ("MOBILIZE", "occurred")
    assert "USA" in event.source_country


def test_will_is_announced(first):
    event = first("Jordan will reopen the border crossing on Sunday.")
    assert event.status == "announced"


def test_unless_makes_a_future_withdrawal_a_threat(first):
    event = first("Kenya announced that it will withdraw its troops from Somalia unless it receives more funding.")
    assert event.type == "THREATEN"
