"""Actors: the people, organisations, groups and countries of an article, each resolved to one canonical
actor with its country (ISO 3166 alpha-3), PLOVER sector, role and every mention (names, aliases, titles,
descriptions, pronouns).

    index = find_actors(doc, published="2026-02-11")
    index.at(start, end)        # the actor a span of the text refers to, or None
"""

from .dictionary import ActorDictionary, DictionaryError, Entry, Office
from .index import Actor, ActorIndex
from .stage import find_actors

__all__ = ["Actor", "ActorDictionary", "ActorIndex", "DictionaryError", "Entry", "Office", "find_actors"]
