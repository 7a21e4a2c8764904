"""Positions with no cue word ("the last word is with us", "any attack will be met with a response"):
quoted sentences that no cue reader claimed are compared with prototype sentences per stance (wordllama
cosine similarity, one batched call per article); a close enough prototype gives the stance."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from .embed import embed, embed_fixed
from .finding import Finding
from .lexicon import StanceLexicon

MIN_WORDS = 4


def similar_findings(doc: Doc, quotes: list, claimed: set[int], lexicon: StanceLexicon) -> list[Finding]:
    """Findings for quoted sentences (by sentence start token) that have no finding yet."""
    proto = lexicon.prototypes
    if not proto.stances or proto.threshold >= 1.0:
        return []
    candidates = _candidates(doc, quotes, claimed)
    if not candidates:
        return []
    stances = list(proto.stances)
    texts = tuple(t for s in stances for t in proto.stances[s])
    owners = np.array([n for n, s in enumerate(stances) for _ in proto.stances[s]])
    scores = embed([c.text for c in candidates]) @ embed_fixed(texts).T
    found = []
    for sent, row in zip(candidates, scores):
        best = np.array([row[owners == n].max() for n in range(len(stances))])
        order = np.argsort(-best)
        top = best[order[0]]
        runner = best[order[1]] if len(order) > 1 else -1.0
        if top >= proto.threshold and top - runner >= proto.margin:
            found.append(Finding(stances[order[0]], sent.root, sent, [], _objects(sent), (sent.start, sent.end), kind="similar"))
    return found


def _candidates(doc: Doc, quotes: list, claimed: set[int]) -> list[Span]:
    """Sentences inside a quote's content that no cue reader claimed, long enough to carry a stance."""
    spans = [(q.start, q.end) for q in quotes or () if q.end > q.start]
    found = []
    for sent in doc.sents:
        if sent.start in claimed or sum(not t.is_punct for t in sent) < MIN_WORDS:
            continue
        length = max(sent.end_char - sent.start_char, 1)
        if any(min(e, sent.end_char) - max(s, sent.start_char) >= 0.6 * length for s, e in spans):
            found.append(sent)
    return found


def _objects(sent: Span) -> list:
    """The head nouns a cue-less sentence is about (its noun phrases that are not names or pronouns)."""
    return [c.root for c in sent.noun_chunks if c.root.pos_ == "NOUN"][:2]
