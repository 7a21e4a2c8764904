"""The records of the position stage and of the analysis over positions (the JSON contract's names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STANCES = ("demand", "precondition", "red_line", "open", "offer", "reject")
STATUSES = ("impasse", "agenda", "contested", "one-sided", "unknown")


@dataclass(slots=True)
class Position:
    """One party's stance on one issue, with the sentence that shows it.

    `actor` is the party holding the position (a state or organisation: "Iran", "United States"), `via`
    the person or body who voiced it ("Ali Shamkhani"); `official` is False when an analyst, expert or
    journalist voices it; `reported` is True when the article reports it second-hand ("according to
    media reports"). `issue` is the issue key of the case profile, or the normalised issue label in
    open mode. `text`/`start`/`end` are the evidence sentence and its offsets in the article text.
    `confidence` is the learned classifier's calibrated probability (None for a rule-only record);
    `issue_text`/`issue_start`/`issue_end` the noun phrase the position is about, as written, with its
    offsets in the article text (None when no phrase was found).
    """

    actor: str
    actor_country: str | None
    issue: str
    stance: str
    official: bool
    reported: bool
    via: str | None
    text: str
    start: int
    end: int
    date: str | None
    confidence: float | None = None
    issue_text: str | None = None
    issue_start: int | None = None
    issue_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The position as the JSON output contract names it."""
        return {
            "actor": self.actor, "actor_country": self.actor_country, "issue": self.issue, "stance": self.stance,
            "official": self.official, "reported": self.reported, "via": self.via, "text": self.text,
            "start": self.start, "end": self.end, "date": self.date, "confidence": self.confidence,
            "issue_text": self.issue_text, "issue_start": self.issue_start, "issue_end": self.issue_end,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A position as the analysis sees it: the position and the article it came from."""

    position: Position
    article_id: str
    source: str | None
    published: str | None
    record_id: str | None = None  # the position's stable id (redline/store/reviews.py), when read from a store
    review: str | None = None  # the latest analyst verdict on it (confirm, correct, add), None when unreviewed


@dataclass(slots=True)
class PartyStance:
    """A party's current stance on an issue, how much evidence carries it, from how many sources."""

    stance: str
    evidence_count: int
    sources: int
    official: bool
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The party's stance as `analysis.issues[].parties[party]` names it."""
        return {"stance": self.stance, "evidence_count": self.evidence_count, "sources": self.sources}


@dataclass(slots=True)
class IssueStatus:
    """Where the parties stand on one issue, and whether that leaves room for a deal."""

    issue: str
    status: str
    parties: dict[str, PartyStance]

    def to_json(self) -> dict[str, Any]:
        """The issue as `analysis.issues[]` names it."""
        return {"issue": self.issue, "status": self.status, "parties": {p: s.to_json() for p, s in self.parties.items()}}


@dataclass(slots=True)
class Shift:
    """A party's stance on an issue changing between two dates, with both pieces of evidence."""

    actor: str
    issue: str
    before: Evidence
    after: Evidence

    def to_json(self) -> dict[str, Any]:
        """The shift with its two dated stances and evidence sentences."""
        side = lambda e: {"stance": e.position.stance, "date": e.published or e.position.date, "article_id": e.article_id,  # noqa: E731
                          "text": e.position.text, "start": e.position.start, "end": e.position.end}
        return {"actor": self.actor, "issue": self.issue, "before": side(self.before), "after": side(self.after)}


@dataclass(slots=True)
class Analysis:
    """The deal space over a set of articles: issues with their status, and shifts over time."""

    issues: list[IssueStatus]
    shifts: list[Shift] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The top-level `analysis` object of `redline extract`."""
        return {"issues": [i.to_json() for i in self.issues], "shifts": [s.to_json() for s in self.shifts]}
