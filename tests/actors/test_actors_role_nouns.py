"""Role nouns ("the French leader") resolve only to an actor holding that role in the article's context:
a person of the named country holding an office the generic role stands for, the nearest one mentioned;
otherwise the description stays the role. Sentences written for these tests."""

from __future__ import annotations

from redline.actors import find_actors
from redline.nlp import load_pipeline
from redline.quotes import extract_quotes

FILLER = "The debate in parliament went on for hours. " * 6
KENNEDY = "Blair used those terms to brief Lib Dem leader Charles Kennedy ahead of the vote. "
QUOTE = "\"We will not give up,\" the French leader said."


def speakers(text: str, published: str) -> list[str | None]:
    """The speaker of every quote in the text, in order."""
    doc = load_pipeline()(text)
    return [q.speaker for q in extract_quotes(doc, find_actors(doc, published=published))]


def test_role_nouns_a_country_and_office_find_the_nearest_holder_not_an_earlier_party_leader():
    text = KENNEDY + FILLER + "Emmanuel Macron arrived in Brussels on Monday. " + QUOTE
    assert speakers(text, "2019-06-01")[-1] == "Emmanuel Macron"


def test_role_nouns_a_leader_of_another_country_is_no_antecedent():
    text = KENNEDY + FILLER + QUOTE
    said = speakers(text, "2019-06-01")
    assert said[-1] != "Charles Kennedy"
    assert "leader" in (said[-1] or "")


def test_role_nouns_a_person_of_unknown_country_is_no_antecedent_for_a_country_role():
    text = "Officials briefed party leader Jane Roe on the plan. " + QUOTE
    assert speakers(text, "2019-06-01")[-1] != "Jane Roe"


def test_role_nouns_a_bare_role_still_finds_the_person_it_described():
    text = "Jane Roe, the party leader, criticised the plan. \"We will not give up,\" the leader said."
    assert speakers(text, "2019-06-01")[-1] == "Jane Roe"
