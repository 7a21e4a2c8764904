"""The package's data files (lexicons, profiles, thresholds) under `redline/data/`, read the same way everywhere."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


def read_data(*parts: str) -> str:
    """The text of a shipped data file, e.g. `read_data("events", "triggers.yaml")`."""
    entry = resources.files("redline.data")
    for part in parts:
        entry = entry.joinpath(part)
    return entry.read_text(encoding="utf-8")


def load_data_yaml(*parts: str) -> Any:
    """A shipped YAML data file, parsed (an empty file gives an empty mapping)."""
    return yaml.safe_load(read_data(*parts)) or {}


FUNCTION_WORDS = "function_words.yaml"  # the closed-class word lists of the extraction stages


class DataFileError(ValueError):
    """A shipped data file lacks a list the code reads, or the list holds something other than words."""


@lru_cache(maxsize=None)
def word_list(name: str, file: str = FUNCTION_WORDS) -> tuple[str, ...]:
    """The word list `name` ("section.list") of a shipped data file, in file order.

    DataFileError when it is missing or holds anything but strings: a bare `on` or `no` that YAML 1.1 read
    as a boolean would otherwise silently drop the word.
    """
    found: Any = load_data_yaml(file)
    for key in name.split("."):
        if not isinstance(found, dict) or key not in found:
            raise DataFileError(f"{file} has no word list {name!r}")
        found = found[key]
    return checked_words(found, f"{file} {name!r}")


def checked_words(value: Any, where: str) -> tuple[str, ...]:
    """`value` as a tuple of words; DataFileError unless it is a list of strings."""
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise DataFileError(f"{where} must be a list of words (quote on/off/yes/no): {value!r}")
    return tuple(value)


def word_set(name: str, file: str = FUNCTION_WORDS) -> frozenset[str]:
    """The word list `name` of a shipped data file as a set, for membership tests."""
    return frozenset(word_list(name, file))
