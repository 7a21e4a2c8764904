"""Sources and targets: resolved actors, coordinated actors, group phrases, the same clause."""

from __future__ import annotations


def test_compound_source(first):
    event = first("The US and France imposed sanctions on Iran yesterday.")
    assert event.source_country == ["USA", "FRA"]
    assert event.target_country == ["IRN"]


def test_compound_target(first):
    event = first("Pakistan threatened to break off relations with Chile and Peru.")
    assert set(event.target_country) == {"CHL", "PER"}


def test_coordinated_modifiers_give_two_sides(code):
    events = code("Talks between U.S. and Iranian officials resumed in Geneva.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and set(talks[0].source_country) == {"USA", "IRN"}


def test_group_phrase_gets_country_and_sector(first):
    event = first("Fijian rebels released the prime minister.")
    assert event.source_country == ["FJI"]
    assert event.source_sector == ["rebel"]


def test_passive_agent_is_the_source(first):
    event = first("The convoy was attacked by Houthi fighters near Hodeidah.")
    assert event.type == "ASSAULT"
    assert event.source and event.source_sector[0] == "rebel"


def test_source_comes_from_the_reported_clause_not_the_speaker(first):
    event = first("Jordan said Syrian forces shelled the border post.")
    assert event.source_country == ["SYR"]


def test_evidence_offsets_point_at_the_sentence(code):
    text = "The weather was mild. Kenya expelled two Somali diplomats on Friday."
    event = code(text)[0]
    assert text[event.start:event.end].strip() == event.text.strip()
    assert event.text.startswith("Kenya expelled")


def test_to_json_has_the_contract_keys(first):
    data = first("Kenya expelled two Somali diplomats on Friday.").to_json()
    assert list(data) == ["type", "mode", "source", "source_country", "target", "target_country", "date",
                          "status", "negated", "mediated_by", "location", "text", "start", "end"]
