"""The shipped data files: every list holds words, never a boolean YAML 1.1 made of a bare on/off/yes/no."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import redline
from redline.datafiles import load_data_yaml

DATA = Path(redline.__file__).parent / "data"  # a namespace package: resources.files gives no plain path
YAML_FILES = sorted(path.relative_to(DATA) for path in DATA.rglob("*.yaml"))


def _booleans_in_lists(value: Any, where: str) -> list[str]:
    """The places (file/key/index) where a list holds a boolean, or a mapping has a boolean key."""
    found: list[str] = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, bool):
                found.append(f"{where}[{i}]={item}")
            found += _booleans_in_lists(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, bool):
                found.append(f"{where} key {key}")
            found += _booleans_in_lists(item, f"{where}/{key}")
    return found


def test_datafiles_finder_sees_bare_on_as_boolean() -> None:
    """The check itself: a bare on in a flow list is what YAML 1.1 turns into True."""
    assert _booleans_in_lists(yaml.safe_load("call: [for, on]\nspeak: [\"on\"]"), "x") == ["x/call[1]=True"]


def test_datafiles_exist() -> None:
    """The data folder is found and holds the cue lexicon, so the parametrised test below is not empty."""
    assert Path("cue_verbs.yaml") in YAML_FILES


@pytest.mark.parametrize("name", [str(p) for p in YAML_FILES])
def test_datafiles_lists_hold_no_booleans(name: str) -> None:
    """No list (or key) in a shipped YAML file is a boolean: quote on, off, yes, no, y, n."""
    assert _booleans_in_lists(load_data_yaml(*Path(name).parts), name) == []


def test_datafiles_prepositional_content_keeps_on() -> None:
    """"insist on", "comment on", "call on" read their content from the preposition "on"."""
    table = load_data_yaml("cue_verbs.yaml")["prepositional_content"]
    assert all("on" in table[verb] for verb in ("call", "speak", "comment", "insist", "testify", "report", "agree"))
