"""Reading a cue's clause in the dependency parse: negation, subject (the holder) and object (the issue)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from redline.datafiles import word_set
from redline.parser_input import span_of

from .lexicon import StanceLexicon

NEGATIVE_CORRELATIVES = word_set("correlatives.negative")  # "neither X nor Y"

# links a negation or subject is inherited through, from a complement up to the word governing it
NEGATION_UP = frozenset({"xcomp", "acomp", "pcomp", "prep", "oprd"})
SUBJECT_UP = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "oprd", "pobj", "acl", "dobj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "attr", "oprd"})
MODALS = word_set("modals.future")
CONTROLLERS_EXCLUDED = word_set("verbs.commissive")  # "promised X to go": the subject goes


@dataclass(frozen=True, slots=True)
class Negation:
    """Whether a cue is negated, and whether by "never"."""

    negated: bool
    never: bool


def negation(token: Token, lexicon: StanceLexicon) -> Negation:
    """The cue's negation: a negator on it, on the words it complements ("not ready to talk", "no
    intention of compromising"), on its subject ("neither Iran nor Turkey will accept"), or a negating verb
    above it ("refused to negotiate"). `never` only counts as a vow with a modal ("will never accept"):
    "had never accepted" is a plain refusal."""
    negated = never = modal = False
    if token.dep_ == "conj" and any(c.lower_ in NEGATIVE_CORRELATIVES for c in token.head.children):
        negated = True  # "will neither watch ... nor participate"
    if any(c.lower_ == "neither" and c.dep_ == "preconj" for c in token.children):
        negated = True
    current, steps = token, 0
    while True:
        for child in current.children:
            if child.dep_ == "neg" or (child.lower_ in lexicon.negators and child.dep_ in ("det", "advmod", "preconj")):
                negated = True
                never |= child.lower_ in lexicon.never
            if child.dep_ == "aux" and child.lower_ in MODALS:
                modal = True
            if child.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in NEGATIVE_CORRELATIVES for t in span_of(child)):
                negated = True
        if current is not token and current.lemma_.lower() in lexicon.negating_verbs and steps <= 2:
            negated = True
        up = current.dep_ in NEGATION_UP or (current.dep_ == "dobj" and steps > 0)
        if not up or current.head is current or steps >= 4:
            break
        current, steps = current.head, steps + 1
    return Negation(negated, never and modal)


def conjuncts(token: Token) -> list[Token]:
    """The token and every word coordinated with it ("Turkey and Iran", "limits ..., and an end ...")."""
    found, stack = [], [token]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj")
    return sorted(found, key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    """True for a passive verb ("was blocked", "have been pushed")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def agents(verb: Token) -> list[Token]:
    """The by-phrase objects of a passive verb ("blocked by Turkey and Iran")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return conjuncts(objects[0])
    return []


def subjects(token: Token) -> list[Token]:
    """Who does what the cue says: the subject of its clause or of the clause it complements; for a
    passive cue, its by-phrase (its own subject is then the issue, not the holder)."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() not in CONTROLLERS_EXCLUDED:
        # object control: "persuade Russia to agree" -- Russia agrees
        controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if controller is not None:
            return conjuncts(controller)
    current = token
    for _ in range(8):
        if is_passive(current):
            found = agents(current)
            if found:
                return found
            if current is token:
                return []
        subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return conjuncts(subject)
        if current.dep_ == "acl" and current.tag_ in ("VBD", "VBZ", "VBP"):
            return [current.head]  # a finite verb parsed as a noun's modifier: "The resolution, ..., called for"
        if current.dep_ not in SUBJECT_UP or current.head is current:
            return []
        current = current.head
    return []


def governing_verb(token: Token) -> Token:
    """The verb (or clause head) a noun or adjective hangs from, across prepositions and objects."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions or particles in `preps` ("call for X", "give in to X")."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "prt", "dative", "agent") and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def has_child(token: Token, deps: tuple[str, ...], words: frozenset[str] | None = None) -> bool:
    """True when the token has a child with one of the dependencies (and, if given, one of the words)."""
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children)


def direct_objects(verb: Token) -> list[Token]:
    """A verb's objects, with nouns the parse coordinated with the verb itself ("include a halt to X,
    limits on Y" read as "include ... and limits")."""
    found = [c for c in verb.children if c.dep_ in OBJECTS]
    if found:
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > found[0].i]
    return found


def deontic(token: Token, lexicon: StanceLexicon) -> bool:
    """True when the cue sits under "must", "should" or "ought" ("should be not to allow them")."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in lexicon.deontic_modals for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj", "ccomp") or current.head is current:
            return False
        current = current.head
    return False
