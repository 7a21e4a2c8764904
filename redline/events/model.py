"""The records of the event stage: one coded event (`Event`) and one event merged across articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("occurred", "announced", "planned", "threatened", "hypothetical")


@dataclass(slots=True)
class Event:
    """Who did what to whom, coded in PLOVER v2, with the sentence it comes from (offsets into the article)."""

    type: str
    mode: str | None
    source: list[str]
    source_country: list[str | None]
    target: list[str]
    target_country: list[str | None]
    date: str | None
    status: str
    negated: bool
    mediated_by: str | None
    location: str | None
    text: str
    start: int
    end: int
    # sectors of the source and target actors, parallel to the names; kept for scoring and merging,
    # not part of the JSON contract
    source_sector: list[str | None] = field(default_factory=list, repr=False)
    target_sector: list[str | None] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The event as the JSON output contract names it."""
        return {
            "type": self.type,
            "mode": self.mode,
            "source": list(self.source),
            "source_country": list(self.source_country),
            "target": list(self.target),
            "target_country": list(self.target_country),
            "date": self.date,
            "status": self.status,
            "negated": self.negated,
            "mediated_by": self.mediated_by,
            "location": self.location,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of a merged event: the article, its outlet and the evidence offsets."""

    article_id: str
    source: str | None
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """The mention as JSON."""
        return {"article_id": self.article_id, "source": self.source, "start": self.start, "end": self.end,
                "text": self.text}


@dataclass(slots=True)
class MergedEvent:
    """One event as several articles report it (like GDELT's Mentions table): the first report's coding,
    the actors of every report, and each mention."""

    event: Event
    mentions: list[Mention]
    sources: int  # distinct outlets (articles with no outlet count one each)

    @property
    def count(self) -> int:
        """How many mentions the event has."""
        return len(self.mentions)

    def to_json(self) -> dict[str, Any]:
        """The merged event as JSON: the event's fields, its mentions and the counts."""
        data = self.event.to_json()
        data["mentions"] = [m.to_json() for m in self.mentions]
        data["mention_count"] = self.count
        data["source_count"] = self.sources
        return data
