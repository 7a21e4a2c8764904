"""Positions with no cue word ("the last word is with us", "any attack will be met with a response"):
quoted sentences that no cue reader claimed are compared with prototype sentences per stance (wordllama
cosine similarity, one batched call per article); a close enough prototype gives the stance."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from redline.doctable import doc_text, noun_chunks_within

from .embed import embed, embed_fixed
from .finding import Finding
from .lexicon import StanceLexicon


def similar_findings(doc: Doc, quotes: list, claimed: set[int], lexicon: StanceLexicon) -> list[Finding]:
    """Findings for quoted sentences (by sentence start token) that have no finding yet."""
    proto = lexicon.prototypes
    if not proto.stances or proto.threshold >= 1.0:
        return []
    candidates = _candidates(doc, quotes, claimed, proto.min_words)
    if not candidates:
        return []
    stances = list(proto.stances)
    texts = tuple(t for s in stances for t in proto.stances[s])
    owners = np.array([n for n, s in enumerate(stances) for _ in proto.stances[s]])
    scores = embed([text for _, text in candidates]) @ embed_fixed(texts).T
    found = []
    for (sent, _), row in zip(candidates, scores):
        best = np.array([row[owners == n].max() for n in range(len(stances))])
        order = np.argsort(-best)
        top = best[order[0]]
        runner = best[order[1]] if len(order) > 1 else -1.0
        if top >= proto.threshold and top - runner >= proto.margin:
            found.append(Finding(stances[order[0]], sent.root, sent, [], _objects(sent), (sent.start, sent.end), kind="similar"))
    return found


def _candidates(doc: Doc, quotes: list, claimed: set[int], min_words: int) -> list[tuple[Span, str]]:
    """Quoted sentences no cue reader claimed, long enough to carry a stance, each with its quoted words
    only (the attribution "he said" would only blur the comparison)."""
    spans = [(q.start, q.end) for q in quotes or () if q.end > q.start]
    found: list[tuple[Span, str]] = []
    if not spans:
        return found
    whole = doc_text(doc)  # spaCy builds doc.text on each access: kept once per Doc
    for sent in doc.sents:
        if sent.start in claimed:
            continue
        for start, end in spans:
            left, right = max(start, sent.start_char), min(end, sent.end_char)
            text = whole[left:right].strip(" “”\"'‘’,.")
            if right > left and len(text.split()) >= min_words:
                found.append((sent, text))
                break
    return found


def _objects(sent: Span) -> list:
    """The head noun a cue-less sentence is about: its first object noun ("the last word on
    [enrichment]"), else its first noun."""
    nouns = [c.root for c in noun_chunks_within(sent) if c.root.pos_ == "NOUN"]
    objects = [n for n in nouns if n.dep_ in ("pobj", "dobj")]
    return (objects or nouns)[:1]
