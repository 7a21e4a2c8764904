"""Each PLOVER type family is coded from a sentence written for the test, with source and target."""

from __future__ import annotations

import pytest

CASES = [
    ("Egypt agreed to reopen its border crossing for aid convoys.", "AGREE", "EGY", None),
    ("The Turkish foreign minister met his Russian counterpart in Ankara on Monday.", "CONSULT", "TUR", "RUS"),
    ("Germany praised the ceasefire deal between Armenia and Azerbaijan.", "SUPPORT", "DEU", "ARM"),
    ("The opposition party apologized to the king for the remarks.", "CONCEDE", None, None),
    ("France and Germany held joint military exercises in the Baltic.", "COOPERATE", "FRA", None),
    ("Norway sent medical supplies to Sudan last week.", "AID", "NOR", "SDN"),
    ("Hamas released three hostages on Sunday.", "RETREAT", "PSE", None),
    ("The United Nations called on Israel to allow fuel deliveries into Gaza.", "REQUEST", None, "ISR"),
    ("Ukraine accused Russia of shelling civilian areas in Kharkiv.", "ACCUSE", "UKR", "RUS"),
    ("Iraq rejected a Turkish proposal for a buffer zone.", "REJECT", "IRQ", "TUR"),
    ("North Korea threatened to strike American bases.", "THREATEN", "PRK", "USA"),
    ("Thousands of students protested against the government in Tehran.", "PROTEST", None, None),
    ("The European Union imposed new sanctions on Belarus.", "SANCTION", None, "BLR"),
    ("China deployed warships to the South China Sea.", "MOBILIZE", "CHN", None),
    ("Pakistani police arrested dozens of opposition activists.", "COERCE", "PAK", None),
    ("Russian warplanes bombed rebel positions near Idlib.", "ASSAULT", "RUS", None),
]


@pytest.mark.parametrize(("text", "type_", "source", "target"), CASES, ids=[c[1] for c in CASES])
def test_each_type_family_is_coded(first, text, type_, source, target):
    event = first(text)
    assert event.type == type_
    if source:
        assert source in event.source_country
    if target:
        assert target in event.target_country


def test_a_mode_comes_with_the_type(first):
    assert first("Protesters staged a hunger strike outside the Egyptian parliament.").mode == "hunger"
    assert first("Israeli soldiers detained two Palestinian journalists.").mode == "arrest"


def test_event_nouns_are_coded_with_their_participants(code):
    events = code("The talks between Serbia and Kosovo ended without agreement.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and {"SRB"} <= set(talks[0].source_country)


def test_a_reporting_verb_is_no_event_its_complement_is(first):
    event = first("Egypt said Israel attacked the convoy.")
    assert event.type == "ASSAULT"
    assert event.source_country == ["ISR"]


def test_warn_is_a_threat(first):
    assert first("Tehran warned Washington against any attack on its ships.").type == "THREATEN"


def test_a_future_cooperative_act_is_an_agreement(first):
    event = first("Saudi Arabia will host a summit with Iran on Sunday.")
    assert event.type == "AGREE"
    assert event.status == "announced"


def test_sentences_without_events_code_nothing(code):
    assert code("The weather in Geneva was cold and grey.") == []
