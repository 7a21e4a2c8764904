"""Actors: the people, organisations, groups and countries of an article, each resolved to one canonical
actor with its country, sector, role and every mention (names, aliases, titles, descriptions, pronouns).

    index = find_actors(doc, published="2026-02-11")
    index.actors                # [Actor(name, kind, country, sector, role, mentions), ...]
    index.at(start, end)        # the actor a span of the text refers to, or None

Conventions (see also the header of redline/data/actors.yaml):
- `country` is ISO 3166-1 alpha-3. Intergovernmental and international non-governmental organisations,
  and the officials the dictionary lists for them, have none (None): their sector, igo_ngo, says what they
  are. A country actor has no sector: it is the state.
- A person's country is the dictionary's (the office held on the article's date, else their own); for
  people the dictionary does not know it comes from the text: a demonym or country in their title or
  apposition ("Iranian President ...", "a professor at the University of Tehran"), or the country of a
  state body or armed group they belong to. A journalist does not take the country of their outlet
  (Al Jazeera is Qatari, its reporters need not be); the outlet's name becomes their role when the text
  gives no other.
- A capital is a mention of its state only as a metonym ("Tehran said", "Tehran's weapons"), not as a
  place ("reporting from Tehran"); a demonym is never a mention of its country on its own ("Iranian
  officials"), but "the Iranians" and "the Iranian government" are.
- Pronouns and groups: he/she/they/it resolve to an actor by the rules in coref.py; a group of people
  ("officials") is no actor, and neither is a pronoun that refers to one.
"""

from .dictionary import ActorDictionary, DictionaryError, Entry, Office
from .index import Actor, ActorIndex
from .stage import actors_stage, find_actors

__all__ = ["Actor", "ActorDictionary", "ActorIndex", "DictionaryError", "Entry", "Office", "actors_stage", "find_actors"]
