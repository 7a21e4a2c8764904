"""Options for reading inputs and deduplicating, loaded from `redline/data/ingest.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from redline.bounds import Bounds, shipped_bounds
from redline.datafiles import load_data_yaml
from redline.dedup import DedupOptions
from redline.ingest.given import GivenMetadata

_MB = 1024 * 1024


def _package_yaml(name: str) -> dict[str, Any]:
    """A YAML data file shipped in `redline/data`."""
    return load_data_yaml(name)


@dataclass(frozen=True, kw_only=True, slots=True)
class RecordFields:
    """The field names accepted for each part of a JSON record, first present wins."""

    text: tuple[str, ...] = ()
    html: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    url: tuple[str, ...] = ()
    source: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra: Path | None = None) -> "RecordFields":
        """The shipped field names, with a user file's names tried first."""
        data = _package_yaml("record_fields.yaml")
        if extra is not None:
            user = yaml.safe_load(extra.read_text(encoding="utf-8")) or {}
            data = {key: list(user.get(key, [])) + list(data.get(key, [])) for key in data}
        return cls(**{f.name: tuple(data.get(f.name, ())) for f in fields(cls)})


@dataclass(frozen=True, kw_only=True, slots=True)
class IngestOptions:
    """Everything that steers reading, cleaning and deduplication in one run."""

    max_page_bytes: int = 16 * _MB
    max_record_bytes: int = 16 * _MB
    batch_size: int = 200
    min_article_words: int = 25
    min_prose_share: float = 0.3
    nlp: bool = True
    processes: int | str = "auto"
    parallel_from_bytes: int = 4 * _MB
    nlp_batch_size: int = 32
    profile: str | None = None  # case profile name or YAML path for the position stage; None is open mode
    dedup: DedupOptions = field(default_factory=DedupOptions)
    fields: RecordFields = field(default_factory=RecordFields.load)
    bounds: Bounds = field(default_factory=shipped_bounds)
    given: GivenMetadata = field(default_factory=GivenMetadata)  # --date/--source/--url and sources.yaml

    @classmethod
    def load(cls, config: Path | None = None, **overrides: Any) -> "IngestOptions":
        """Options from the shipped `ingest.yaml`, a user YAML file over it, then keyword overrides."""
        data = _package_yaml("ingest.yaml")
        if config is not None:
            user = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
            data = {**data, **user, "dedup": {**data.get("dedup", {}), **user.get("dedup", {})},
                    "bounds": {**data.get("bounds", {}), **user.get("bounds", {})}}
        options = cls(
            max_page_bytes=int(float(data["max_page_mb"]) * _MB),
            max_record_bytes=int(float(data["max_record_mb"]) * _MB),
            batch_size=int(data["batch_size"]),
            min_article_words=int(data["min_article_words"]),
            min_prose_share=float(data["min_prose_share"]),
            nlp=bool(data.get("nlp", True)),
            processes=data.get("processes", "auto"),
            parallel_from_bytes=int(float(data.get("parallel_from_mb", 4)) * _MB),
            nlp_batch_size=int(data.get("nlp_batch_size", 32)),
            dedup=DedupOptions(**data.get("dedup", {})),
            bounds=Bounds.from_mapping(data.get("bounds", {})),
        )
        return replace(options, **overrides)


def spacy_processes(options: IngestOptions, input_bytes: int) -> int:
    """How many spaCy processes to run for this much input: the configured number, or auto."""
    import os

    if options.processes != "auto":
        return max(1, int(options.processes))
    if input_bytes < options.parallel_from_bytes:
        return 1
    return max(1, min(2, os.cpu_count() or 1))
