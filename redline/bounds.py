"""Bounds on what one input unit may cost, loaded from the `bounds:` section of `redline/data/ingest.yaml`.

They turn hostile or broken inputs (a 1 GB line, JSON nested 100,000 deep, 200,000 quote marks in a row)
into a reason in the run summary instead of a crash, a hang or all the machine's memory.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from redline.datafiles import load_data_yaml

_MB = 1024 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class Bounds:
    """Per-unit limits: bytes read, JSON depth, and the shape of the text given to the parser."""

    max_line_bytes: int = 16 * _MB
    max_stdin_bytes: int = 256 * _MB
    stream_idle_seconds: float = 30.0
    max_json_depth: int = 64
    max_nlp_chars: int = 50_000
    max_token_run: int = 40
    max_char_run: int = 40
    max_word_chars: int = 400
    max_sentence_tokens: int = 200
    article_seconds: float = 8.0

    @classmethod
    def from_mapping(cls, data: dict) -> "Bounds":
        """Bounds from a `bounds:` mapping (sizes in MB as the YAML writes them); missing keys keep defaults."""
        values = {}
        for key, value in data.items():
            if key.endswith("_mb"):
                values[key[:-3] + "_bytes"] = int(float(value) * _MB)
            else:
                values[key] = value
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown bounds in ingest.yaml: {', '.join(unknown)}")
        return cls(**{k: (float(v) if known[k] == "float" else int(v)) for k, v in values.items()})


@lru_cache(maxsize=1)
def shipped_bounds() -> Bounds:
    """The bounds shipped in `redline/data/ingest.yaml`."""
    return Bounds.from_mapping(load_data_yaml("ingest.yaml").get("bounds", {}))
