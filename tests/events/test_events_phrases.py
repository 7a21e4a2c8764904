"""Targets that are no actor (redline/events/phrases.py) and passive participles' roles."""

from __future__ import annotations


def test_phrases_object_is_the_target_when_no_actor_is(first):
    event = first("The opposition party rejected the election results.")
    assert event.target == ["election results"]
    assert event.target_country == [None]


def test_phrases_an_event_noun_is_no_target(code):
    events = code("Trump floated the idea of sending a second carrier toward Iran, signaling a threat.")
    assert all("threat" not in t for e in events for t in e.target)


def test_phrases_actor_target_wins_over_a_phrase(first):
    event = first("Iran accused the United States of sabotage.")
    assert event.target_country == ["USA"]


def test_phrases_passive_participle_agent_is_the_source(code):
    events = code("Kurdish militias, supported by 2,000 US troops, hold the town.")
    support = [e for e in events if e.type == "SUPPORT"]
    assert support
    assert support[0].source_country == ["USA"]
    assert support[0].target == ["Kurdish militias"]
