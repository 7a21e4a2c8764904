"""The records of the deal space (the JSON contract's names): evidence, a party's weighed stance on an issue,
the issue's status, shifts, and the analysis that holds them.

Directions are toward an issue's proposition ("withdrawal of US troops from Syria"): `for` it, `against`
it, `open` to it (willing to discuss) or `conditional` (an offer on terms). A stance word (demand, red line,
...) gives a direction once the sign of its issue phrase is known: demanding "the YPG's removal" is `against`
a "Kurdish role".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redline.positions.model import Position

DIRECTIONS = ("for", "against", "open", "conditional")
STATUSES = ("impasse", "contested", "agenda", "one-sided", "unknown")
VOICES = ("leader", "official", "legislator", "commentary")  # leader and official are the party's own voice


@dataclass(frozen=True, slots=True)
class Evidence:
    """A position as the deal space sees it: the position, the article it came from, who voiced it and its
    direction toward the issue's proposition (None until the issues are merged)."""

    position: Position
    article_id: str
    source: str | None
    published: str | None
    voice: str = "official"
    direction: str | None = None
    record_id: str | None = None  # the position's stable id (redline/store/reviews.py), when read from a store
    review: str | None = None  # the latest analyst verdict on it (confirm, correct, add), None when unreviewed

    @property
    def own(self) -> bool:
        """True when the party itself speaks (its leader or an official), not a legislator or commentary."""
        return self.voice in ("leader", "official")

    @property
    def date(self) -> str | None:
        """The date the evidence is placed at: its article's publication date, else the position's own date."""
        return self.published or self.position.date

    def to_json(self) -> dict[str, Any]:
        """The evidence as the issue page's JSON lists it."""
        p = self.position
        return {"id": self.record_id, "review": self.review, "article_id": self.article_id, "source": self.source,
                "published": self.published,
                "voice": self.voice, "direction": self.direction, "stance": p.stance, "via": p.via,
                "official": p.official, "reported": p.reported, "confidence": p.confidence,
                "issue_text": p.issue_text, "text": p.text, "start": p.start, "end": p.end}


@dataclass(frozen=True, slots=True)
class Breakdown:
    """How many items of evidence point each way, and from how many distinct sources."""

    counts: dict[str, int]
    sources: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        """`{for, against, open, conditional, sources: {direction: n}}`."""
        return {**{d: self.counts.get(d, 0) for d in DIRECTIONS},
                "sources": {d: self.sources.get(d, 0) for d in DIRECTIONS}}


@dataclass(slots=True)
class PartyStance:
    """A party's stance on an issue weighed from all its evidence of one voice.

    `direction` wins the weighing; `stance` is the stance word carrying most of its weight; `firm` is True
    when a firm stance (demand or precondition for, red line against) carries it. `evidence` is every item
    (all directions), strongest first; `evidence_count` and `sources` count them all.
    """

    stance: str
    direction: str
    evidence_count: int
    sources: int
    official: bool
    breakdown: Breakdown
    firm: bool = False
    voice: str = "official"
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The party's stance as `analysis.issues[].parties[party]` names it."""
        return {"stance": self.stance, "direction": self.direction, "evidence_count": self.evidence_count,
                "sources": self.sources, "firm": self.firm, "voice": self.voice,
                "breakdown": self.breakdown.to_json(),
                "scores": {d: round(self.scores.get(d, 0.0), 3) for d in DIRECTIONS}}


@dataclass(slots=True)
class IssueStatus:
    """Where the parties stand on one issue (a proposition), and whether that leaves room for a deal.

    `parties` are the parties' own (official) stances, which make the status; `voices` the other voices
    about a party ("United States · legislator"), shown apart and never counted in the status. `phrases`
    are the issue phrases merged into the issue, most frequent first.
    """

    issue: str
    status: str
    parties: dict[str, PartyStance]
    label: str = ""
    voices: dict[str, PartyStance] = field(default_factory=dict)
    phrases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The issue as `analysis.issues[]` names it."""
        return {"issue": self.issue, "label": self.label or self.issue, "status": self.status,
                "parties": {p: s.to_json() for p, s in self.parties.items()},
                "voices": {v: s.to_json() for v, s in self.voices.items()},
                "phrases": list(self.phrases)}


@dataclass(slots=True)
class Shift:
    """A party's direction on an issue changing between two dates, with the evidence on both sides."""

    actor: str
    issue: str
    before: Evidence
    after: Evidence
    before_direction: str = ""
    after_direction: str = ""

    def to_json(self) -> dict[str, Any]:
        """The shift with its two dated directions and evidence sentences."""
        def side(e: Evidence, direction: str) -> dict[str, Any]:
            return {"direction": direction, "stance": e.position.stance, "date": e.date, "article_id": e.article_id,
                    "text": e.position.text, "start": e.position.start, "end": e.position.end}

        return {"actor": self.actor, "issue": self.issue, "before": side(self.before, self.before_direction),
                "after": side(self.after, self.after_direction)}


@dataclass(slots=True)
class Analysis:
    """The deal space over a set of articles: issues with their status, shifts over time, and how many
    positions were left out (named no issue of the profile)."""

    issues: list[IssueStatus]
    shifts: list[Shift] = field(default_factory=list)
    left_out: int = 0

    def to_json(self) -> dict[str, Any]:
        """The top-level `analysis` object of `redline extract`."""
        return {"issues": [i.to_json() for i in self.issues], "shifts": [s.to_json() for s in self.shifts],
                "left_out": self.left_out}

    def issue(self, key: str) -> IssueStatus | None:
        """The issue with this key, or None."""
        return next((i for i in self.issues if i.issue == key), None)
