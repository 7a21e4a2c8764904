"""From found spans to the JSON contract: each speaker span resolved to a canonical actor where possible."""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc

from .find import find_quotes
from .lexicon import cue_lexicon
from .model import Quote, QuoteSpan


class ActorLookup(Protocol):
    """What attribution needs from the actor index (`redline.actors.ActorIndex`)."""

    def at(self, start: int, end: int) -> Any | None:
        """The actor a character span names (name, title + name, pronoun), or None."""


def _speaker(span: QuoteSpan, actors: ActorLookup | None) -> tuple[str | None, str | None]:
    """The speaker's canonical name and country; the phrase itself (a group: "officials") when no actor
    matches; None for a bare pronoun nobody resolved."""
    if span.speaker_start is None or span.speaker_end is None:
        return None, None
    actor = actors.at(span.speaker_start, span.speaker_end) if actors is not None else None
    if actor is not None:
        return actor.name, getattr(actor, "country", None)
    text = span.speaker_text or ""
    if text.lower() in cue_lexicon().pronouns:
        return None, None
    return text, None


def attribute(spans: list[QuoteSpan], actors: ActorLookup | None) -> list[Quote]:
    """The quotes with speakers resolved through the actor index (duck-typed: `.at(start, end)`)."""
    quotes = []
    for span in spans:
        name, country = _speaker(span, actors)
        quotes.append(Quote(name, country, span.cue, span.text, span.direct, span.start, span.end))
    return quotes


def extract_quotes(doc: Doc, actors: ActorLookup | None) -> list[Quote]:
    """Direct, mixed and reported quotes of a parsed article, with speakers resolved to actors."""
    return attribute(find_quotes(doc), actors)
