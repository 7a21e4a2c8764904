"""Small readings of spaCy's dependency tree shared by the event modules (English, ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from redline.datafiles import word_list

VERB_SUFFIXES = word_list("morphology.verb_suffixes")  # in the order they are stripped

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def children(tok, *deps: str) -> list:
    """The token's children with one of these dependency labels."""
    return [c for c in tok.children if c.dep_ in deps]


def child(tok, *deps: str) -> Token | None:
    """The token's first child with one of these labels, or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def is_verbal(tok) -> bool:
    """True for a verb, or an auxiliary standing alone as the clause head."""
    return tok.pos_ == "VERB" or tok.tag_.startswith("VB") and tok.dep_ not in ("aux", "auxpass")


def is_nominal(tok) -> bool:
    """True for a noun (the head of a noun phrase)."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag_ in ("NN", "NNS")


def is_passive(tok) -> bool:
    """True when the verb is in the passive voice ("was attacked by", "militias, supported by US troops")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or passive_participle(tok)


def passive_participle(tok) -> bool:
    """True for a past participle hung on a clause or noun with a by-agent ("militias, supported by X")."""
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and any(c.dep_ == "agent" for c in tok.children)


def participle_patient(tok) -> list:
    """What a passive participle is said of: the head clause's subject (advcl) or the head noun (acl)."""
    if tok.dep_ == "acl":
        return [tok.head]
    return [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def conjuncts(tok) -> list:
    """The token and the tokens coordinated with it ("the US and France"), in order."""
    found, stack = [], [tok]
    while stack:
        cur = stack.pop()
        found.append(cur)
        stack.extend(c for c in cur.children if c.dep_ == "conj" and c.pos_ == tok.pos_ or
                     c.dep_ == "conj" and is_nominal(c) and is_nominal(tok))
    return sorted(found, key=lambda t: t.i)


def ancestors_in(tok, sent) -> Iterator:
    """The token's heads up to the root of its sentence, nearest first."""
    cur = tok
    while cur.head.i != cur.i and sent.start <= cur.head.i < sent.end:
        cur = cur.head
        yield cur


def prep_objects(tok, preps: frozenset[str]) -> list:
    """The objects of the token's prepositions in `preps` ("talks with X" -> X), coordinated ones included."""
    found = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found.extend(conjuncts(obj))
    return found


def verb_key(tok, phrases: frozenset[str], known: frozenset[str], particles: frozenset[str]) -> str:
    """The verb's lexicon key: "lemma particle" when the lexicon lists that phrase ("call off"), else the
    lemma; a lemma the lexicon does not know is checked against the word's regular stems, since the small
    model sometimes lemmatizes wrongly ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma not in known:
        lemma = next((stem for stem in stems(tok.lower_) if stem in known), lemma)
    for c in tok.children:  # a particle, or a preposition that can be one ("called on", not "gave ... in")
        if (c.dep_ == "prt" or c.dep_ in ("prep", "dobj") and c.lower_ in particles) and (
                f"{lemma} {c.lower_}" in phrases):
            return f"{lemma} {c.lower_}"
    return lemma


def stems(word: str) -> list[str]:
    """Regular stems of an inflected verb form: "staged" -> stage, "talked" -> talk, "hosting" -> host."""
    stems = []
    for suffix in VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            stems += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                stems.append(base[:-1])  # "shelled" -> shell is base; "planned" -> plan
    if word.endswith("ied"):
        stems.append(word[:-3] + "y")
    return stems


def entity_span(tok) -> Span | None:
    """The named-entity span a token is in (read from its IOB tags, no scan of the Doc), or None."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
