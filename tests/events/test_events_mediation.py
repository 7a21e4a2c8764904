"""Mediated talks keep who brokered or hosted them."""

from __future__ import annotations


def test_subject_mediator_and_parties(first):
    event = first("Oman mediated talks between Iran and the United States on Saturday.")
    assert event.type == "CONSULT"
    assert event.mediated_by == "Oman"
    assert set(event.source_country) == {"IRN", "USA"}
    assert event.mode == "third-party"


def test_mediated_talks_held_in_a_third_country(code):
    events = code("A round of mediated talks between Sudanese and Emirati officials in Qatar ended on Friday.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks
    assert talks[0].mediated_by == "Qatar"
    assert talks[0].location == "Qatar"
    assert {"SDN", "ARE"} <= set(talks[0].source_country)


def test_host_country_that_is_a_party_is_no_mediator(code):
    events = code("Turkish officials held talks with Syrian envoys in Turkey.")
    assert events and events[0].mediated_by is None


def test_unmediated_meeting_has_no_mediator(first):
    event = first("The Turkish foreign minister met his Russian counterpart in Ankara on Monday.")
    assert event.mediated_by is None
    assert event.location == "Ankara"
