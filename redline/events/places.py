"""Where an event happened, and who brokered it.

The location is a place named in a locative phrase of the trigger or its clause ("in Oman", "in
Muscat"). The mediator is whoever the text says mediated, brokered or hosted talks: the agent of
"talks mediated by X", the subject of "X mediated talks between A and B" or of "launched a mediation",
else, for talks marked as mediated ("mediated talks between U.S. and Iranian officials in Oman"), the
country they were held in when it is not a party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .groups import Participant
from .lexicon import EventLexicon
from .tree import children, entity_span

if TYPE_CHECKING:
    from spacy.tokens import Span

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def location(word, anchor, place_preps: frozenset[str], content=None) -> Span | None:
    """The place entity (a spaCy Span) of a locative phrase of the trigger, its clause head or the noun it
    acts on ("lifted a state of emergency in West Darfur"), or None."""
    for head in dict.fromkeys(t for t in (word, anchor, content) if t is not None):
        for prep in children(head, "prep"):
            if prep.lower_ not in place_preps:
                if head is word and not word.pos_ == "VERB":  # "talks between X and Y in Qatar"
                    span = next((p for o in children(prep, "pobj") if (p := _nested_place(o, place_preps))), None)
                    if span is not None:
                        return span
                continue
            for obj in children(prep, "pobj"):
                span = _entity(obj) or _nested_place(obj, place_preps)
                if span is not None:
                    return span
    return None


def _nested_place(tok, place_preps: frozenset[str]) -> Span | None:
    """A place one locative phrase further in ("at this jail in northern Israel")."""
    for prep in children(tok, "prep"):
        if prep.lower_ in place_preps:
            for obj in children(prep, "pobj"):
                span = _entity(obj)
                if span is not None:
                    return span
    return None


def _entity(tok) -> Span | None:
    """The place entity a token is in, or None; "the town of Cizre" reaches its "of" object."""
    if tok.ent_type_ in _PLACE_ENTS:
        return entity_span(tok)
    for prep in children(tok, "prep"):
        if prep.lower_ == "of":
            for obj in children(prep, "pobj"):
                if obj.ent_type_ in _PLACE_ENTS:
                    return _entity(obj)
    return None


def is_mediated(word, anchor, lex: EventLexicon) -> bool:
    """True when the text marks the event as brokered ("mediated talks", "a mediation effort")."""
    words = lex.mediation_words
    for tok in dict.fromkeys([word, anchor]):
        if tok.lemma_.lower() in words:
            return True
        if any(c.lemma_.lower() in words for c in tok.children if c.dep_ in ("amod", "compound", "acl", "nmod")):
            return True
        if tok.head.lemma_.lower() in words and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "NOUN":
            return True
    return False


def mediator_phrases(word, anchor, lex: EventLexicon) -> list:
    """The phrases naming the mediator: the agent of "mediated by X" (or "hosted by"), or the subject of
    the brokering verb ("X mediated talks", "X launched a mediation effort")."""
    words = lex.mediation_words
    for tok in dict.fromkeys([word, anchor]):
        for acl in tok.children:
            if acl.dep_ in ("acl", "amod") and acl.lemma_.lower() in words:
                agents = [o for p in acl.children if p.dep_ == "agent" or p.lower_ == "by" for o in p.children
                          if o.dep_ == "pobj"]
                if agents:
                    return agents
    if anchor.lemma_.lower() in words or word.lemma_.lower() in words or any(
            c.lemma_.lower() in words and c.dep_ == "compound" for c in word.children):
        agents = [o for p in anchor.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
        return children(anchor, "nsubj") or agents
    return []


def mediator_from_place(place: Participant | None, parties: list[Participant]) -> Participant | None:
    """The host country of mediated talks when it is not one of the parties."""
    if place is None or place.country is None:
        return None
    if any(p.country == place.country or p.key == place.key for p in parties):
        return None
    return place
