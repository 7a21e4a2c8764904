"""Fixtures for the event tests: code events from a sentence written for the test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def code():
    """A function: text (and publication date) -> the events coded in it, actors found first."""
    from redline.actors import find_actors
    from redline.events import code_events
    from redline.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str, published: str | None = None):
        doc = nlp(text)
        return code_events(doc, find_actors(doc, published=published), published=published)

    return run


@pytest.fixture(scope="session")
def first(code):
    """A function: text -> its main event (the first coded), failing the test when there is none."""

    def run(text: str, published: str | None = None):
        events = code(text, published)
        assert events, f"no event coded in {text!r}"
        return events[0]

    return run
