"""Whether a coded event happened: negation, and status (occurred, announced, planned, threatened,
hypothetical), read from the words around its clause.

The walk goes from the trigger word up to the sentence root: a condition ("if they happen"), an
alternative ("either we make a deal or ..."), a hypothetical modal, a planning word ("floated the idea
of"), a threat ("threatened military action") or a future ("will", "ahead of the meeting") on the way
sets the status; the strongest wins (hypothetical > threatened > planned > announced > occurred).
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.datafiles import word_set

from .lexicon import EventLexicon
from .tree import ancestors_in, is_verbal
from .trigger import Trigger

THREAT_VERBS = word_set("verbs.threat")

_COMPLEMENTS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp", "pobj", "acl", "acomp", "nsubjpass"})
_RANK = {"occurred": 0, "announced": 1, "planned": 2, "threatened": 3, "hypothetical": 4}


@dataclass(frozen=True, slots=True)
class Status:
    """An event's status and whether it is negated."""

    status: str
    negated: bool


def read_status(trigger: Trigger, doc, lex: EventLexicon) -> Status:
    """The status and negation of a trigger's event."""
    word, anchor = doc[trigger.word], doc[trigger.anchor]
    cues = lex.status
    status = "announced" if trigger.future else "occurred"
    if trigger.planned:
        status = "planned"
    if trigger.conditional_threat:
        return Status("announced", is_negated(word, anchor, lex))
    path = [word, *(t for t in ancestors_in(word, word.sent))]
    for below, tok in zip([None, *path], path):
        own = tok.i in (word.i, anchor.i)
        status = _stronger(status, _clause_status(tok, below, own, trigger, lex))
        if tok.i != word.i and tok.i != anchor.i and tok.lemma_.lower() in cues["hypothetical_nouns"]:
            status = _stronger(status, "hypothetical")
    if trigger.noun:
        status = _stronger(status, _noun_status(word, lex))
    return Status(status, is_negated(word, anchor, lex))


def _stronger(a: str, b: str) -> str:
    """The stronger of two statuses."""
    return a if _RANK[a] >= _RANK[b] else b


def _clause_status(tok, below, own: bool, trigger: Trigger, lex: EventLexicon) -> str:
    """What one word on the path to the root says about the event below it (`below`: the path's previous
    word; a plan or threat governs only its complement, not a clause merely attached to it)."""
    cues, lemma = lex.status, tok.lemma_.lower()
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if tok.dep_ == "advcl" and marks & cues["conditional_marks"]:
        return "hypothetical"
    if any(c.lower_ in cues["alternative_marks"] for c in tok.children if c.dep_ in ("preconj", "advmod", "dep", "cc")):
        return "hypothetical"
    if tok.dep_ == "conj" and any(c.lower_ in cues["alternative_marks"] for c in tok.head.children):
        return "hypothetical"
    modals = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if is_verbal(tok) and modals:
        if modals & cues["hypothetical_modals"] - cues["reported_future_modals"]:
            return "hypothetical"
        if modals & cues["reported_future_modals"] and not trigger.future:
            if _consequence(tok, lex) or not _reported(tok, lex):
                return "hypothetical"
            return "announced"
        if modals & cues["future_modals"]:
            return "hypothetical" if _consequence(tok, lex) and own else "announced"
    if own or below is None or below.dep_ not in _COMPLEMENTS:
        return "occurred"
    if lemma in THREAT_VERBS and is_verbal(tok):
        return "threatened"
    if lemma in lex.planning and is_verbal(tok) or lemma in lex.planning_nouns:
        return "planned"
    if lemma in cues["expectation_verbs"] and tok.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
        return "planned"
    return "occurred"


def _consequence(tok, lex: EventLexicon) -> bool:
    """True when the clause is the consequence of a condition ("would never take place unless ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.status["conditional_marks"]
                                         for m in c.children) for c in tok.children)


def _reported(tok, lex: EventLexicon) -> bool:
    """True when the clause is reported speech ("said it would ...")."""
    return any(a.lemma_.lower() in lex.reporting for a in ancestors_in(tok, tok.sent))


def _noun_status(word, lex: EventLexicon) -> str:
    """An event noun's own time: "new talks", "ahead of the meeting", "a second round of talks"."""
    cues = lex.status
    nouns = [word, *(a for a in word.ancestors if a.pos_ == "NOUN" and a.lemma_.lower() in lex.quantity_nouns)]
    for noun in nouns:
        if any(c.dep_ in ("amod", "compound") and c.lower_ in cues["planned_modifiers"] for c in noun.children):
            return "planned"
    prep = word.head if word.dep_ == "pobj" else None
    if prep is not None and (prep.lower_ in cues["future_prepositions"] or prep.head.lower_ in cues["future_prepositions"]):
        return "planned"
    return "occurred"


def is_negated(word, anchor, lex: EventLexicon) -> bool:
    """True when the event is denied: "did not attack", "never", "no talks", "no intention of"."""
    cues = lex.status
    for tok in {word, anchor}:
        if any(c.dep_ == "neg" or c.lower_ in cues["negation_words"] and c.dep_ in ("advmod", "neg", "det")
               for c in tok.children):
            return True
    cur = word
    while cur.head.i != cur.i and not is_verbal(cur.head):
        cur = cur.head
        if cur.lemma_.lower() in cues["negating_nouns"] and any(c.lower_ in cues["negating_determiners"] for c in cur.children):
            return True
    head = word.head
    if word.i == anchor.i and not is_verbal(word) and word.dep_ in ("nsubj", "nsubjpass") and is_verbal(head):
        return any(c.dep_ == "neg" or c.lower_ in cues["negation_words"] and c.dep_ == "advmod" for c in head.children)
    return False
