"""Name mentions: dictionary forms and NER names, each a token span that names one actor.

Dictionary forms win over the NER where they cover the same words ("Al Jazeera", "Hezbollah"), and NER
names win where they are longer than the forms inside them ("University of Tehran", "Jordan Peterson"):
those inner forms become country cues, not mentions. Demonyms ("Iranian") and capitals used as places
("reporting from Tehran") are country cues too; they give a person or organisation its country.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .dictionary import Day, Entry, Surface
from .lexicon import Lexicon, normalise_words
from .matcher import Hit
from .tokens import DocView, Entity

NAME_LABELS = {"PERSON": "person", "ORG": "organisation"}
_MISTAKEN_PERSON_LABELS = ("GPE", "NORP", "LOC")


@dataclass(slots=True)
class Name:
    """A mention by name: token span [start, end), its syntactic head, and what it names.

    `form` says how: name (a dictionary name or alias), capital (a metonym: "Tehran said"), plural ("the
    Iranians"), state ("the Iranian government", "the Trump administration") or ner (a name the dictionary
    does not know). `country` is the country cue found inside an NER name; `namesakes` are other entries
    the same words may name, also in office on the day (a title may tell them apart).
    """

    start: int
    end: int
    head: int
    kind: str
    entry: Entry | None
    form: str
    text: str
    country: str | None = None
    namesakes: tuple[Entry, ...] = ()


@dataclass(slots=True)
class NameScan:
    """The name mentions of a Doc, and the country cues (token -> ISO3) that are no mention."""

    names: list[Name]
    cues: dict[int, str]


def find_names(view: DocView, hits: list[Hit], text: str, lexicon: Lexicon, by_code: dict[str, Entry], day: Day) -> NameScan:
    """All name mentions in text order, with the country cues of demonyms and places."""
    cues: dict[int, str] = {}
    entities = [e for e in (_trim(view, e, lexicon) for e in _name_entities(view, lexicon)) if e]
    winners, demoted = _arbitrate(entities, hits)
    names: list[Name] = []
    for hit in hits:
        surface = _choose(hit.surfaces, day)
        if surface is None:
            continue
        if id(hit) in demoted:
            _cue(cues, hit, surface)
            continue
        name = _from_hit(view, hit, surface, text, lexicon, by_code, day)
        if name is None:
            _cue(cues, hit, surface)
            continue
        if name.entry is surface.entry:
            name.namesakes = tuple(s.entry for s in hit.surfaces if s.entry is not surface.entry and s.entry.office_on(day))
        names.append(name)
    for entity in winners:
        country = next((cues[i] for i in range(entity.start, entity.end) if i in cues), None)
        head = span_head(view, entity.start, entity.end)
        names.append(Name(entity.start, entity.end, head, NAME_LABELS[entity.label], None, "ner",
                          view.span_text(entity.start, entity.end, text), country))
    names.sort(key=lambda n: n.start)
    return NameScan(names, cues)


def _name_entities(view: DocView, lexicon: Lexicon) -> list[Entity]:
    """PERSON and ORG entities, with the people the NER takes for organisations ("Nadia Karimi") or places
    ("Karim Sadeghi, a political analyst," is sometimes tagged GPE) relabelled."""
    found = []
    for entity in view.entities:
        if entity.label == "ORG" and _looks_like_person(view, entity, lexicon):
            found.append(Entity(entity.start, entity.end, "PERSON"))
        elif entity.label in NAME_LABELS:
            found.append(entity)
        elif entity.label in _MISTAKEN_PERSON_LABELS and _has_person_apposition(view, entity, lexicon):
            found.append(Entity(entity.start, entity.end, "PERSON"))
    return found


def _looks_like_person(view: DocView, entity: Entity, lexicon: Lexicon) -> bool:
    """True for an ORG entity of two to four words that starts with a given name and has no organisation word."""
    words = [view.text[i] for i in range(entity.start, entity.end) if view.pos[i] != "PUNCT"]
    return (2 <= len(words) <= 4 and words[0] in lexicon.given_names
            and not any(normalise_words(w) in lexicon.organisation_heads for w in words))


def _has_person_apposition(view: DocView, entity: Entity, lexicon: Lexicon) -> bool:
    """True when the entity's head has an apposition headed by a lexicon role noun."""
    head = span_head(view, entity.start, entity.end)
    return any(view.dep[c] == "appos" and lexicon.is_role_word(view.lower[c]) for c in view.children[head])


