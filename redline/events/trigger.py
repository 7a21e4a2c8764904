"""The coder's working records: what a clause or noun means (`Reading`) and a trigger found in a
sentence (`Trigger`), before roles, status and date make it an `Event`."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Sense


@dataclass(slots=True)
class Trigger:
    """A coded event's trigger in a sentence (token indices into the Doc).

    `word` is the word the type comes from, `anchor` the clause head whose subject, modality and date are
    the event's (the frame or light verb; the word itself otherwise), `content` the action or noun the
    anchor governs. `future`: read as an intention ("will visit" -> AGREE); `planned`: under a planning
    word; `noun`: an event noun with no verb of its own ("talks between X and Y").
    """

    type: str
    mode: str | None
    word: int
    anchor: int
    content: int | None = None
    future: bool = False
    planned: bool = False
    noun: bool = False
    conditional_threat: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """What a clause or noun means before it becomes a trigger: its sense and the word that gave it."""

    sense: Sense
    word: int
    content: int | None = None
    future: bool = False
    planned: bool = False
