"""Shared fixtures for the position tests: the stages up to positions, run on a text written for the tests."""

from __future__ import annotations

import pytest

from redline.actors import find_actors
from redline.nlp import load_pipeline
from redline.positions import extract_positions
from redline.quotes import extract_quotes


def run_positions(text: str, **kwargs):
    """The positions of a text after spaCy, actors and quotes (keyword arguments go to the stage)."""
    doc = load_pipeline()(text)
    actors = find_actors(doc)
    return extract_positions(doc, actors, extract_quotes(doc, actors), **kwargs)


def run_rule_positions(text: str):
    """The rules' positions of a text (what the shipped model then rescores): the stance patterns themselves,
    independent of the model's confidence on a one-sentence text."""
    from redline.actors import ActorDictionary
    from redline.positions.extract import rule_positions
    from redline.positions.holder import HolderResolver
    from redline.positions.lexicon import stance_lexicon

    doc = load_pipeline()(text)
    actors = find_actors(doc)
    quotes = extract_quotes(doc, actors)
    resolver = HolderResolver(doc, actors, quotes, lexicon=stance_lexicon(), profile=None,
                              dictionary=ActorDictionary.load())
    return rule_positions(doc, quotes, resolver=resolver)


@pytest.fixture
def rule_positions_of():
    """A function: text -> the rules' positions (before the model's rescoring)."""
    return run_rule_positions


def held(positions, actor: str, stance: str, words: str | None = None):
    """The positions of one party with one stance (and, if given, words in the issue)."""
    return [p for p in positions if p.actor == actor and p.stance == stance and (words is None or words in p.issue)]


@pytest.fixture
def positions_of():
    """A function: text -> positions."""
    return run_positions


@pytest.fixture(name="held")
def held_fixture():
    """A function: (positions, party, stance, words=None) -> the matching positions."""
    return held
