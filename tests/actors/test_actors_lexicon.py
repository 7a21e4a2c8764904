"""The actor lexicon's closed-class word lists come from the data files, whole and as words."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.actors import ActorDictionary, DictionaryError
from redline.actors.lexicon import SECTORS
from redline.actors.roles import organisation_sector
from redline.datafiles import load_data_yaml


def _strings_only(value, where: str) -> list[str]:
    """The places under `value` where a list of words holds a non-string (YAML's bare on/off/yes/no)."""
    if isinstance(value, dict):
        return [bad for key, item in value.items() for bad in _strings_only(item, f"{where}.{key}")]
    if isinstance(value, list) and any(isinstance(item, str) for item in value):
        return [f"{where}: {item!r}" for item in value if isinstance(item, bool)]
    return []


@pytest.mark.parametrize("name", ["actors.yaml", "sectors.yaml"])
def test_actors_lexicon_word_lists_hold_no_yaml_booleans(name: str) -> None:
    assert _strings_only(load_data_yaml(name), name) == []


def test_actors_lexicon_sectors_are_the_plover_actor_attributes():
    assert SECTORS == {"government", "military", "rebel", "party", "opposition", "media", "expert", "igo_ngo",
                       "civilian"}


def test_actors_lexicon_a_sector_outside_the_list_is_refused(tmp_path: Path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("organisations:\n  - {name: Clergy Council, kind: organisation, country: IRN, sector: clergy}\n")
    with pytest.raises(DictionaryError, match="sector must be one of civilian, expert, government, igo_ngo"):
        ActorDictionary.load(extra=[mine])


def test_actors_lexicon_titles_and_organisations_key_on_the_words_before_their_prepositions():
    lexicon = ActorDictionary.load().lexicon
    assert lexicon.title_key("Adviser to the Supreme Leader") == "adviser"
    assert lexicon.title_key("Secretary of the Supreme National Security Council") == "secretary"
    assert organisation_sector("University of Tehran", lexicon) == "expert"
    assert organisation_sector("Tehran University", lexicon) == "expert"
    assert "on" in lexicon.organisation_prepositions and "off" in lexicon.locative_prepositions


def test_actors_lexicon_user_files_extend_the_preposition_lists(tmp_path: Path):
    """The lists are read from the data: a user's file that adds a preposition changes the keys."""
    mine = tmp_path / "mine.yaml"
    mine.write_text('cues:\n  title_prepositions: ["on"]\n  role_prepositions: [from]\n')
    shipped, extended = ActorDictionary.load().lexicon, ActorDictionary.load(extra=[mine]).lexicon
    assert shipped.title_key("Special Rapporteur on Iran") == "special rapporteur on iran"
    assert extended.title_key("Special Rapporteur on Iran") == "special rapporteur"
    assert extended.role_prepositions == shipped.role_prepositions | {"from"}
