"""Pronouns resolved to the nearest suitable actor, and left alone when they refer to a group."""

from __future__ import annotations

import re

from redline.actors import find_actors
from redline.nlp import load_pipeline


def actors_of(text: str, published: str | None = None):
    """The ActorIndex of a text."""
    return find_actors(load_pipeline()(text), published=published)


def nth(text: str, word: str, n: int = 1) -> tuple[int, int]:
    """Character offsets of the n-th occurrence of a whole word."""
    match = [m for m in re.finditer(rf"\b{word}\b", text)][n - 1]
    return match.start(), match.end()


def test_he_is_the_subject_of_the_previous_sentence():
    text = "Donald Trump met Benjamin Netanyahu at the White House. He said the talks had gone well."
    assert actors_of(text, "2026-02-10").at(*nth(text, "He")).name == "Donald Trump"


def test_an_object_pronoun_is_not_its_own_clause_subject():
    text = "Donald Trump met Benjamin Netanyahu at the White House. Netanyahu told him that pressure was working."
    assert actors_of(text, "2026-02-10").at(*nth(text, "him")).name == "Donald Trump"


def test_a_quote_between_the_name_and_he_said_does_not_count():
    text = (
        "Karim Sadeghi, a political analyst, said the blockade would fail. "
        "\"They will not succeed. The pressure will grow. Nobody wants a war. The region is tired,\" he said."
    )
    index = actors_of(text)
    assert index.at(*nth(text, "he")).name == "Karim Sadeghi"
    assert index.at(*nth(text, "They")) is None


def test_she_does_not_resolve_to_a_man():
    text = "Kamala Harris spoke after Donald Trump. She said the plan was wrong."
    assert actors_of(text, "2026-02-10").at(*nth(text, "She")).name == "Kamala Harris"


def test_they_after_a_group_of_people_is_no_actor():
    text = "Iranian officials say they are ready to talk with the United States."
    assert actors_of(text).at(*nth(text, "they")) is None


def test_they_after_the_people_of_a_country_is_the_country():
    text = "The Iranians say they want guarantees."
    assert actors_of(text).at(*nth(text, "they")).name == "Iran"


def test_they_after_an_armed_group_is_the_group():
    text = "Hezbollah said they would respond to any attack."
    assert actors_of(text).at(*nth(text, "they")).name == "Hezbollah"


def test_its_after_a_country_subject_is_the_country():
    text = "Iran views its missile programme as a red line."
    assert actors_of(text).at(*nth(text, "its")).name == "Iran"


def test_it_with_no_actor_subject_is_no_one():
    text = "The deal collapsed because it was too vague for Iran."
    assert actors_of(text).at(*nth(text, "it")) is None


def test_a_given_name_keeps_she_from_the_nearest_man():
    text = "Nadia Karimi met Omar Haddad in Doha. She said the talks had stalled."
    assert actors_of(text).at(*nth(text, "She")).name == "Nadia Karimi"
