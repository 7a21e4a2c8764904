"""Threats whatever the wording, and non-events (redline/events/threats.py), on sentences written for
the tests."""

from __future__ import annotations


def test_threats_indefinite_subject_is_no_event(code):
    assert code("Something must be done about the shelling, the minister said.") == []


def test_threats_credit_line_is_no_event(code):
    assert code("Reuters contributed to this report.") == []


def test_threats_free_relative_is_no_offer(code):
    events = code("Russia said there are limits to what Iran can offer.")
    assert all(e.type != "AGREE" for e in events)


def test_threats_either_or_is_a_threat_not_an_agreement(code):
    events = code("Either Tehran accepts the offer or we will strike, the US president said.")
    assert events
    assert all(e.type == "THREATEN" for e in events)


def test_threats_floated_deployment_toward_a_party_is_threatened(code):
    events = code("Washington is considering sending a second carrier toward Iran.")
    threat = [e for e in events if e.type == "THREATEN" and e.target_country == ["IRN"]]
    assert threat
    assert threat[0].status == "threatened"
    assert threat[0].source_country == ["USA"]


def test_threats_time_running_out_makes_the_deployment_a_threat(code):
    events = code("The US warned that time is running out and said it would send more warships toward Iran.")
    assert events and all(e.type == "THREATEN" for e in events)
    assert any(e.status == "threatened" and e.target_country == ["IRN"] for e in events)


def test_threats_a_past_strike_in_a_threat_sentence_stays_an_assault(code):
    events = code("Trump warned Iran on Monday, after the United States bombed three Iranian nuclear sites.")
    assert any(e.type == "ASSAULT" and e.status == "occurred" for e in events)


def test_threats_deployment_with_no_threat_stays_a_mobilisation(code):
    events = code("Germany deployed 500 troops to Lithuania last year.", "2026-02-10")
    assert events and events[0].type != "THREATEN"
