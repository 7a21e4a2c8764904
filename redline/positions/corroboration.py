"""How well each position is carried: distinct sources, official and commentary evidence, a weighted score."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from redline.positions.model import STANCES, Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Weights:
    """What one piece of evidence weighs (see `weights` in redline/data/analysis.yaml)."""

    official: float
    commentary: float
    reported_factor: float

    def of(self, evidence: Evidence) -> float:
        """The weight of one piece of evidence."""
        base = self.official if evidence.position.official else self.commentary
        return base * (self.reported_factor if evidence.position.reported else 1.0)


@dataclass(frozen=True, slots=True)
class Corroboration:
    """How many sources carry one party's stance on one issue, and how much that evidence weighs."""

    actor: str
    issue: str
    stance: str
    evidence_count: int
    sources: int
    official: int
    unofficial: int
    score: float

    def to_json(self) -> dict[str, Any]:
        """The corroboration as a JSON object."""
        return {"actor": self.actor, "issue": self.issue, "stance": self.stance, "evidence_count": self.evidence_count,
                "sources": self.sources, "official": self.official, "unofficial": self.unofficial,
                "score": round(self.score, 3)}


def source_key(evidence: Evidence) -> str:
    """The source an evidence counts for; an article without a source counts as a source of its own."""
    # Articles without a known source may share an outlet, but guessing would merge unrelated reports.
    return (evidence.source or "").strip().casefold() or f"article:{evidence.article_id}"


def distinct_sources(evidence: Iterable[Evidence]) -> int:
    """How many distinct sources the evidence comes from."""
    return len({source_key(e) for e in evidence})


def weighted_score(evidence: Iterable[Evidence], weights: Weights) -> float:
    """The sum over distinct sources of each source's best-weighted evidence."""
    # A source repeating a position (a live blog, an update) adds nothing; its strongest report counts.
    best: dict[str, float] = {}
    for e in evidence:
        key = source_key(e)
        best[key] = max(best.get(key, 0.0), weights.of(e))
    return sum(best.values())


def corroborate(evidence: Iterable[Evidence], weights: Weights) -> list[Corroboration]:
    """One corroboration per (party, issue, stance) found in usable evidence, by issue, party, stance order."""
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for e in evidence:
        p = e.position
        groups.setdefault((p.actor, p.issue, p.stance), []).append(e)
    return [
        _corroboration(actor, issue, stance, items, weights)
        for (actor, issue, stance), items in sorted(groups.items(), key=lambda kv: _order(*kv[0]))
    ]


def _order(actor: str, issue: str, stance: str) -> tuple[str, str, int]:
    """The sort key of a (party, issue, stance) group."""
    return (issue, actor, STANCES.index(stance))


def _corroboration(actor: str, issue: str, stance: str, items: list[Evidence], weights: Weights) -> Corroboration:
    """The corroboration of one group of evidence."""
    official = sum(1 for e in items if e.position.official)
    return Corroboration(actor=actor, issue=issue, stance=stance, evidence_count=len(items),
                         sources=distinct_sources(items), official=official, unofficial=len(items) - official,
                         score=weighted_score(items, weights))
