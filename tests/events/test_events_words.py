"""The Doc read once as arrays (redline/events/words.py): the candidate test never drops a word the
rules would code, depths are the tree's, and the sparse classifier scores equal the dense ones."""

from __future__ import annotations

import numpy as np
import pytest

from redline.events import learned
from redline.events.find import clause_trigger, find_triggers
from redline.events.lexicon import event_lexicon
from redline.events.nouns import noun_trigger
from redline.events.words import read_words

TEXTS = [
    "Iran is ready to resume talks with the United States, Araghchi said on Tuesday.",
    "The rebels staged a hunger strike and the army shelled the town before the talks between Serbia and "
    "Kosovo ended.",
    "Washington called off the meeting, while Turkish jets pounded Kurdish positions.",
    "Hundreds of protesters demonstrated in Amman; aid deliveries were suspended and the border reopened.",
]


@pytest.fixture(scope="module")
def docs():
    """The test texts, parsed."""
    from redline.nlp import load_pipeline

    return [load_pipeline()(t) for t in TEXTS]


def _tree_depth(tok) -> int:
    """Arcs from the token to its sentence's root, walked on the tree."""
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def test_words_candidate_keeps_every_word_the_rules_read(docs):
    lex = event_lexicon()
    for doc in docs:
        words = read_words(doc, lex)
        readable = [t.i for t in doc if clause_trigger(t, lex) or noun_trigger(t, lex)]
        assert readable, doc.text
        assert all(words.candidate[i] for i in readable), [doc[i].text for i in readable if not words.candidate[i]]
        assert words.candidate.sum() < len(doc) / 2  # it does filter: most words are no candidate


def test_words_depths_and_forms_are_the_docs(docs):
    lex = event_lexicon()
    for doc in docs:
        words = read_words(doc, lex)
        assert words.depth.tolist() == [_tree_depth(t) for t in doc]
        assert words.lemmas == [t.lemma_.lower() for t in doc]
        assert words.lowers == [t.lower_ for t in doc]
        assert words.punct.tolist() == [t.is_punct for t in doc]


def test_words_find_triggers_same_with_or_without_the_doc_arrays(docs):
    lex = event_lexicon()
    for doc in docs:
        words = read_words(doc, lex)
        for sent in doc.sents:
            assert find_triggers(sent, lex, words) == find_triggers(sent, lex)


def test_words_sparse_scores_equal_the_dense_product(docs):
    from redline.actors import find_actors
    from redline.events.stage import rule_events

    model = learned.shipped_model()
    assert model is not None
    for doc in docs:
        found = rule_events(doc, find_actors(doc))
        coded = [learned.Coded(f.trigger, f.event.type, f.event.status, f.event.negated, f.sentence) for f in found]
        rows = learned.rows_of(doc, coded)
        assert np.allclose(rows.scores(model.weights), rows.matrix() @ model.weights, atol=1e-4)
        assert np.array_equal(rows.matrix(), learned.features(doc, coded))
