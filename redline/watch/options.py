"""Options for fetching and polling, loaded from `redline/data/watch.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from redline.datafiles import load_data_yaml

_MB = 1024 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class WatchOptions:
    """Everything that steers fetching: timeouts, retries, politeness, limits (documented in watch.yaml)."""

    user_agent: str
    interval_minutes: float
    connect_timeout: float
    read_timeout: float
    page_timeout: float
    max_page_mb: float
    max_redirects: int
    retries: int
    backoff_seconds: float
    max_retry_after: float
    rate_per_second: float
    per_host: int
    workers: int
    max_url_attempts: int
    entries_per_source: int
    batch_size: int
    respect_robots: bool
    webhook_retries: int
    webhook_timeout: float

    @property
    def max_page_bytes(self) -> int:
        """The page size limit in bytes."""
        return int(self.max_page_mb * _MB)

    @classmethod
    def load(cls, config: Path | None = None, **overrides: Any) -> "WatchOptions":
        """Options from the shipped `watch.yaml`, a user YAML file over it, then keyword overrides."""
        data = load_data_yaml("watch.yaml")
        if config is not None:
            data = {**data, **(yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {})}
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown watch option(s): {', '.join(sorted(unknown))}")
        typed = {f.name: _typed(f.type, data[f.name]) for f in fields(cls)}
        return replace(cls(**typed), **overrides)


def _typed(kind: str, value: Any) -> Any:
    """A YAML value as the field's type (the annotations are strings under `from __future__ import annotations`)."""
    return {"int": int, "float": float, "bool": bool, "str": str}[kind](value)
