"""The stage registry: each pipeline stage declares, where it is defined, what it requires and assigns.

Like spaCy's component registry, it makes the pipeline inspectable (`redline stages`), and its contract is
checked: a runner calls `check_requires` before each stage, so a stage whose inputs no earlier stage has
assigned fails with `MissingRequirement` instead of running on absent records.

The NLP stages (those that require the parse, "Doc") share one calling convention, checked when they register:
`stage(doc, ctx: StageContext) -> records`. The context carries the article's id and date, the run's profile
and actor dictionary, and the records the stages before it returned; the runner keeps each stage's records in
the context under the one field the stage assigns.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

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


# What every NLP stage requires: the parse. Such a stage is called `stage(doc, ctx)`.
PARSE = "Doc"
# The record fields an NLP stage may assign, each kept in the StageContext attribute of the same name.
ARTICLE_RECORDS = ("Article.actors", "Article.quotes", "Article.events", "Article.positions")


@dataclass(slots=True)
class StageContext:
    """What an NLP stage reads besides the parse: the article's id and publication date, the run's case
    profile and actor dictionary, and the records of the stages that ran before it (None until they have).

    Typed loosely because this registry sits below the stage packages whose records it carries.
    """

    article_id: str
    published: str | None = None  # ISO date; "Article.published"
    source: str | None = None  # the publisher as the input names it; "Article.source"
    profile: Any = None  # a positions.CaseProfile; None is open mode
    dictionary: Any = None  # an actors.ActorDictionary; None is the shipped one
    actors: Any = None  # "Article.actors": the actors stage's ActorIndex (its .actors are the article's actors)
    quotes: list | None = None  # "Article.quotes"
    events: list | None = None  # "Article.events"
    positions: list | None = None  # "Article.positions"

    def keep(self, field: str, records: Any) -> None:
        """Hold a stage's records under the field it assigns ("Article.quotes" -> `self.quotes`)."""
        if field not in ARTICLE_RECORDS:
            raise MissingRequirement(f"no context field holds {field!r} (fields: {', '.join(ARTICLE_RECORDS)})")
        setattr(self, field.removeprefix("Article."), records)


class StageContractError(TypeError):
    """A stage registered against the calling convention of its kind."""


def _check_convention(name: str, func: Callable, assigns: tuple[str, ...]) -> None:
    """An NLP stage takes exactly (doc, ctx) and assigns one record field the context can hold."""
    params = list(inspect.signature(func).parameters.values())
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if len(params) != 2 or any(p.kind not in positional or p.default is not p.empty for p in params):
        raise StageContractError(f"NLP stage {name!r} must be called stage(doc, ctx); {func.__qualname__} takes "
                                 f"({', '.join(str(p) for p in params)})")
    if len(assigns) != 1 or assigns[0] not in ARTICLE_RECORDS:
        raise StageContractError(f"NLP stage {name!r} must assign one of {', '.join(ARTICLE_RECORDS)}, not {assigns}")


def stage(name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[F], F]:
    """Register a function as a pipeline stage under `name`; a stage that requires the parse must follow the
    NLP stages' convention `stage(doc, ctx) -> records` (StageContractError otherwise)."""

    def register(func: F) -> F:
        if PARSE in requires:
            _check_convention(name, func, assigns)
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
