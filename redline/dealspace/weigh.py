"""A party's stance on an issue weighed from all its evidence: each item by its voice, its confidence and its
recency; each source once per direction (corroboration: distinct sources add up, repeats do not).

    weigh(items, rules) -> PartyStance        # the winning direction, its stance word, firmness, breakdown
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from redline.dealspace.direction import stances_toward
from redline.dealspace.model import DIRECTIONS, Breakdown, Evidence, PartyStance
from redline.dealspace.rules import AnalysisRules


def source_key(evidence: Evidence) -> str:
    """The source an evidence counts for; an article without a source counts as a source of its own."""
    # Articles without a known source may share an outlet, but guessing would merge unrelated reports.
    return (evidence.source or "").strip().casefold() or f"article:{evidence.article_id}"


def distinct_sources(evidence: Iterable[Evidence]) -> int:
    """How many distinct sources the evidence comes from."""
    return len({source_key(e) for e in evidence})


def evidence_day(evidence: Evidence) -> date | None:
    """The calendar day of an evidence, None when it has no ISO date."""
    text = evidence.date
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def item_weight(evidence: Evidence, rules: AnalysisRules, latest: date | None) -> float:
    """One item's weight: voice x confidence x (red_line_factor for a red line) x recency (relative to the
    party's latest evidence on the issue)."""
    p = evidence.position
    confidence = p.confidence if p.confidence is not None else rules.default_confidence
    weight = rules.weights.voice(bool(p.official), bool(p.reported), bool(p.via)) * float(confidence)
    if p.stance in rules.firm["against"]:
        weight *= rules.red_line_factor
    if evidence.voice == "official":
        weight *= rules.other_official_factor
    day = evidence_day(evidence)
    if day is None or latest is None:
        return weight * rules.undated_factor
    return weight * 0.5 ** ((latest - day).days / rules.recency_half_life_days)


def direction_scores(items: list[Evidence], weights: list[float], repeat_factor: float) -> dict[str, float]:
    """Per direction: each sentence counts once (its best-weighted item); a source's sentences add up, each
    further one (by weight) worth `repeat_factor` times the one before, so distinct sources weigh most."""
    best: dict[tuple[str, str, str, int, int], float] = {}
    for e, w in zip(items, weights):
        key = (e.direction or "", source_key(e), e.article_id, e.position.start, e.position.end)
        best[key] = max(best.get(key, 0.0), w)
    per_source: dict[tuple[str, str], list[float]] = {}
    for (direction, source, *_), w in best.items():
        per_source.setdefault((direction, source), []).append(w)
    scores = dict.fromkeys(DIRECTIONS, 0.0)
    for (direction, _), found in per_source.items():
        if direction in scores:
            scores[direction] += sum(w * repeat_factor ** n for n, w in enumerate(sorted(found, reverse=True)))
    return scores


def breakdown(items: list[Evidence]) -> Breakdown:
    """How many items point each way, and from how many distinct sources."""
    counts = Counter(e.direction for e in items if e.direction)
    sources = {d: distinct_sources(e for e in items if e.direction == d) for d in counts}
    return Breakdown(counts=dict(counts), sources=sources)


def winner(items: list[Evidence], scores: dict[str, float]) -> str:
    """The direction with the highest score; a tie goes to the direction of the latest item among the tied."""
    top = max(scores.values())
    tied = [d for d in DIRECTIONS if scores[d] == top]
    if len(tied) == 1:
        return tied[0]
    dated = [(e.date or "", n, e.direction) for n, e in enumerate(items) if e.direction in tied]
    return max(dated)[2] if dated else tied[0]


def stance_weights(carrying: list[tuple[Evidence, float]], direction: str, rules: AnalysisRules) -> Counter[str]:
    """The weight of each stance word among the items carrying the winning direction, counting only the
    stances that can point that way: a red line settled as `open` (same sentence as an opening) lends the
    direction its weight but not its word. When no item's stance can, every carrying item counts."""
    own = stances_toward(direction, rules)
    counted = [(e, w) for e, w in carrying if e.position.stance in own] or carrying
    by_stance: Counter[str] = Counter()
    for e, w in counted:
        by_stance[e.position.stance] += w
    return by_stance


def weigh(items: list[Evidence], rules: AnalysisRules, *, voice: str = "official",
          recency: bool = True) -> PartyStance:
    """The party's stance from its evidence on one issue (items must carry a direction). Without `recency`
    every dated item weighs as if it were the latest (the windows of `timeline` compare like with like)."""
    days = [d for d in map(evidence_day, items) if d is not None]
    latest = max(days) if days else None
    weights = [item_weight(e, rules, latest if recency else evidence_day(e)) for e in items]
    scores = direction_scores(items, weights, rules.repeat_factor)
    direction = winner(items, scores)
    carrying = [(e, w) for e, w in zip(items, weights) if e.direction == direction]
    by_stance = stance_weights(carrying, direction, rules)
    total = sum(by_stance.values()) or 1.0
    firm_weight = sum(w for s, w in by_stance.items() if s in rules.firm.get(direction, ()))
    ranked = sorted(zip(items, weights), key=lambda ew: (ew[0].direction != direction, -ew[1]))
    return PartyStance(
        stance=by_stance.most_common(1)[0][0] if by_stance else items[0].position.stance,
        direction=direction, evidence_count=len(items), sources=distinct_sources(items),
        official=any(e.position.official for e in items), breakdown=breakdown(items),
        firm=firm_weight / total >= rules.firm_share, voice=voice, scores=scores,
        evidence=[e for e, _ in ranked],
    )
