"""The event lexicons (`redline/data/events/*.yaml`), loaded once per process into typed, frozen tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from redline.datafiles import load_data_yaml


@dataclass(frozen=True, slots=True)
class Sense:
    """What a trigger word means: its PLOVER type and mode."""

    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Every word list the coder reads; see the YAML files for what each means."""

    verbs: dict[str, Sense]
    verb_words: frozenset[str]  # every verb key any table lists
    verb_phrases: frozenset[str]  # the multiword ones ("call off")
    nouns: dict[str, Sense]
    noun_phrase_lengths: tuple[int, ...]
    noun_heads: frozenset[str]  # words a noun key can be read from: its head, or its first word ("state of ...")
    reporting: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    planning: frozenset[str]
    planning_nouns: frozenset[str]
    readiness: frozenset[str]
    future: dict[str, str]
    conditional_threat: frozenset[str]
    content_verbs: frozenset[str]
    needs_content: frozenset[str]
    light_verbs: frozenset[str]
    reverse_concede: frozenset[str]
    reverse_concede_objects: frozenset[str]
    reverse_sanction: frozenset[str]
    reverse_sanction_objects: frozenset[str]
    accept_verbs: frozenset[str]
    accept_objects: dict[str, str]
    relation_nouns: frozenset[str]
    access_nouns: frozenset[str]
    open_verbs: frozenset[str]
    motion_verbs: frozenset[str]
    transfer_verbs: frozenset[str]
    military_assets: frozenset[str]
    aid_objects: frozenset[str]
    police_assets: frozenset[str]
    speech_consult: frozenset[str]
    speech_consult_preps: frozenset[str]
    phone_words: frozenset[str]
    crowd_words: frozenset[str]
    status: dict[str, frozenset[str]]
    dates: dict[str, Any]
    threat_modes: dict[str, str]
    quantity_nouns: frozenset[str]
    stative_passives: frozenset[str]
    aspect_verbs: frozenset[str]
    not_events: frozenset[str]
    partitives: frozenset[str]
    aim_nouns: frozenset[str]
    grammar: dict[str, frozenset[str]]
    request_modes: dict[str, str]
    target_prepositions: frozenset[str]
    reciprocal_prepositions: frozenset[str]
    mediation_words: frozenset[str]
    group_heads: dict[str, str | None]
    group_modifiers: dict[str, str]


def _read(name: str) -> dict[str, Any]:
    """One YAML file of redline/data/events as a mapping."""
    return load_data_yaml("events", name)


def _words(values: Any) -> frozenset[str]:
    """A list of the YAML as a set of lower-case entries."""
    return frozenset(str(v).strip().lower() for v in values or ())


def _senses(table: dict[str, dict[str, str | None]]) -> dict[str, Sense]:
    """Word -> sense, the first type listed winning for a word listed twice."""
    senses: dict[str, Sense] = {}
    for type_, words in table.items():
        for word, mode in (words or {}).items():
            senses.setdefault(str(word).lower(), Sense(type_, mode))
    return senses


# word lists of frames.yaml read as they are, under their own name
_FRAME_LISTS = ("reporting", "intent_verbs", "intent_adjectives", "planning", "planning_nouns", "readiness",
                "content_verbs", "needs_content", "light_verbs", "relation_nouns", "access_nouns", "open_verbs",
                "motion_verbs", "transfer_verbs", "military_assets", "aid_objects", "police_assets", "crowd_words",
                "quantity_nouns", "stative_passives", "aspect_verbs", "aim_nouns", "target_prepositions",
                "reciprocal_prepositions", "mediation_words")


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The shipped event lexicon (read once per process)."""
    triggers, frames, groups = _read("triggers.yaml"), _read("frames.yaml"), _read("groups.yaml")
    nouns, verbs = _senses(triggers["nouns"]), _senses(triggers["verbs"])
    return EventLexicon(
        verbs=verbs,
        nouns=nouns,
        **_verb_keys(verbs, frames),
        noun_phrase_lengths=tuple(sorted({len(k.split()) for k in nouns}, reverse=True)),
        noun_heads=frozenset(k.split()[-1] for k in nouns) | frozenset(k.split()[0] for k in nouns if " of " in k)
        | _words(frames["quantity_nouns"]),
        **{name: _words(frames[name]) for name in _FRAME_LISTS},
        future={str(k): str(v) for k, v in frames["future"].items()},
        conditional_threat=frozenset(frames["conditional_threat"]),
        **_object_frames(frames),
        speech_consult=_words(frames["speech_consult"]["verbs"]),
        speech_consult_preps=_words(frames["speech_consult"]["preps"]),
        phone_words=_words(frames["speech_consult"]["phone_words"]),
        threat_modes=dict(frames["threat_modes"]),
        request_modes=dict(frames["request_modes"]),
        grammar={key: _words(values) for key, values in frames["grammar"].items()},
        status={key: _words(values) for key, values in _read("status.yaml").items()},
        dates=_read("dates.yaml"),
        not_events=_words(triggers["not_events"]),
        partitives=_words(groups["partitives"]),
        group_heads={str(k).lower(): v for k, v in groups["heads"].items()},
        group_modifiers={str(k).lower(): str(v) for k, v in groups["modifiers"].items()},
    )


def _object_frames(frames: dict[str, Any]) -> dict[str, Any]:
    """The verbs that take their type from their object, and the object types each accepts."""
    accept = frames["accept"]
    return {
        "reverse_concede": _words(frames["reverse_concede"]["verbs"]),
        "reverse_concede_objects": frozenset(frames["reverse_concede"]["objects"]),
        "reverse_sanction": _words(frames["reverse_sanction"]["verbs"]),
        "reverse_sanction_objects": frozenset(frames["reverse_sanction"]["objects"]),
        "accept_verbs": _words(accept["verbs"]),
        "accept_objects": {str(k): str(v) for k, v in accept["objects"].items()},
    }


def _verb_keys(verbs: dict[str, Sense], frames: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Every verb key any table lists (to repair a wrong lemma against), and the multiword ones."""
    lists = ("reporting", "intent_verbs", "intent_adjectives", "planning", "readiness", "content_verbs",
             "light_verbs", "open_verbs", "motion_verbs", "transfer_verbs", "aspect_verbs", "stative_passives")
    words = frozenset(verbs).union(
        *(_words(frames[k]) for k in lists), _words(frames["reverse_concede"]["verbs"]),
        _words(frames["reverse_sanction"]["verbs"]), _words(frames["accept"]["verbs"]),
        _words(frames["speech_consult"]["verbs"]), {"protest"})
    return {"verb_words": words, "verb_phrases": frozenset(w for w in words if " " in w)}