def span_head(view: DocView, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span (the last such when there are several)."""
    heads = [i for i in range(start, end) if not start <= view.head[i] < end or view.head[i] == i]
    return heads[-1] if heads else end - 1


def _trim(view: DocView, entity: Entity, lexicon: Lexicon) -> Entity | None:
    """The entity without a leading determiner, title or honorific, or a trailing possessive or punctuation."""
    start, end = entity.start, entity.end
    while start < end and (view.lower[start] in lexicon.determiners or view.pos[start] == "PUNCT"):
        start += 1
    if entity.label == "PERSON":
        while start < end and view.text[start][:1].isupper() and _is_title_word(view.lower[start], lexicon):
            start += 1
    while end > start and (view.tag[end - 1] == "POS" or view.pos[end - 1] in ("PUNCT", "SPACE")):
        end -= 1
    if end <= start or not any(view.text[i][:1].isupper() for i in range(start, end)):
        return None
    if all(_is_title_word(view.lower[i], lexicon) for i in range(start, end)):
        return None
    # "Rafah crossing": a lone name used as a noun modifier is a place or thing, not a person
    if entity.label == "PERSON" and end - start == 1 and view.dep[start] == "compound" and view.pos[view.head[start]] == "NOUN":
        return None
    return Entity(start, end, entity.label)


def _is_title_word(word: str, lexicon: Lexicon) -> bool:
    """True for a word of a title or an honorific ("President", "Prime", "Sheikh", "Mr.")."""
    word = normalise_words(word)
    return word in lexicon.role_words or word in lexicon.honorifics


def _arbitrate(entities: list[Entity], hits: list[Hit]) -> tuple[list[Entity], set[int]]:
    """NER names that stand (no dictionary name covers them), and the ids of hits they demote to cues."""
    winners: list[Entity] = []
    demoted: set[int] = set()
    starts = [h.start for h in hits]
    for entity in entities:
        # hits are sorted and do not overlap: only those starting before the entity's end can touch it
        last = bisect_left(starts, entity.end)
        inside = [h for h in hits[max(0, bisect_left(starts, entity.start) - 1):last] if h.end > entity.start]
        if any(_names_actor(h) for h in inside) or _blocked(entity, inside):
            continue
        covered = {i for h in inside for i in range(h.start, h.end)}
        if all(entity.start <= i < entity.end and i in covered for i in range(entity.start, entity.end)):
            continue
        if any(h.start < entity.start or h.end > entity.end for h in inside):
            continue
        winners.append(entity)
        demoted.update(id(h) for h in inside)
    return winners, demoted


def _blocked(entity: Entity, inside: list[Hit]) -> bool:
    """True when a `not_actors` name covers the whole entity ("Idlib" is a place, whatever the NER says)."""
    return any(h.start <= entity.start and h.end >= entity.end and any(s.entry is None for s in h.surfaces) for h in inside)


def _names_actor(hit: Hit) -> bool:
    """True for a hit of a person's, organisation's or group's name (these beat the NER's span)."""
    return any(s.entry is not None and s.form == "name" and s.entry.kind != "country" for s in hit.surfaces)


def _choose(surfaces: tuple[Surface, ...], day: Day) -> Surface | None:
    """The surface a hit stands for: among namesakes, the one in office on the day; None for a blocker."""
    actual = [s for s in surfaces if s.entry is not None]
    if len(actual) < len(surfaces):
        return None
    if len(actual) > 1:
        in_office = [s for s in actual if s.entry.office_on(day) is not None]
        if in_office:
            return in_office[0]
    return actual[0]


def _cue(cues: dict[int, str], hit: Hit, surface: Surface) -> None:
    """Record a hit's country as a cue on its tokens."""
    code = surface.entry.country if surface.entry is not None else None
    if code:
        for i in range(hit.start, hit.end):
            cues[i] = code


def _from_hit(view: DocView, hit: Hit, surface: Surface, text: str, lexicon: Lexicon,
              by_code: dict[str, Entry], day: Day) -> Name | None:
    """The mention a dictionary hit makes, or None when it is only a country cue."""
    entry, form = surface.entry, surface.form
    head = span_head(view, hit.start, hit.end)
    words = view.span_text(hit.start, hit.end, text)
    if form == "demonym":
        noun = _state_noun(view, head, lexicon)
        if noun is None:
            return None
        end = noun + 1 if noun == hit.end else hit.end
        return Name(hit.start, end, head, "country", entry, "state", words)
    if form == "plural":
        before = hit.start - 1
        definite = before >= 0 and view.lower[before] in lexicon.definite_determiners and view.dep[before] == "det"
        return Name(hit.start, hit.end, head, "country", entry, "plural", words) if definite else None
    if form == "capital":
        return Name(hit.start, hit.end, head, entry.kind, entry, "capital", words) if _metonym(view, head, lexicon) else None
    if entry.kind == "person" and view.dep[head] == "compound" and view.lower[view.head[head]] in lexicon.state_nouns:
        state = by_code.get(entry.country_on(day) or entry.country or "")
        if state is not None:
            noun = view.head[head]
            return Name(hit.start, max(noun + 1, hit.end), noun, "country", state, "state", words)
    return Name(hit.start, hit.end, head, entry.kind, entry, "name", words)


def _state_noun(view: DocView, token: int, lexicon: Lexicon) -> int | None:
    """The state noun a demonym modifies ("Iranian government", "U.S. and Iranian governments"), or None."""
    while view.dep[token] == "conj" and view.head[token] != token:
        token = view.head[token]
    if view.dep[token] not in ("amod", "compound", "nmod"):
        return None
    noun = view.head[token]
    return noun if view.lower[noun] in lexicon.state_nouns or _singular(view.lower[noun]) in lexicon.state_nouns else None


def _singular(word: str) -> str:
    """A crude singular for the state nouns ("governments" -> "government")."""
    return word[:-1] if word.endswith("s") else word


def _metonym(view: DocView, token: int, lexicon: Lexicon) -> bool:
    """True when a capital stands for its state: not the object of a place preposition, not a modifier."""
    dep = view.dep[token]
    if dep == "pobj" and view.lower[view.head[token]] in lexicon.locative_prepositions:
        return False
    return dep not in ("compound", "amod", "npadvmod")
