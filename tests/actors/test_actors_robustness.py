"""Edge inputs: empty text, text without names, a pipeline without a parser, odd punctuation."""

from __future__ import annotations

import spacy

from redline.actors import find_actors
from redline.nlp import load_pipeline


def test_empty_doc_has_no_actors():
    index = find_actors(load_pipeline()(""))
    assert index.actors == [] and index.at(0, 1) is None


def test_whitespace_only_doc_has_no_actors():
    assert find_actors(load_pipeline()("  \n\n  ")).actors == []


def test_text_without_names_has_no_actors():
    index = find_actors(load_pipeline()("It rained all day and the river rose. They said it would stop."))
    assert index.actors == []


def test_a_doc_without_parse_or_entities_still_finds_dictionary_names():
    doc = spacy.blank("en")("Tehran and Washington traded threats while Hezbollah waited.")
    index = find_actors(doc)
    assert {a.name for a in index.actors} >= {"Hezbollah"}


def test_unbalanced_quotes_and_unknown_dates_are_harmless():
    text = '"Iran will not yield, said Ali Larijani.\n\nHe spoke in "Doha.'
    index = find_actors(load_pipeline()(text), published="not a date")
    assert index.by_name("Ali Larijani") is not None
    assert index.by_name("Ali Larijani").role is not None


def test_a_name_the_ner_takes_for_a_place_is_a_person_when_an_apposition_says_so():
    text = "Karim Sadeghi, a political analyst, said the blockade would fail."
    index = find_actors(load_pipeline()(text))
    actor = index.by_name("Karim Sadeghi")
    assert (actor.kind, actor.sector) == ("person", "expert")
