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


@pytest.fixture(scope="session")
def guardian_articles():
    """The Guardian Syria corpus coded once: (article row, events) per article (skipped without ../shared)."""
    import json

    from conftest import shared_path

    from redline.actors import find_actors
    from redline.events import code_events
    from redline.nlp import load_pipeline

    path = shared_path("data", "guardian-syria-2019", "articles.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    coded = []
    for doc, row in load_pipeline().pipe(((r["text"], r) for r in rows), as_tuples=True, batch_size=32):
        coded.append((row, code_events(doc, find_actors(doc, published=row["date"]), published=row["date"])))
    return coded
