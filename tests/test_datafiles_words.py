"""Word lists in the shipped data files, read by name: file order kept, a missing list named, and a list
refused when YAML 1.1 turned one of its words into a boolean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from redline.datafiles import DataFileError, checked_words, load_data_yaml, word_list, word_set

ROOT = Path(__file__).resolve().parents[1]


def _lists(tree: dict, prefix: str = "") -> dict[str, object]:
    """Every leaf of a nested mapping by dotted name."""
    found: dict[str, object] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        found.update(_lists(value, name + ".") if isinstance(value, dict) else {name: value})
    return found


def test_datafiles_word_list_keeps_file_order_and_word_set_is_a_set() -> None:
    assert word_list("morphology.verb_suffixes") == ("ed", "ing", "es", "s")  # stripped in this order
    assert word_set("modals.obligation") == frozenset({"must", "should"})
    assert "on" in word_set("prepositions.temporal")  # quoted in the file, so a word, not True


def test_datafiles_missing_list_or_section_is_a_clear_error() -> None:
    with pytest.raises(DataFileError, match="has no word list 'pronouns.second_person'"):
        word_list("pronouns.second_person")
    with pytest.raises(DataFileError, match="must be a list of words"):
        word_list("pronouns")  # a section, not a list


def test_datafiles_yaml_booleans_are_refused() -> None:
    """A bare on/no in YAML 1.1 is a boolean: the list is refused rather than silently losing the word."""
    with pytest.raises(DataFileError, match="quote on/off/yes/no"):
        checked_words(yaml.safe_load("[of, on, over]"), "test")
    assert checked_words(yaml.safe_load('[of, "on", over]'), "test") == ("of", "on", "over")


def test_datafiles_function_words_are_lower_case_words_each_read_by_the_stages() -> None:
    """Every list of function_words.yaml is words in lower case, and some stage module reads it by name."""
    lists = _lists(load_data_yaml("function_words.yaml"))
    code = "\n".join(p.read_text(encoding="utf-8") for package in ("positions", "events", "quotes")
                     for p in (ROOT / "redline" / package).rglob("*.py"))
    for name, value in lists.items():
        words = checked_words(value, name)
        assert words and all(re.fullmatch(r"[a-z']+", w) for w in words), name
        assert f'"{name}"' in code, f"function_words.yaml {name} is read by no stage"


def test_datafiles_sector_groups_name_only_sectors() -> None:
    sectors = set(word_list("sectors", "sectors.yaml"))
    groups = _lists(load_data_yaml("sectors.yaml")["groups"])
    assert groups, "sectors.yaml defines the sector groups the positions stage reads"
    for name, members in groups.items():
        assert set(checked_words(members, name)) <= sectors, name
