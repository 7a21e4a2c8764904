"""What a worker loads once and keeps: the spaCy pipeline, the actor dictionary and the case profile.

`WorkerResources` is a Dask worker plugin: registered on the client, it loads them when each worker
starts (a restarted worker loads them again, once). Tasks ask `resources(profile)`, a per-process
cache, so they find them loaded; `load_count()` says how many times this process loaded them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from distributed import WorkerPlugin

_LOADS: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class Resources:
    """The loaded models and data one worker process shares across its tasks."""

    nlp: Any
    dictionary: Any
    profile: Any


@lru_cache(maxsize=4)
def resources(profile: str | None) -> Resources:
    """The spaCy pipeline, actor dictionary and profile, loaded once per process (and per profile)."""
    from redline.actors import ActorDictionary
    from redline.nlp import load_pipeline
    from redline.pipeline import load_profile

    _LOADS[profile or ""] = _LOADS.get(profile or "", 0) + 1
    return Resources(nlp=load_pipeline(), dictionary=ActorDictionary.load(), profile=load_profile(profile))


def load_count() -> dict[str, int]:
    """How many times this process loaded its resources, by profile ("" is open mode)."""
    return dict(_LOADS)


def model_loads() -> int:
    """How many times this process loaded the spaCy pipeline (misses of its cache)."""
    from redline.nlp import load_pipeline

    return load_pipeline.cache_info().misses


class WorkerResources(WorkerPlugin):
    """Loads a worker's resources when it starts, so no task pays for it and none loads them twice."""

    name = "redline-resources"

    def __init__(self, profile: str | None) -> None:
        self.profile = profile

    def setup(self, worker) -> None:
        """Load the resources into the worker process."""
        resources(self.profile)
