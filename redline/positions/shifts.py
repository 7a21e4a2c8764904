"""One party's stance on one issue over time: time windows, the stance each window shows, the current stance, shifts.

Evidence is dated by its article's publication date, else the position's own date (as `Shift.to_json` shows it).
Evidence within one window (`same_time_days`) is weighed together: official beats commentary, then more distinct
sources, then more evidence, then the later statement. Undated evidence cannot be placed, so it counts as older
than any dated evidence: it decides the stance only when nothing dated contradicts it, and it never makes a shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redline.positions.corroboration import distinct_sources
from redline.positions.model import Evidence, PartyStance, Shift


@dataclass(frozen=True, slots=True)
class Window:
    """The evidence for one party and issue dated within one time window (undated: `start` None), and its stance."""

    start: date | None
    evidence: tuple[Evidence, ...]
    stance: str
    official: bool


def evidence_date(evidence: Evidence) -> str | None:
    """The date string an evidence is placed at: its article's publication date, else the position's date."""
    return evidence.published or evidence.position.date


def evidence_day(evidence: Evidence) -> date | None:
    """The calendar day of an evidence, None when it has no ISO date."""
    text = evidence_date(evidence)
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _stance_rank(stance: str, evidence: tuple[Evidence, ...]) -> tuple[bool, int, int, str, int]:
    """How strongly simultaneous evidence shows a stance (higher wins)."""
    carrying = [(n, e) for n, e in enumerate(evidence) if e.position.stance == stance]
    return (
        any(e.position.official for _, e in carrying),
        distinct_sources(e for _, e in carrying),
        len(carrying),
        max(evidence_date(e) or "" for _, e in carrying),  # the later statement (by time of day, when given)
        max(n for n, _ in carrying),  # finally the later in input order, so the choice never depends on chance
    )


def winning_stance(evidence: tuple[Evidence, ...]) -> str:
    """The stance simultaneous evidence shows, by official evidence, then sources, then evidence count."""
    return max({e.position.stance for e in evidence}, key=lambda s: _stance_rank(s, evidence))


def windows(evidence: list[Evidence], *, same_time_days: int) -> list[Window]:
    """One party's evidence on one issue in time windows, undated first, then by date."""
    undated = tuple(e for e in evidence if evidence_day(e) is None)
    dated = sorted((e for e in evidence if evidence_day(e) is not None), key=evidence_day)  # stable: input order kept
    groups: list[tuple[date | None, list[Evidence]]] = [(None, list(undated))] if undated else []
    for e in dated:
        day = evidence_day(e)
        if groups and groups[-1][0] is not None and (day - groups[-1][0]).days < same_time_days:
            groups[-1][1].append(e)
        else:
            groups.append((day, [e]))
    return [_window(start, tuple(items)) for start, items in groups]


def _window(start: date | None, evidence: tuple[Evidence, ...]) -> Window:
    """A window with its winning stance."""
    official = any(e.position.official for e in evidence)
    return Window(start=start, evidence=evidence, stance=winning_stance(evidence), official=official)


def effective(windows_: list[Window], *, commentary_shifts_when_official: bool) -> list[Window]:
    """The windows that decide the stance: those with official evidence, when the party has any (unless told not)."""
    if commentary_shifts_when_official or not any(w.official for w in windows_):
        return windows_
    return [w for w in windows_ if w.official]


def run_start(decisive: list[Window]) -> Window:
    """The window where the current stance was (last) taken up."""
    start = decisive[-1]
    for w in reversed(decisive):
        if w.stance != start.stance:
            break
        start = w
    return start


def best_evidence(evidence: tuple[Evidence, ...] | list[Evidence], stance: str) -> Evidence:
    """The strongest piece of evidence for a stance: official, then first-hand, then first given."""
    carrying = [e for e in evidence if e.position.stance == stance]
    return min(carrying, key=lambda e: (not e.position.official, e.position.reported))


def current_stance(evidence: list[Evidence], *, same_time_days: int,
                   commentary_shifts_when_official: bool) -> PartyStance:
    """A party's stance on an issue now, with the evidence carrying it since it was taken up."""
    all_windows = windows(evidence, same_time_days=same_time_days)
    decisive = effective(all_windows, commentary_shifts_when_official=commentary_shifts_when_official)
    start = run_start(decisive)
    since = all_windows.index(start)
    # Commentary that agrees corroborates the stance, even in windows that did not decide it.
    carrying = [e for w in all_windows[since:] for e in w.evidence if e.position.stance == start.stance]
    return PartyStance(stance=start.stance, evidence_count=len(carrying), sources=distinct_sources(carrying),
                       official=any(e.position.official for e in carrying), evidence=carrying)


def shifts(actor: str, issue: str, evidence: list[Evidence], *, same_time_days: int,
           commentary_shifts_when_official: bool) -> list[Shift]:
    """Each change of a party's stance on an issue between dated windows, with the evidence on both sides."""
    decisive = effective(windows(evidence, same_time_days=same_time_days),
                         commentary_shifts_when_official=commentary_shifts_when_official)
    found: list[Shift] = []
    for before, after in zip(decisive, decisive[1:]):
        # A change out of undated evidence has no date to put it at: it updates the stance but is no shift.
        if before.stance != after.stance and before.start is not None:
            found.append(Shift(actor=actor, issue=issue, before=best_evidence(before.evidence, before.stance),
                               after=best_evidence(after.evidence, after.stance)))
    return found
