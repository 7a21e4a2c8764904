"""The package's data files (lexicons, profiles, thresholds) under `redline/data/`, read the same way everywhere."""

from __future__ import annotations

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
