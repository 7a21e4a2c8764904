"""Participants the actor stage leaves unresolved: group phrases ("Iranian officials", "Fijian rebels").

The actor index finds no actor for a phrase naming a group; an event still has a side. Such a phrase is
kept under its own words, with the country of a country name or adjective among its modifiers (through the
actor index, else the actor dictionary's written forms) and the sector of its head noun. Coordinated
modifiers give one participant each: "U.S. and Iranian officials" are two sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import EventLexicon
from .nouns import noun_sense

_MODIFIERS = ("compound", "amod", "nmod", "poss", "npadvmod")


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an event: a canonical actor's name (or a group's phrase), its country and sector."""

    name: str
    country: str | None
    sector: str | None
    actor: bool = False  # a canonical actor of the article (not a group phrase)

    @property
    def key(self) -> str:
        """What identifies the participant across articles: its name, case-folded."""
        return self.name.casefold()


def group_participants(head, actors, dictionary, lex: EventLexicon) -> list[Participant]:
    """The participants a group phrase headed by `head` names, or [] when it names no country or sector."""
    if head.pos_ not in ("NOUN", "PROPN") or noun_sense(head, lex) is not None:
        return []  # an event or thing ("military action") is no side
    sector = head_sector(head, dictionary, lex)
    mods = [m for m in head.lefts if m.dep_ in _MODIFIERS and m.pos_ != "PRON"]
    found: list[Participant] = []
    for mod in mods:
        for part in [mod, *(c for c in mod.children if c.dep_ == "conj")]:
            country, mod_sector = modifier_country(part, actors, dictionary), lex.group_modifiers.get(
                part.lemma_.lower())
            if country is not None:
                found.append(Participant(f"{part.text} {head.text}", country, sector or mod_sector))
            elif mod_sector is not None:  # "rebel positions", "opposition coalition"
                sector = sector or mod_sector
    if found:
        return found
    own = modifier_country(head, None, dictionary) if head.pos_ == "PROPN" or head.ent_type_ == "NORP" else None
    if own is not None:  # a people named by its plural demonym ("ethnic Albanians", "young Algerians")
        return [Participant(_phrase(head), own, sector or "civilian")]
    if sector is None:
        return []
    return [Participant(_phrase(head), None, sector)]


def _phrase(head) -> str:
    """A group's name: its head and left modifiers, without the article."""
    words = head.doc[head.left_edge.i:head.i + 1].text
    for drop in ("the ", "a ", "an ", "The ", "A ", "An "):
        if words.startswith(drop):
            words = words[len(drop):]
    return words


def enrich(participant: Participant, head, actors, dictionary, lex: EventLexicon) -> Participant:
    """An actor found without country or sector, completed from its own phrase ("British Defence Secretary
    Tom King": GBR, government)."""
    if participant.country and participant.sector:
        return participant
    words = [t for t in head.doc[head.left_edge.i:head.i + 1] if t.i != head.i]
    country = participant.country or next(
        (c for t in words if t.pos_ in ("ADJ", "PROPN") and (c := modifier_country(t, None, dictionary))), None)
    sector = participant.sector or next(
        (s for t in [*words, head] if (s := role_sector(t, dictionary))), None)
    return Participant(participant.name, country, sector, participant.actor)


def role_sector(tok, dictionary) -> str | None:
    """The sector a role word gives ("minister", "Vice-President"), from the actor lexicon."""
    if dictionary is None:
        return None
    word = tok.lower_.replace("-", " ")
    return dictionary.lexicon.roles.get(word) or dictionary.lexicon.roles.get(tok.lemma_.lower())


def head_sector(head, dictionary, lex: EventLexicon) -> str | None:
    """The sector a group's head noun gives: the event lexicon's, else the actor lexicon's roles and
    institutions."""
    lemma = head.lemma_.lower()
    if lemma in lex.group_heads:
        return lex.group_heads[lemma]
    if dictionary is None:
        return None
    words = dictionary.lexicon
    return words.roles.get(lemma) or words.institutions.get(lemma) or words.organisation_heads.get(lemma)


def modifier_country(tok, actors, dictionary) -> str | None:
    """The country a modifier names ("Iranian", "U.S.", "Russia"): through the actor index, else the
    dictionary's written forms."""
    if actors is not None:
        actor = actors.at(tok.idx, tok.idx + len(tok.text))
        if actor is not None and actor.country:
            return actor.country
    if dictionary is None:
        return None
    for surface in dictionary.surfaces.get(tok.text, ()):
        if surface.entry is not None and surface.entry.country:
            return surface.entry.country
    return None
