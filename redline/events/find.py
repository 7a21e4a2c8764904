"""Event triggers from the parse: one pass over a sentence's words, clause heads first.

A trigger is a verb, an intent adjective or an event noun the lexicon knows, read with its clause: a
reporting verb is no event but leads to its complement; an intent verb ("agreed to", "will") turns its
action into an AGREE or THREATEN; a content verb ("threatened to", "refused to") keeps its type and takes
its mode from the action; a light verb ("staged a strike") carries its object noun's event; a reverse verb
("lifted the curfew", "suspended aid") takes its type from what it ends. Words inside a coded trigger's
arguments are consumed, so an event is coded once, from its outermost clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .frames import read_clause
from .lexicon import EventLexicon, Sense
from .nouns import noun_trigger
from .trigger import Trigger
from .words import DocWords, read_words

if TYPE_CHECKING:
    from spacy.tokens import Token


def find_triggers(sent, lex: EventLexicon, words: DocWords | None = None) -> list[Trigger]:
    """The triggers of one sentence, outermost clauses first; each word is read at most once. `words`
    (the Doc read once by `read_words`) spares re-reading the Doc for each sentence."""
    doc = sent.doc
    words = words if words is not None else read_words(doc, lex)
    consumed: set[int] = set()
    found: list[Trigger] = []
    level = words.depth
    candidates = sent.start + np.flatnonzero(words.candidate[sent.start:sent.end])
    for i in sorted(candidates.tolist(), key=lambda i: (level[i], i)):
        if i in consumed:
            continue
        tok = doc[i]
        trigger = clause_trigger(tok, lex) or noun_trigger(tok, lex)
        if trigger is None:
            continue
        found.append(trigger)
        consumed.update(_covered(doc, trigger, lex))
    return sorted(found, key=lambda t: (level[t.anchor], t.word))  # the main clause's event first


def _covered(doc, trigger: Trigger, lex: EventLexicon) -> set[int]:
    """The words a trigger's arguments span: they are the event's content, not events of their own."""
    covered = {trigger.word, trigger.anchor}
    for index in (trigger.content, trigger.word if trigger.word != trigger.anchor else None):
        if index is not None:
            covered.update(t.i for t in doc[index].subtree)
    anchor = doc[trigger.anchor]
    for c in anchor.children:
        if c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "oprd", "acomp", "agent", "dative", "pcomp") or (
                c.dep_ == "prep" and c.lower_ in lex.grammar["argument_prepositions"]) or _purpose(c):
            covered.update(_argument_words(c, lex.grammar["time_words"]))
    return covered


def _argument_words(tok, time_words: frozenset[str]) -> list[int]:
    """The words of an argument, without a time phrase hung inside it ("with Trump ahead of his meeting")."""
    words, stack = [], [tok]
    while stack:
        cur = stack.pop()
        words.append(cur.i)
        stack.extend(c for c in cur.children if c.lower_ not in time_words)
    return words


def _purpose(tok) -> bool:
    """True for a purpose clause ("met Y to discuss Z"): part of the event, not another one."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_trigger(tok, lex: EventLexicon) -> Trigger | None:
    """The trigger a verb or intent adjective heads, with its future and conditional readings applied."""
    reading = read_clause(tok, lex)
    if reading is None:
        return None
    sense, future = reading.sense, reading.future
    anchor = _anchor(tok)
    conditional = False
    if not future and not reading.planned and _future_modal(anchor, lex):
        future = True
        if _has_condition(anchor, lex) and sense.type in lex.conditional_threat:
            conditional = True
            sense = Sense("THREATEN", lex.threat_modes.get(sense.type))
        else:  # an intention has no mode of its own ("will host a summit" is an AGREE)
            promised = lex.future.get(sense.type, sense.type)
            sense = Sense(promised, sense.mode if promised == sense.type else None)
    return Trigger(sense.type, sense.mode, reading.word, anchor.i, reading.content, future, reading.planned,
                   conditional_threat=conditional)


def _anchor(tok) -> Token:
    """The clause head of a trigger word: the verb an intent adjective complements ("is ready to")."""
    return tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok


def _future_modal(tok, lex: EventLexicon) -> bool:
    """True when the clause is in the future ("will", "going to"; "would" in reported speech)."""
    status = lex.status
    for c in tok.children:
        if c.dep_ == "aux":
            word = c.lower_
            if word in status["future_modals"]:
                return True
            if word in status["reported_future_modals"] and _reported_clause(tok, lex):
                return True
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG"


def _reported_clause(tok, lex: EventLexicon) -> bool:
    """True when the clause is the complement of a reporting verb ("said it would ...")."""
    cur = tok
    while cur.dep_ in ("conj",) and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lex.reporting


def _has_condition(tok, lex: EventLexicon) -> bool:
    """True when the clause has an "if"/"unless" condition attached."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.status["conditional_marks"]
                                         for m in c.children) for c in tok.children)
