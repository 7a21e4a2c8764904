"""A holder named by context: a surname for the full name before it, a body or official with no state of
its own, a pronoun or role noun ("he said", "the ministry said") for the holder named just before.

The HolderResolver (holder.py) asks these after its own reading of a phrase found no party. Each answer
comes from the article itself, never from a list of names: the word lists (data/holders.yaml) only say which
words point back ("he", "the spokesman") and which roles are government offices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Token

from redline.datafiles import load_data_yaml, word_set

HOLDERS = "holders.yaml"
PERSON_PRONOUNS = word_set("person_pronouns", HOLDERS)
BODY_PRONOUNS = word_set("body_pronouns", HOLDERS)
PLURAL_PRONOUNS = word_set("plural_pronouns", HOLDERS)
PERSON_ROLES = word_set("person_role_nouns", HOLDERS)
BODY_ROLES = word_set("body_role_nouns", HOLDERS)
GOVERNMENT_WORDS = word_set("government_words", HOLDERS)
OUT_OF_OFFICE = word_set("out_of_office_words", HOLDERS)
LOOKBACK = int(load_data_yaml(HOLDERS)["lookback_sentences"])
PEOPLE_BODIES: dict[str, dict[str, dict[str, str]]] = load_data_yaml(HOLDERS)["people_bodies"]
AUTHORITY_HEADS = word_set("authority_heads", HOLDERS)
FORCE_HEADS = word_set("force_heads", HOLDERS)
DEFINITE = frozenset({"the"})  # "the spokesman": one named before; "a spokesman" is anyone


def home_state(source: str | None, dictionary: Any) -> str | None:
    """The state of a publisher ("People's Daily" -> CHN), when the actor dictionary lists it as a media
    outlet with a country; None otherwise."""
    if not source or dictionary is None:
        return None
    for form in dict.fromkeys((source.strip(), source.strip().removeprefix("The "))):
        for surface in dictionary.surfaces.get(form, ()):
            entry = surface.entry
            if entry is not None and entry.kind == "organisation" and entry.sector == "media" and entry.country:
                return entry.country
    return None


def people_body(people: str, head: str, setting: Callable[[Iterable[str]], str | None]) -> str | None:
    """The party name of a people's authorities or forces ("Kurdish officials", "Kurdish fighters") in the
    state `setting` picks among those listed for it, or None (not a people's body, or no setting)."""
    bodies = PEOPLE_BODIES.get(people)
    kind = "authorities" if head in AUTHORITY_HEADS else "forces" if head in FORCE_HEADS else None
    if not bodies or kind is None:
        return None
    state = setting(bodies)
    return bodies[state].get(kind) if state is not None else None


def first_mention(actor: Any) -> int:
    """The character offset of an actor's first mention (a large number when it has none)."""
    return min((s for s, _ in actor.mentions), default=1 << 62)


def full_name(actors: Any, actor: Any) -> Any:
    """The person whose longer name an actor's one-word name begins or ends, named earlier in the article
    ("Gao" after "Gao Feng", "Javid" after "Sajid Javid"); the nearest such name before it wins. The actor
    itself when it is no bare word, already has a state or role, or no earlier name fits."""
    if actors is None or " " in actor.name or actor.country or actor.role:
        return actor
    if actor.sector if actor.kind == "organisation" else actor.kind != "person":
        return actor  # a named organisation, a country or a group: no surname (a bare "Wang" may be an ORG)
    first = first_mention(actor)
    best, best_at = actor, -1
    for other in actors.actors:
        words = other.name.split()
        if other is actor or other.kind != "person" or len(words) < 2 or actor.name not in (words[0], words[-1]):
            continue
        before = [s for s, _ in other.mentions if s < first]
        if before and max(before) > best_at:
            best, best_at = other, max(before)
    return best


def is_government(text: str | None) -> bool:
    """True when a role or body name holds a government-office word ("Vice-Minister of Commerce") and no
    word that puts it out of office ("former", "shadow")."""
    if not text:
        return False
    lower = text.lower().replace("’", "'")
    words = set(lower.replace(",", " ").replace("-", "- ").split())
    if words & OUT_OF_OFFICE:
        return False  # "shadow home secretary", "former minister"
    return any(w in words or (" " in w and w in lower) for w in GOVERNMENT_WORDS)


def voice_state(quotes: list, char: int) -> str | None:
    """The state of the nearest voice before a character offset: the country of the last quote with a
    state-resolved speaker that starts before it (the writer leaves a body's state unsaid when the state
    it speaks for has just been speaking)."""
    before = [q for q in quotes if q.start < char and getattr(q, "speaker_country", None)]
    return max(before, key=lambda q: q.start).speaker_country if before else None


def points_back(token: Token) -> str | None:
    """What kind of holder a word stands for when it names none itself: "person" ("he"), "body" ("it",
    "the ministry"), "any" ("they", "the spokesman"); None for other words."""
    lower = token.lower_
    if token.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
            return "person"
        if lower in BODY_PRONOUNS:
            return "body"
        return "any" if lower in PLURAL_PRONOUNS else None
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in token.children):
        return None  # "the Iranian foreign ministry": its modifiers name it
    if lower in PERSON_ROLES:
        return "any"  # "the spokesman": of the person or of the body named before
    return "body" if lower in BODY_ROLES else None


def earlier_sources(token: Token, actors: Any, quotes: list) -> list[tuple[Token | None, Any | None]]:
    """The subjects (named, not pronouns) and quote speakers of the sentences up to `LOOKBACK` before a
    token's, and of its own sentence before it, nearest first, as (subject token, None) or (None, quote)."""
    doc, sent = token.doc, token.sent
    sentences = [sent]
    while len(sentences) <= LOOKBACK and sentences[-1].start > 0:
        sentences.append(doc[sentences[-1].start - 1].sent)
    found: list[tuple[int, Token | None, Any | None]] = []
    for s in sentences:
        for t in s:
            if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
                found.append((t.idx, t, None))
        for q in quotes:
            spoken = getattr(q, "speaker_start", None)
            at = spoken if spoken is not None else q.start
            if q.speaker and s.start_char <= at < s.end_char and at < token.idx:
                found.append((at, None, q))
    return [(t, q) for _, t, q in sorted(found, key=lambda f: -f[0])]


def kind_of(actors: Any, token: Token | None, quote: Any | None) -> str:
    """"person" when a source is a person (its actor, or a person's name), else "body"."""
    if quote is not None:
        actor = actors.by_name(quote.speaker) if actors is not None else None
        return "person" if actor is not None and actor.kind == "person" else "body"
    actor = None
    if actors is not None:
        try:
            actor = actors.at(token.idx, token.idx + len(token))
        except (AttributeError, IndexError):
            actor = None
    if actor is not None:
        return "person" if actor.kind == "person" else "body"
    return "person" if token.ent_type_ == "PERSON" or token.lower_ in PERSON_ROLES else "body"
