"""The stage on thin input: no quotes, no actor index, empty and position-free texts."""

from __future__ import annotations

from redline.actors import find_actors
from redline.nlp import load_pipeline
from redline.positions import extract_positions
from redline.quotes import extract_quotes


def test_no_quotes():
    doc = load_pipeline()("Turkey rejected the proposal for a buffer zone.")
    positions = extract_positions(doc, find_actors(doc), [])
    assert [(p.actor, p.stance) for p in positions] == [("Turkey", "reject")]


def test_no_actor_index_still_finds_states_by_name():
    doc = load_pipeline()("Turkey rejected the proposal for a buffer zone.")
    positions = extract_positions(doc, None, [])
    assert [(p.actor, p.stance) for p in positions] == [("Turkey", "reject")]


def test_empty_and_blank_texts():
    nlp = load_pipeline()
    for text in ("", "   ", "\n\n"):
        doc = nlp(text)
        assert extract_positions(doc, find_actors(doc), extract_quotes(doc, find_actors(doc))) == []


def test_text_without_positions(positions_of):
    assert positions_of("The weather in the capital was mild on Tuesday, and the markets were calm.") == []


def test_no_party_no_position(positions_of):
    assert positions_of("Residents demanded more bread.") == []


def test_positions_serialise(positions_of):
    [position] = positions_of("Turkey rejected the proposal for a buffer zone.", published="2019-01-08")
    data = position.to_json()
    assert data["actor"] == "Turkey" and data["stance"] == "reject" and data["date"] == "2019-01-08"
    assert set(data) == {"actor", "actor_country", "issue", "stance", "official", "reported", "via", "text", "start",
                         "end", "date", "confidence", "issue_text", "issue_start", "issue_end"}
