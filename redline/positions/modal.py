"""Demands with no cue word: a quoted or reported clause that says what others must or should do
("countries must take responsibility for them", "Britain ... should take back 800 fighters") is a demand
of its source; "must not" / "should not" makes it a rejection."""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set
from redline.doctable import token_table

from .finding import Finding
from .lexicon import StanceLexicon
from .syntax import negation

SELF = word_set("pronouns.first_person_subjects")  # "we must not lose sight": an exhortation, not a demand on a party


def modal_findings(sent: Span, lexicon: StanceLexicon, quoted: list[tuple[int, int]]) -> list[Finding]:
    """Demands (or rejections) made by deontic modals inside quoted or reported content."""
    found = []
    words = token_table(sent.doc)
    for i in range(sent.start, sent.end):
        if not (words.dep[i] == "aux" and words.lower[i] in lexicon.deontic_modals
                or words.lemma[i] == "need" and words.pos[i] == "VERB"):
            continue  # the cheap test first: `_deontic_verb` finds nothing for any other word
        verb = _deontic_verb(sent.doc[i], lexicon)
        if verb is None or not any(s <= verb.idx < e for s, e in quoted):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in SELF and subject.pos_ == "PRON":
            continue
        if verb.lemma_.lower() in lexicon.verbs or verb.lemma_.lower() in lexicon.adjectives:
            continue  # a cue verb is read by the cue readers
        stance = "reject" if negation(verb, lexicon).negated else "demand"
        start = subject.left_edge.i if subject is not None and subject.pos_ != "PRON" else verb.i
        found.append(Finding(stance, verb, sent, [], [verb], (start, verb.right_edge.i + 1), kind="modal"))
    return found


def _deontic_verb(token: Token, lexicon: StanceLexicon) -> Token | None:
    """The verb a deontic modal ("must", "should") or "need to" governs, or None."""
    if token.dep_ == "aux" and token.lower_ in lexicon.deontic_modals and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if token.lemma_.lower() == "need" and token.pos_ == "VERB":
        return next((c for c in token.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None)
    return None
