"""Rejections with no cue word, found by what a party says a thing is or would do: "described the move as
a blatant betrayal", "the US plan was a blatant attack on Syrian sovereignty, Syria said", "any
withdrawal would create a vacuum". The evaluation (the "as" phrase, the predicate, or what the thing
would do) is compared with negative and positive prototypes (wordllama cosine similarity, one batched call
per article); a clearly negative one makes the party reject the thing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from redline.datafiles import word_set
from redline.doctable import token_table

from .embed import embed, embed_fixed
from .finding import Finding
from .lexicon import StanceLexicon

FUTURE = word_set("modals.evaluative_future")
COPULAS = frozenset({"be"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A thing (the issue), what is said of it, who says it (empty: the voice of the sentence)."""

    sentence: Span
    thing: Token
    said: str
    holders: tuple[Token, ...]
    cue: Token
    harmful: bool = False  # the evaluation holds a harm word


def evaluation_findings(doc: Doc, quoted: list[tuple[int, int]], lexicon: StanceLexicon) -> list[Finding]:
    """Rejections of things a party calls, or expects to be, harmful."""
    settings = lexicon.evaluations
    if not settings.negative:
        return []
    candidates = [_with_harm(c, doc, lexicon) for sent in doc.sents for c in _candidates(sent, quoted, lexicon)]
    if not candidates:
        return []
    vectors = embed([c.said for c in candidates])
    negative = (vectors @ embed_fixed(settings.negative).T).max(axis=1)
    positive = (vectors @ embed_fixed(settings.positive).T).max(axis=1) if settings.positive else np.zeros(len(candidates))
    found = []
    for candidate, neg, pos in zip(candidates, negative, positive):
        if candidate.harmful or (neg >= settings.threshold and neg - pos >= settings.margin):
            found.append(Finding("reject", candidate.cue, candidate.sentence, list(candidate.holders), [candidate.thing],
                                 None, None, kind="evaluation"))
    return found


def _with_harm(candidate: _Candidate, doc: Doc, lexicon: StanceLexicon) -> _Candidate:
    """The candidate, marked harmful when its evaluation holds one of the lexicon's harm words."""
    words = {w.lower().strip(".,;:“”\"'") for w in candidate.said.split()}
    lemmas = {t.lemma_.lower() for t in candidate.cue.subtree if t.lower_ in words}
    harmful = bool((words | lemmas) & lexicon.evaluations.harm_words)
    return _Candidate(candidate.sentence, candidate.thing, candidate.said, candidate.holders, candidate.cue, harmful)


def _candidates(sent: Span, quoted: list[tuple[int, int]], lexicon: StanceLexicon) -> list[_Candidate]:
    """The evaluations of one sentence: "X described Y as Z", and in reported content "Y is Z" and
    "Y would Z"."""
    found = []
    words = token_table(sent.doc)
    # the quotes that overlap the sentence: a word of the sentence can only be inside one of those
    quoted = [(s, e) for s, e in quoted if s < sent.end_char and e > sent.start_char]
    for i in range(sent.start, sent.end):
        if words.pos[i] not in ("VERB", "AUX"):
            continue
        token = sent.doc[i]
        if words.lemma[i] in lexicon.describe_verbs:
            found.extend(_described(sent, token))
        elif _reported(token, quoted):
            found.extend(_predicated(sent, token, lexicon))
    return found


def _described(sent: Span, verb: Token) -> list[_Candidate]:
    """"described the move as a betrayal", "sees the YPG as a threat": held by the subject."""
    from .syntax import subjects

    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    said = [o for c in (*verb.children, *(thing.children if thing is not None else ())) if c.dep_ == "prep" and c.lower_ == "as"
            for o in c.children if o.dep_ in ("pobj", "amod", "acomp", "pcomp")]
    said += [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
    holders = subjects(verb)
    if thing is None or not said or not holders or thing.pos_ in ("PRON", "DET"):
        return []  # "which he called ...": the relative clause's antecedent is no issue of its own
    return [_Candidate(sent, thing, _text(said[0]), tuple(holders), verb)]


def _predicated(sent: Span, verb: Token, lexicon: StanceLexicon) -> list[_Candidate]:
    """In reported content: "the plan was a blatant attack on sovereignty", "any withdrawal would create a
    vacuum"; the thing must be no party and no pronoun."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"):
        return []
    lemma = subject.lemma_.lower()
    if lemma in lexicon.collective_heads or lemma in lexicon.group_heads or lemma in lexicon.party_nouns:
        return []  # a party, not a thing: "our partners demanded it"
    if verb.lemma_.lower() in COPULAS:
        said = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
        return [_Candidate(sent, subject, _text(said[0]), (), verb)] if said else []
    if any(c.dep_ == "neg" for c in verb.children) or not any(c.dep_ in ("dobj", "prep", "attr", "acomp", "dative") for c in verb.children):
        return []  # "talks would never happen" says nothing of what talks would do
    # what the thing would do, or is doing ("was undermining the peace process")
    predicate = " ".join(t.text for t in verb.subtree if t.i > subject.right_edge.i and not t.is_punct)
    return [_Candidate(sent, subject, predicate, (), verb)]


def _reported(token: Token, quoted: list[tuple[int, int]]) -> bool:
    """True for a clause inside a quote's content."""
    return any(s <= token.idx < e for s, e in quoted)


def _text(token: Token) -> str:
    """The words of a phrase."""
    return " ".join(t.text for t in token.subtree if not t.is_punct)
