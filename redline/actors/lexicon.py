"""The actor lexicon: role words and their sectors, honorifics, pronouns and the other cue lists.

Every word list lives under `cues:` in `redline/data/actors.yaml`; this module only gives them types and
the two lookups everything else needs (a role phrase's sector, an office title's key).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from redline.datafiles import load_data_yaml

# The actor sectors an entry or a role may have (PLOVER's actor attributes), defined once in the data.
SECTORS = frozenset(load_data_yaml("sectors.yaml")["sectors"])


def normalise_words(text: str) -> str:
    """Lower case, hyphens and dots as spaces, spaces collapsed: the form lexicon keys are compared in."""
    return " ".join(text.casefold().replace("-", " ").replace(".", " ").replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """The lexicon role a phrase ends in: its key ("prime minister") and sector (None: none of its own)."""

    key: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The `cues` section of the actor data, typed; see the comments in actors.yaml for each list."""

    roles: Mapping[str, str | None]
    role_heads: frozenset[str]
    role_words: frozenset[str]
    description_heads: frozenset[str]
    sector_modifiers: Mapping[str, str]
    affiliation_roles: frozenset[str]
    affiliation_country_sectors: frozenset[str]
    anonymous_roles: frozenset[str]
    title_synonyms: Mapping[str, str]
    honorifics: Mapping[str, str | None]
    gendered_roles: Mapping[str, str]
    given_names: Mapping[str, str]
    person_pronouns: Mapping[str, str]
    plural_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    state_nouns: frozenset[str]
    institutions: Mapping[str, str]
    organisation_heads: Mapping[str, str | None]
    locative_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    copulas: frozenset[str]
    past_markers: frozenset[str]
    determiners: frozenset[str]
    definite_determiners: frozenset[str]
    not_actors: tuple[str, ...]
    demonym_plural_none: tuple[str, ...]
    pronoun_window_sentences: int
    cataphora_window_sentences: int
    role_prepositions: frozenset[str]
    title_prepositions: frozenset[str]
    organisation_prepositions: frozenset[str]

    @classmethod
    def from_mapping(cls, cues: Mapping[str, Any]) -> Lexicon:
        """The lexicon from the merged `cues` mapping, keys normalised like the text they are compared with."""
        roles = {normalise_words(k): v for k, v in cues["roles"].items()}
        role_heads = frozenset(key.split(" of ")[0].rsplit(" ", 1)[-1] for key in roles)
        institutions = {normalise_words(k): v for k, v in cues["institutions"].items()}
        return cls(
            roles=roles,
            role_heads=role_heads,
            role_words=frozenset(word for key in roles for word in key.split()),
            # the words a nameless description can end in: a role's head or an institution's
            description_heads=role_heads | {key.rsplit(" ", 1)[-1] for key in institutions},
            sector_modifiers={normalise_words(k): v for k, v in cues["sector_modifiers"].items()},
            affiliation_roles=_word_set(cues["affiliation_roles"]),
            affiliation_country_sectors=frozenset(cues["affiliation_country_sectors"]),
            anonymous_roles=_word_set(cues["anonymous_roles"]),
            title_synonyms={normalise_words(k): normalise_words(v) for k, v in cues["title_synonyms"].items()},
            honorifics={normalise_words(k): v for k, v in cues["honorifics"].items()},
            gendered_roles={normalise_words(k): v for k, v in cues["gendered_roles"].items()},
            given_names={name: gender for gender, names in cues["given_names"].items() for name in names},
            person_pronouns={k.casefold(): v for k, v in cues["person_pronouns"].items()},
            plural_pronouns=_word_set(cues["plural_pronouns"]),
            thing_pronouns=_word_set(cues["thing_pronouns"]),
            state_nouns=_word_set(cues["state_nouns"]),
            institutions=institutions,
            organisation_heads={normalise_words(k): v for k, v in cues["organisation_heads"].items()},
            locative_prepositions=_word_set(cues["locative_prepositions"]),
            place_prepositions=_word_set(cues["place_prepositions"]),
            copulas=_word_set(cues["copulas"]),
            past_markers=_word_set(cues["past_markers"]),
            determiners=_word_set(cues["determiners"]),
            definite_determiners=_word_set(cues["definite_determiners"]),
            not_actors=tuple(str(name) for name in cues["not_actors"]),
            demonym_plural_none=tuple(cues["demonym_plural_none"]),
            pronoun_window_sentences=int(cues["pronoun_window_sentences"]),
            cataphora_window_sentences=int(cues["cataphora_window_sentences"]),
            role_prepositions=_word_set(cues["role_prepositions"]),
            title_prepositions=_word_set(cues["title_prepositions"]),
            organisation_prepositions=_word_set(cues["organisation_prepositions"]),
        )

    def role(self, words: list[str]) -> RoleMatch | None:
        """The longest lexicon role that the normalised words end with ("associate professor" -> professor)."""
        for start in range(len(words)):
            key = " ".join(words[start:])
            if key in self.roles:
                return RoleMatch(key, self.roles[key])
        return None

    def is_role_word(self, word: str) -> bool:
        """True when the word is the last word of some lexicon role (a description's possible head)."""
        return word in self.role_heads

    def title_key(self, title: str) -> str:
        """The key an office title is compared under: its synonym's, else its words before a title preposition."""
        words = normalise_words(title)
        if words in self.title_synonyms:
            return self.title_synonyms[words]
        # "Adviser to the Supreme Leader" and "Secretary of the Supreme National Security Council" are
        # described in the press by their head ("an adviser", "the secretary"): key on the words before the PP.
        head = words
        for preposition in self.title_prepositions:
            head = head.split(f" {preposition} ", 1)[0]
        return self.title_synonyms.get(head, head)

    def gender_of_role(self, key: str | None) -> str | None:
        """The gender a role marks ("emir": m), or None."""
        return self.gendered_roles.get(key) if key else None


def _word_set(words: Iterable[Any]) -> frozenset[str]:
    """A set of normalised words."""
    return frozenset(normalise_words(str(word)) for word in words)
