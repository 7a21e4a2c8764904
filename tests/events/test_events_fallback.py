"""The fall-back event (redline/events/fallback.py): a sentence the rules code nothing in but which
mentions an actor gets its main clause, typed by the shipped classifier or dropped."""

from __future__ import annotations

import pytest

from redline.events import learned
from redline.events.fallback import UNTYPED, fallback_trigger
from redline.events.lexicon import event_lexicon


@pytest.fixture(scope="module")
def parse():
    """A function: text -> (doc, actors)."""
    from redline.actors import find_actors
    from redline.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str):
        doc = nlp(text)
        return doc, find_actors(doc)

    return run


def test_fallback_trigger_goes_through_reporting_verbs(parse):
    doc, _ = parse("Officials said Turkish jets pounded Kurdish positions near the border.")
    trigger = fallback_trigger(next(doc.sents), event_lexicon())
    assert trigger is not None and trigger.type == UNTYPED
    assert doc[trigger.word].lower_ == "pounded"


def test_fallback_only_where_the_rules_code_nothing(parse):
    from redline.events.stage import every_fallback, rule_events

    doc, actors = parse("Iran accused the United States of sabotage. Turkey pounded Kurdish positions near Afrin.")
    found = rule_events(doc, actors, fallback=every_fallback)
    assert [f.fallback for f in found] == [False, True]
    assert found[0].event.type == "ACCUSE" and found[1].event.type == UNTYPED
    assert [f.fallback for f in rule_events(doc, actors)] == [False]  # off unless asked


def test_fallback_needs_an_actor_mention(parse):
    from redline.events.stage import every_fallback, rule_events

    doc, actors = parse("The weather pounded the coast all night.")
    assert rule_events(doc, actors, fallback=every_fallback) == []


def test_fallback_event_is_typed_or_dropped_never_untyped(code, monkeypatch):
    text = "Turkey pounded Kurdish positions near Afrin."
    monkeypatch.setitem(learned.config(), "fallback_threshold", 0.0)  # keep whatever the model says
    kept = code(text)
    assert [(e.type, e.source, e.target) for e in kept] == [("ASSAULT", ["Turkey"], ["Kurdish positions"])]
    monkeypatch.setitem(learned.config(), "fallback_threshold", 1.01)  # the model is never that sure
    assert code(text) == []


def test_fallback_threshold_drops_unsure_events(parse):
    doc, _ = parse("Turkish jets pounded Kurdish positions.")
    coded = learned.Coded(fallback_trigger(next(doc.sents), event_lexicon()), UNTYPED, "occurred", False)
    labels = learned.config()["labels"]
    flat = [1.0 / len(labels)] * len(labels)  # no type reaches the threshold
    import numpy as np

    assert learned.decide(labels, np.array(flat), coded, doc) is None
    sure = np.zeros(len(labels))
    sure[labels.index("ASSAULT")] = 1.0
    assert learned.decide(labels, sure, coded, doc) == "ASSAULT"
