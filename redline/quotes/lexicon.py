"""The cue lexicon (`redline/data/cue_verbs.yaml`), loaded once into frozen sets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redline.datafiles import load_data_yaml


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue lemmas by how their content is found; see the YAML file for what each list means."""

    speech: frozenset[str]
    attitude: frozenset[str]
    intention: frozenset[str]
    object_speaker: frozenset[str]
    object_content: frozenset[str]
    prepositional_content: dict[str, frozenset[str]]
    prepositions: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    view_nouns: frozenset[str]
    pronouns: frozenset[str]
    narration: frozenset[str]
    verbs: frozenset[str]  # every verb lemma that can be a cue: the union of the verb lists


def _words(data: dict, key: str) -> frozenset[str]:
    """One list of the YAML mapping as a set of lower-case entries."""
    return frozenset(str(word).strip().lower() for word in data.get(key) or ())


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The shipped cue lexicon (read once per process)."""
    data = load_data_yaml("cue_verbs.yaml")
    prepositions = tuple(sorted({tuple(p.split()) for p in _words(data, "prepositions")}, key=len, reverse=True))
    verb_lists = ("speech", "attitude", "intention", "object_speaker", "object_content")
    prepositional = {
        str(verb).lower(): frozenset(str(p).lower() for p in preps)
        for verb, preps in (data.get("prepositional_content") or {}).items()
    }
    return CueLexicon(
        speech=_words(data, "speech"),
        attitude=_words(data, "attitude"),
        intention=_words(data, "intention"),
        object_speaker=_words(data, "object_speaker"),
        object_content=_words(data, "object_content"),
        prepositional_content=prepositional,
        prepositions=prepositions,
        nouns=_words(data, "nouns"),
        adjectives=_words(data, "adjectives"),
        view_nouns=_words(data, "view_nouns"),
        pronouns=_words(data, "pronouns"),
        narration=_words(data, "narration"),
        verbs=frozenset().union(*(_words(data, key) for key in verb_lists), prepositional),
    )
