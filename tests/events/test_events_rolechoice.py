"""The learned source/target choice (redline/events/rolechoice.py): the shipped model is the one its meta
describes, the candidates and paths are what the features say, and the choice keeps the rules' answer
where the model has no better one. Its cross-validated scores are gated in test_events_learned.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from redline.events import rolechoice
from redline.events.groups import Participant

ROOT = Path(__file__).resolve().parents[2]
PLV = ROOT.parent / "shared" / "data" / "plover-plv" / "plv.csv"
CONFIG = ROOT / "redline" / "data" / "events" / "roles.yaml"


def _sha(path: Path) -> str:
    """A file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def parsed():
    """A function: text -> (doc, its rule events, a resolver), actors found first."""
    from redline.actors import find_actors
    from redline.events.lexicon import event_lexicon
    from redline.events.roles import Resolver
    from redline.events.stage import _dictionary, _index, rule_events
    from redline.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str):
        doc = nlp(text)
        actors = find_actors(doc)
        return doc, rule_events(doc, actors), Resolver(_index(actors), _dictionary(), event_lexicon())

    return run


def test_rolechoice_shipped_model_matches_its_meta():
    meta = json.loads((rolechoice.MODEL_DIR / "roles.json").read_text(encoding="utf-8"))
    assert meta["weights_sha256"] == _sha(rolechoice.MODEL_DIR / "roles.npz")
    assert meta["config"] == rolechoice.config()
    assert meta["data"]["config/events/roles.yaml"] == _sha(CONFIG)
    model = rolechoice.shipped_roles()
    assert model is not None
    for side in rolechoice.SIDES:
        assert model.weights[side].shape == (rolechoice.width(int(meta["config"]["hash_bits"])),)
    learned, rules = meta["cross_validation"]["learned"], meta["cross_validation"]["rules"]
    assert learned["target_agreement"]["mean"] > rules["target_agreement"]["mean"]
    if PLV.exists():
        assert meta["data"]["shared/plover-plv/plv.csv"] == _sha(PLV)


def test_rolechoice_path_reads_subject_and_object(parsed):
    doc, found, _ = parsed("Iran accused the United States of sabotage.")
    view = rolechoice.SentenceView.of(doc[0:len(doc)])
    accused = found[0].trigger.anchor
    assert doc[accused].lower_ == "accused"
    assert view.path(0, accused) == "nsubj>"
    assert view.path(4, accused) == "dobj>"  # "States"
    assert view.path(3, accused) == "compound^dobj>"  # "United"
    assert view.path(6, accused) == "pobj^prep>"  # "sabotage"
    assert view.steps(6, accused, 2, 0) and not view.steps(6, accused, 1, 0)


def test_rolechoice_candidates_skip_modifiers_of_a_named_phrase(parsed):
    doc, found, resolver = parsed("Fijian rebels released the prime minister.")
    f = found[0]
    cands = rolechoice.candidates(doc, doc[0:len(doc)], f.trigger, resolver, [])
    words = {doc[c.token].text for c in cands}
    assert "rebels" in words and "Fijian" not in words
    assert all(c.token is not None for c in cands)


def test_rolechoice_rules_choice_is_a_candidate_of_its_own(parsed):
    doc, found, resolver = parsed("Fijian rebels released the prime minister.")
    ruled = [Participant("Somewhere Else", "XXX", None)]
    cands = rolechoice.candidates(doc, doc[0:len(doc)], found[0].trigger, resolver, ruled)
    assert cands[-1].token is None and cands[-1].keys == {"somewhere else"}
    names = rolechoice.features(rolechoice.EventView.of(doc, doc[0:len(doc)], found[0].trigger, "RETREAT"),
                                cands[-1], frozenset({"somewhere else"}), frozenset())
    assert "rulecand" in names and "chose=rule" in names


def _flat_model() -> rolechoice.RoleModel:
    """A model with all weights zero (every candidate equally likely)."""
    bits = int(rolechoice.config()["hash_bits"])
    return rolechoice.RoleModel({s: np.zeros(rolechoice.width(bits)) for s in rolechoice.SIDES},
                                {"config": rolechoice.config()})


def test_rolechoice_unsure_model_does_not_fill_an_empty_side(parsed):
    doc, found, resolver = parsed("Iran, Russia and Turkey met in Astana, and the US said it would respond.")
    f = found[0]
    sent = doc[0:len(doc)]
    cands = rolechoice.candidates(doc, sent, f.trigger, resolver, [])
    assert len(cands) >= 3  # uniform probabilities stay under the fill threshold
    event = rolechoice.EventView.of(doc, sent, f.trigger, f.trigger.type)
    choice = _flat_model().choose("target", event, cands, [], [])
    assert choice.participants == [] and not choice.changed


def test_rolechoice_target_never_repeats_the_source(parsed):
    doc, found, resolver = parsed("Iran accused the United States of sabotage.")
    f = found[0]
    sent = doc[0:len(doc)]
    event = rolechoice.EventView.of(doc, sent, f.trigger, f.trigger.type)
    cands = rolechoice.candidates(doc, sent, f.trigger, resolver, [])
    taken = frozenset(k for c in cands for k in c.keys)
    choice = rolechoice.shipped_roles().choose("target", event, cands, [], [], taken)
    assert choice.participants == []
    source, target = rolechoice.choose_roles(rolechoice.shipped_roles(), doc, sent, f.trigger, f.trigger.type,
                                             resolver, [], [])
    assert not {p.key for p in source} & {p.key for p in target}


def test_rolechoice_only_with_the_learned_models(code):
    from redline.actors import find_actors
    from redline.events import code_events
    from redline.nlp import load_pipeline

    doc = load_pipeline()("Iran accused the United States of sabotage.")
    rules = code_events(doc, find_actors(doc), learned=False)[0]
    learned = code_events(doc, find_actors(doc))[0]
    assert (rules.source_country, rules.target_country) == (["IRN"], ["USA"])
    assert (learned.source_country, learned.target_country) == (["IRN"], ["USA"])
