"""A parsed Doc read once as arrays: the words that can trigger an event and each word's depth in its
sentence, so the rules look only at candidate words and never walk the tree to rank them.

Reading a spaCy attribute creates a Token object each time; over every word of a long article that cost
more than the rules themselves. Here the Doc's attributes come out as integer arrays (`Doc.to_array`),
each distinct string is looked at once, and the test for a candidate is a few array operations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, SENT_START, TAG

from .lexicon import EventLexicon
from .tree import stems

_ATTRS = [LEMMA, LOWER, POS, TAG, DEP, HEAD, SENT_START]
_NOMINAL_POS = ("NOUN", "PROPN")
_NOMINAL_TAGS = ("NN", "NNS")

_HEADS: dict[int, frozenset[str]] = {}


@dataclass(frozen=True, slots=True)
class DocWords:
    """What the rules need of a whole Doc before reading any sentence: `candidate[i]` is False for a word
    that cannot trigger an event (no lexicon key as lemma, stem or compound: a necessary test, never a
    sufficient one), `depth[i]` is its distance in arcs from its sentence's root, `lemmas[i]` its
    lower-cased lemma."""

    candidate: np.ndarray
    depth: np.ndarray
    lemmas: list[str]


def trigger_heads(lex: EventLexicon) -> frozenset[str]:
    """Every lemma that can head a trigger: a verb key, a verb phrase's first word, an event noun's head,
    an intent adjective (computed once per lexicon)."""
    if id(lex) not in _HEADS:
        _HEADS[id(lex)] = lex.verb_words | {k.split()[0] for k in lex.verb_phrases} | lex.noun_heads | (
            lex.intent_adjectives)
    return _HEADS[id(lex)]


def read_words(doc, lex: EventLexicon) -> DocWords:
    """The candidate mask, depths and lemmas of a parsed Doc."""
    n = len(doc)
    if n == 0:
        return DocWords(np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int32), [])
    arr = doc.to_array(_ATTRS)  # uint64: string hashes, then HEAD and SENT_START stored two's complement
    offsets = arr[:, 5:].astype(np.int64)
    strings = doc.vocab.strings
    text = {int(h): strings[int(h)] for h in np.unique(arr[:, :5])}
    lemmas = [text[int(h)].lower() for h in arr[:, 0]]
    heads = trigger_heads(lex)
    in_heads = np.array([lemma in heads for lemma in lemmas], dtype=bool)
    pos = np.array([text[int(h)] for h in arr[:, 2]], dtype=object)
    tag = np.array([text[int(h)] for h in arr[:, 3]], dtype=object)
    verbal = (pos == "VERB") | np.array([t.startswith("VB") for t in tag], dtype=bool)
    stemmed = {h: any(s in lex.verb_words for s in stems(text[h])) for h in {int(x) for x in arr[verbal, 1]}}
    by_stem = verbal & np.array([stemmed.get(int(h), False) for h in arr[:, 1]], dtype=bool)
    nominal = np.isin(pos, _NOMINAL_POS) | np.isin(tag, _NOMINAL_TAGS)
    head = np.arange(n) + offsets[:, 0]
    dep = np.array([text[int(h)] for h in arr[:, 4]], dtype=object)
    noun_mod = (dep == "compound") & np.array([lemma in lex.nouns for lemma in lemmas], dtype=bool)
    has_noun_mod = np.zeros(n, dtype=bool)
    has_noun_mod[head[noun_mod & (head != np.arange(n))]] = True
    candidate = in_heads | by_stem | (nominal & has_noun_mod)
    return DocWords(candidate, _depths(head, offsets[:, 1]), lemmas)


def _depths(head: np.ndarray, sent_start: np.ndarray) -> np.ndarray:
    """Each word's distance from its sentence's root, following heads that stay inside the sentence."""
    sentence = np.cumsum(sent_start == 1)
    here = np.arange(len(head))
    depth = np.zeros(len(head), dtype=np.int32)
    for _ in range(len(head)):
        up = head[here]
        moved = (up != here) & (sentence[up] == sentence[here])
        if not moved.any():
            break
        depth += moved
        here = np.where(moved, up, here)
    return depth
