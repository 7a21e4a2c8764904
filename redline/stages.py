"""The stage registry: each pipeline stage declares, where it is defined, what it requires and assigns.

Like spaCy's component registry, it makes the pipeline inspectable (`redline stages`) and lets later
stages check that what they need has been produced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A registered stage: its name, callable, and the record fields it reads and writes."""

    name: str
    func: Callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


STAGES: dict[str, StageInfo] = {}
# The order the pipeline runs them in (DEVELOPERS.md): listings follow it, whatever order modules load in.
PIPELINE = ("articles", "dedup", "nlp", "actors", "quotes", "events", "positions")


def in_pipeline_order() -> list[StageInfo]:
    """The registered stages in pipeline order, unknown names last."""
    rank = {name: i for i, name in enumerate(PIPELINE)}
    return sorted(STAGES.values(), key=lambda info: rank.get(info.name, len(rank)))


def stage(name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[F], F]:
    """Register a function as a pipeline stage under `name`."""

    def register(func: F) -> F:
        doc = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        STAGES[name] = StageInfo(name=name, func=func, requires=requires, assigns=assigns, doc=doc)
        return func

    return register
