"""Targets that are no actor: when a clause names no actor as its target, its object phrase is the target
under its own words ("rejected the election results", "seized the pumping stations"), as PLOVER codes
it. The phrase has no country or sector; it never identifies an event on its own (the source must)."""

from __future__ import annotations

from functools import lru_cache

from redline.datafiles import load_data_yaml

from .groups import Participant
from .lexicon import EventLexicon
from .nouns import noun_sense
from .roles import objects


@lru_cache(maxsize=1)
def _config() -> dict:
    """The word lists of `redline/data/events/phrases.yaml`."""
    return load_data_yaml("events", "phrases.yaml")


def phrase_targets(verbs: list, lex: EventLexicon) -> list[Participant]:
    """The first object phrase of the verbs (in order) that is a noun phrase, as a target with no country."""
    cfg = _config()
    for verb in verbs:
        for obj in objects(verb, lex):
            if obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() not in cfg["skip_heads"] and noun_sense(
                    obj, lex) is None:  # an event noun ("signalling a threat") is no target
                return [Participant(object_phrase(obj, cfg), None, None)]
    return []


def object_phrase(head, cfg: dict) -> str:
    """A noun phrase's words: the head, its left modifiers and its "of" phrase, without the article,
    relative clauses or appositions, at most `max_words` words."""
    keep = {head.i}
    for child in head.children:
        if child.i < head.i and child.dep_ not in cfg["dropped_deps"]:
            keep.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ in cfg["kept_prepositions"]:
            keep.update(t.i for t in child.subtree)
    doc = head.doc
    words = [doc[i] for i in sorted(keep) if not doc[i].is_punct or doc[i].text in ("'s", "-")]
    while words and words[0].dep_ in cfg["dropped_deps"]:
        words.pop(0)
    return " ".join(t.text for t in words[: int(cfg["max_words"])]).replace(" 's", "'s")
