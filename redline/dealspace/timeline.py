"""Shifts: a party's direction on an issue changing over time, with the evidence before and after.

A party's dated evidence on an issue is cut into windows of `shift_window_days`; each window's direction is
weighed from its items (`weigh`, without recency). Only moves between the directions of `shift_directions`
(for, against) count; a rewording keeps the direction and is never a shift. A new direction is taken up only
when `shift_min_sources` distinct sources carry it in its window, or the next window keeps it: one stray
sentence is not a change of policy. Undated evidence cannot be placed and never makes a shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redline.dealspace.model import Evidence, Shift
from redline.dealspace.rules import AnalysisRules
from redline.dealspace.weigh import direction_scores, distinct_sources, evidence_day, item_weight, winner


@dataclass(frozen=True, slots=True)
class Window:
    """The evidence of one party on one issue within one time window, and the direction it shows."""

    start: date
    evidence: tuple[Evidence, ...]
    direction: str

    def carrying(self) -> list[Evidence]:
        """The items pointing the window's way."""
        return [e for e in self.evidence if e.direction == self.direction]


def windows(evidence: list[Evidence], rules: AnalysisRules) -> list[Window]:
    """The dated evidence in windows of `shift_window_days` from each window's first day, in date order."""
    dated = sorted((e for e in evidence if evidence_day(e) is not None), key=evidence_day)
    groups: list[tuple[date, list[Evidence]]] = []
    for e in dated:
        day = evidence_day(e)
        if groups and (day - groups[-1][0]).days < rules.shift_window_days:
            groups[-1][1].append(e)
        else:
            groups.append((day, [e]))
    return [Window(start, tuple(items), window_direction(items, rules)) for start, items in groups]


def window_direction(items: list[Evidence], rules: AnalysisRules) -> str:
    """The direction a window's items weigh toward (as `weigh` without recency, scores only)."""
    weights = [item_weight(e, rules, evidence_day(e)) for e in items]
    return winner(items, direction_scores(items, weights, rules.repeat_factor))


def _confirmed(found: list[Window], n: int, rules: AnalysisRules) -> bool:
    """True when window n's direction is carried by enough sources, or the next window keeps it."""
    if distinct_sources(found[n].carrying()) >= rules.shift_min_sources:
        return True
    return n + 1 < len(found) and found[n + 1].direction == found[n].direction


def _best(window: Window) -> Evidence:
    """The window's strongest item for its direction: official, first-hand, then most confident."""
    return max(window.carrying(), key=lambda e: (bool(e.position.official), not e.position.reported,
                                                 e.position.confidence or 0.0))


def shifts(actor: str, issue: str, evidence: list[Evidence], rules: AnalysisRules) -> list[Shift]:
    """Each confirmed change of a party's direction on an issue, with the evidence on both sides."""
    found = [w for w in windows(evidence, rules) if w.direction in rules.shift_directions]
    shifts_: list[Shift] = []
    if not found:
        return shifts_
    held = found[0]
    for n, window in enumerate(found[1:], start=1):
        if window.direction == held.direction:
            held = window
        elif _confirmed(found, n, rules):
            shifts_.append(Shift(actor=actor, issue=issue, before=_best(held), after=_best(window),
                                 before_direction=held.direction, after_direction=window.direction))
            held = window
    return shifts_
