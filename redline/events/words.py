"""A parsed Doc read once as arrays: the words that can trigger an event and each word's depth in its
sentence, so the rules look only at candidate words and never walk the tree to rank them.

Reading a spaCy attribute creates a Token object each time; over every word of a long article that cost
more than the rules themselves. Here the Doc's attributes come out as integer arrays (`Doc.to_array`),
each distinct string is looked at once, and the test for a candidate is a few array operations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, LEMMA, LOWER, POS, SENT_START, TAG

from .lexicon import EventLexicon
from .tree import stems

_ATTRS = [LEMMA, LOWER, POS, TAG, DEP, HEAD, SENT_START, IS_PUNCT]
_NOMINAL_POS = ("NOUN", "PROPN")
_NOMINAL_TAGS = ("NN", "NNS")

_HEADS: dict[int, frozenset[str]] = {}


@dataclass(frozen=True, slots=True)
class DocWords:
    """What the rules need of a whole Doc before reading any sentence: `candidate[i]` is False for a word
    that cannot trigger an event (no lexicon key as lemma, stem or compound: a necessary test, never a
    sufficient one), `depth[i]` is its distance in arcs from its sentence's root, `lemmas[i]` its
    lower-cased lemma, `lowers[i]` its lower-cased form,
    `punct[i]` whether it is punctuation."""

    candidate: np.ndarray
    depth: np.ndarray
    lemmas: list[str]
    lowers: list[str]
    punct: np.ndarray


def trigger_heads(lex: EventLexicon) -> frozenset[str]:
    """Every lemma that can head a trigger: a verb key, a verb phrase's first word, an event noun's head,
    an intent adjective (computed once per lexicon)."""
    if id(lex) not in _HEADS:
        _HEADS[id(lex)] = lex.verb_words | {k.split()[0] for k in lex.verb_phrases} | lex.noun_heads | (
            lex.intent_adjectives)
    return _HEADS[id(lex)]


def read_words(doc, lex: EventLexicon) -> DocWords:
    """The candidate mask, depths, lemmas and lower-cased forms of a parsed Doc."""
    n = len(doc)
    if n == 0:
        return DocWords(np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int32), [], [], np.zeros(0, dtype=bool))
    arr = doc.to_array(_ATTRS)  # uint64: string ids, then HEAD and SENT_START stored two's complement
    offsets = arr[:, 5:7].astype(np.int64)
    strings = doc.vocab.strings
    lemma, lower, pos, tag, dep = (_Column(arr[:, k], strings) for k in range(5))
    lemma_lower = [w.lower() for w in lemma.values]
    heads = trigger_heads(lex)
    in_heads = lemma.where([w in heads for w in lemma_lower])
    verbal = pos.where([p == "VERB" for p in pos.values]) | tag.where([t.startswith("VB") for t in tag.values])
    verbal_forms = set(lower.index[verbal].tolist())
    by_stem = verbal & lower.where([k in verbal_forms and any(s in lex.verb_words for s in stems(w))
                                    for k, w in enumerate(lower.values)])
    nominal = pos.where([p in _NOMINAL_POS for p in pos.values]) | tag.where([t in _NOMINAL_TAGS for t in tag.values])
    here = np.arange(n)
    head = here + offsets[:, 0]
    noun_mod = dep.where([d == "compound" for d in dep.values]) & lemma.where([w in lex.nouns for w in lemma_lower])
    has_noun_mod = np.zeros(n, dtype=bool)
    has_noun_mod[head[noun_mod & (head != here)]] = True
    candidate = in_heads | by_stem | (nominal & has_noun_mod)
    lemmas = np.array(lemma_lower, dtype=object)[lemma.index].tolist()
    lowers = np.array(lower.values, dtype=object)[lower.index].tolist()
    return DocWords(candidate, _depths(head, offsets[:, 1]), lemmas, lowers, arr[:, 7] == 1)


class _Column:
    """One string attribute of every word: its distinct values (each looked up once) and, per word, the
    index of its value; `where` turns a test of the distinct values into a mask over the words."""

    def __init__(self, ids: np.ndarray, strings) -> None:
        distinct, self.index = np.unique(ids, return_inverse=True)
        self.values: list[str] = [strings[int(h)] for h in distinct]

    def where(self, flags: list[bool]) -> np.ndarray:
        """A mask over the words from one flag per distinct value."""
        return np.asarray(flags, dtype=bool)[self.index]


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
