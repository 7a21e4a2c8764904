"""Alias merging: every way of naming one actor in an article gives one canonical actor."""

from __future__ import annotations

from redline.actors import find_actors
from redline.nlp import load_pipeline


def actors_of(text: str, published: str | None = None):
    """The ActorIndex of a text."""
    return find_actors(load_pipeline()(text), published=published)


def mentioned(text: str, index, name: str) -> list[str]:
    """The mention texts of the named actor."""
    return [text[s:e] for s, e in index.by_name(name).mentions]


def test_names_aliases_capitals_and_state_phrases_are_one_country():
    text = ("The United States said on Monday it would keep talking. U.S. officials said Washington rejected "
            "the offer, and America would not move. The Trump administration had taken a harder line.")
    index = actors_of(text, "2019-05-01")
    assert [a.name for a in index.actors if a.kind == "country"] == ["United States"]
    assert mentioned(text, index, "United States") == ["United States", "it", "U.S.", "Washington", "America", "Trump administration"]
    assert index.by_name("United States").country == "USA"


def test_a_capital_is_the_state_only_as_a_metonym():
    text = "A reporter speaking from Tehran said the mood was calm. Later Tehran said it would not bend."
    index = actors_of(text)
    assert mentioned(text, index, "Iran") == ["Tehran", "it"]
    assert index.by_name("Iran").mentions[0][0] == text.rindex("Tehran")


def test_demonyms_give_a_country_but_are_no_mention_of_it():
    text = "Iranian officials met Qatari diplomats. The Iranian government said the Iranians want guarantees."
    index = actors_of(text)
    assert mentioned(text, index, "Iran") == ["Iranian government", "Iranians"]
    assert index.by_name("Qatar") is None


def test_a_person_named_in_full_then_by_surname_is_one_actor():
    text = ("Darius Nouri, a researcher at the Gulf Policy Institute, said the plan would fail. "
            "Nouri added that sanctions had not worked.")
    index = actors_of(text)
    people = [a for a in index.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Darius Nouri"]
    assert mentioned(text, index, "Darius Nouri")[-1] == "Nouri"


def test_dictionary_aliases_join_the_full_name():
    text = "Ali Shamkhani spoke first. Later Shamkhani said the missiles were not negotiable."
    index = actors_of(text)
    assert mentioned(text, index, "Ali Shamkhani") == ["Ali Shamkhani", "Shamkhani"]


def test_namesakes_are_told_apart_by_the_date():
    text = "President Aoun received the delegation in Beirut."
    assert actors_of(text, "2018-06-01").actors[0].name == "Michel Aoun"
    assert actors_of(text, "2025-06-01").actors[0].name == "Joseph Aoun"


def test_names_containing_an_alias_do_not_name_its_actor():
    text = "Markets in Latin America fell, while the Washington Post reported on the Gulf of Oman."
    index = actors_of(text)
    assert index.by_name("United States") is None and index.by_name("Oman") is None
    assert index.by_name("The Washington Post").sector == "media"
