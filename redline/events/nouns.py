"""Event nouns: the sense of a noun phrase ("hunger strike", "state of emergency", "aid deliveries"),
and an event noun standing on its own ("talks between X and Y")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import EventLexicon, Sense
from .tree import children, is_nominal
from .trigger import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token


def noun_sense(tok, lex: EventLexicon) -> Sense | None:
    """The event sense of a noun: its compound phrase, "X of Y" phrase, lemma, or a compound modifier's."""
    if tok is None or not is_nominal(tok) and tok.pos_ not in ("ADJ", "VERB"):
        return None
    lemma = tok.lemma_.lower()
    if lemma not in lex.noun_heads and not any(c.dep_ == "compound" and c.lemma_.lower() in lex.nouns
                                               for c in tok.children):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if mods and f"{mods[-1].lemma_.lower()} {lemma}" in lex.not_events or lemma in lex.not_events:
        return None
    for size in lex.noun_phrase_lengths:
        if size > 1 and len(mods) >= size - 1:
            key = " ".join([m.lemma_.lower() for m in mods[-(size - 1):]] + [lemma])
            if key in lex.nouns:
                return lex.nouns[key]
    of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
               if o.dep_ == "pobj"), None)
    if of is not None and f"{lemma} of {of.lemma_.lower()}" in lex.nouns:
        return lex.nouns[f"{lemma} of {of.lemma_.lower()}"]
    if lemma in lex.nouns and is_nominal(tok):
        return lex.nouns[lemma]
    for mod in mods:  # "aid deliveries", "emergency measures"; not names ("Emergency Relief Coordinator")
        if mod.dep_ == "compound" and mod.pos_ == "NOUN" and tok.pos_ == "NOUN" and mod.lemma_.lower() in lex.nouns:
            return lex.nouns[mod.lemma_.lower()]
    if of is not None and lemma in lex.quantity_nouns:
        return noun_sense(of, lex)
    return None


def prep_event_noun(tok, lex: EventLexicon) -> Token | None:
    """An event noun the verb governs through a preposition ("go on strike", "insisted on its demands")."""
    for prep in children(tok, "prep"):
        if prep.lower_ in lex.grammar["object_prepositions"]:
            for obj in children(prep, "pobj"):
                if noun_sense(obj, lex) is not None:
                    return obj
    return None


def head_lemmas(tok) -> set[str]:
    """The lemma of a noun phrase head with its compound ("aircraft carrier"), and each conjunct's; a
    partitive's object too ("thousands of students")."""
    lemmas = set()
    of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for t in [tok, *of, *(c for c in tok.children if c.dep_ == "conj")]:
        lemma = t.lemma_.lower()
        lemmas.add(lemma)
        lemmas.add(t.lower_)
        lemmas.update(f"{c.lemma_.lower()} {lemma}" for c in t.children if c.dep_ == "compound")
    return lemmas


def noun_trigger(tok, lex: EventLexicon) -> Trigger | None:
    """An event noun standing on its own ("talks between X and Y", "a meeting with the emir"); whether it
    names participants is checked when its roles are read."""
    if not is_nominal(tok) or tok.dep_ in ("compound",):
        return None
    sense = noun_sense(tok, lex)
    if sense is None or tok.lemma_.lower() in lex.quantity_nouns:
        return None
    return Trigger(sense.type, sense.mode, tok.i, tok.i, noun=True)
