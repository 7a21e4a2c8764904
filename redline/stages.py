"""The stage registry: each pipeline stage declares, where it is defined, what it requires and assigns.

Like spaCy's component registry, it makes the pipeline inspectable (`redline stages`), and its contract is
checked: a runner calls `check_requires` before each stage, so a stage whose inputs no earlier stage has
assigned fails with `MissingRequirement` instead of running on absent records.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
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


class MissingRequirement(RuntimeError):
    """A stage was about to run without a record it requires (or under a name no stage registered)."""


def registered(name: str) -> StageInfo:
    """The registered stage `name`; MissingRequirement when no loaded module registers it."""
    if name not in STAGES:
        known = ", ".join(info.name for info in in_pipeline_order()) or "none"
        raise MissingRequirement(f"no stage {name!r} is registered (registered: {known})")
    return STAGES[name]


def assigned_by(names: Iterable[str]) -> frozenset[str]:
    """Every record field the named stages assign: what a runner holds once they have run."""
    return frozenset(field for name in names for field in registered(name).assigns)


def check_requires(name: str, provided: Collection[str]) -> None:
    """Raise MissingRequirement unless every field stage `name` requires is in `provided`."""
    info = registered(name)
    missing = [field for field in info.requires if field not in provided]
    if missing:
        have = ", ".join(sorted(provided)) or "nothing"
        raise MissingRequirement(
            f"stage {name!r} requires {', '.join(missing)}, which no stage run before it assigns (have: {have})"
        )
