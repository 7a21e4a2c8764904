"""The deal space over evidence whose issue and direction are known: each party's weighed stance per issue,
other voices apart, each issue's status, shifts.

- A party's stance is weighed (`weigh`) from its own (official) evidence; legislators and commentary about a
  party are weighed apart, as its other voices ("United States · legislator"), and never make the status.
- Status over a set of parties: `impasse` when one is firmly for (demand, precondition) and one firmly
  against (red line); `contested` when one is against and another for, open or conditional; `agenda` when
  two or more hold no opposition; `one-sided` with one party; `unknown` with none.
- Every party with evidence is listed, the given `parties` first, the rest by evidence.
"""

from __future__ import annotations

from collections import Counter

from redline.dealspace.model import Analysis, Evidence, IssueStatus, PartyStance, Shift
from redline.dealspace.rules import AnalysisRules
from redline.dealspace.timeline import shifts
from redline.dealspace.weigh import weigh
from redline.positions.model import STANCES


def usable(evidence: Evidence) -> bool:
    """True when the evidence names a party, an issue and a known stance, and has a direction."""
    p = evidence.position
    return bool(p.actor and p.actor.strip() and p.issue and p.issue.strip()) and p.stance in STANCES \
        and evidence.direction is not None


def voice_group(evidence: Evidence) -> str:
    """The column an evidence counts in: the party itself, or the party's other voice ("Iran · commentary")."""
    actor = evidence.position.actor
    return actor if evidence.own else f"{actor} · {evidence.voice}"


def status_of(parties: dict[str, PartyStance]) -> str:
    """An issue's status over the given parties' stances."""
    if not parties:
        return "unknown"
    if len(parties) == 1:
        return "one-sided"
    stances = list(parties.values())
    if any(s.direction == "for" and s.firm for s in stances) and any(s.direction == "against" and s.firm for s in stances):
        return "impasse"
    against = sum(1 for s in stances if s.direction == "against")
    if 0 < against < len(stances):
        return "contested"
    return "agenda"


def _grouped(evidence: list[Evidence]) -> dict[str, dict[str, list[Evidence]]]:
    """Usable evidence grouped by issue, then party or voice group, in input order."""
    grouped: dict[str, dict[str, list[Evidence]]] = {}
    for e in evidence:
        if usable(e):
            grouped.setdefault(e.position.issue, {}).setdefault(voice_group(e), []).append(e)
    return grouped


def party_order(evidence: list[Evidence], parties: list[str] | None) -> list[str]:
    """Every party with usable official evidence: the given parties first (in their order), then by evidence."""
    counts = Counter(e.position.actor for e in evidence if usable(e) and e.own)
    given = [p for p in dict.fromkeys(parties or []) if p in counts]
    return given + sorted((p for p in counts if p not in given), key=lambda p: (-counts[p], p.casefold(), p))


def _issue(key: str, groups: dict[str, list[Evidence]], order: list[str], rules: AnalysisRules,
           label: str, phrases: tuple[str, ...], scope: set[str] | None) -> IssueStatus:
    """One issue: each party's weighed stance, its other voices, and the status the parties in scope give it."""
    parties = {p: weigh(groups[p], rules) for p in order if p in groups}
    voices = {g: weigh(items, rules, voice=items[0].voice) for g, items in sorted(groups.items()) if g not in parties
              and not items[0].own}
    status = status_of({p: s for p, s in parties.items() if scope is None or p in scope})
    return IssueStatus(issue=key, status=status, parties=parties, label=label or key,
                       voices=voices, phrases=list(phrases))


def analyse(evidence: list[Evidence], *, labels: dict[str, str] | None = None,
            phrases: dict[str, tuple[str, ...]] | None = None, parties: list[str] | None = None,
            issues: list[str] | None = None, rules: AnalysisRules | None = None, left_out: int = 0,
            scope: list[str] | None = None) -> Analysis:
    """Each issue's status and each party's weighed stance on it, most blocking issues first, with shifts.

    `issues` (e.g. a case profile's issue keys) are listed as `unknown` when no usable evidence names them.
    With `scope` (the main parties a view names, e.g. the profile's), the status is computed over them only.
    """
    rules = rules or AnalysisRules.load()
    labels, phrases = labels or {}, phrases or {}
    order = party_order(evidence, parties)
    grouped = _grouped(evidence)
    keys = list(dict.fromkeys([*grouped, *(issues or [])]))
    within = set(scope) if scope is not None else None
    results = [_issue(k, grouped.get(k, {}), order, rules, labels.get(k, k), phrases.get(k, ()), within) for k in keys]
    totals = {k: sum(len(items) for g, items in groups.items() if " · " not in g) for k, groups in grouped.items()}
    results.sort(key=lambda r: (rules.blocking(r.status), -totals.get(r.issue, 0), r.issue))
    return Analysis(issues=results, shifts=find_shifts(evidence, parties=parties, rules=rules), left_out=left_out)


def find_shifts(evidence: list[Evidence], *, parties: list[str] | None = None,
                rules: AnalysisRules | None = None) -> list[Shift]:
    """Every confirmed change of a party's direction on an issue, by date of the change, then party and issue."""
    rules = rules or AnalysisRules.load()
    rank = {party: n for n, party in enumerate(party_order(evidence, parties))}
    found = [
        shift
        for issue, groups in _grouped(evidence).items()
        for party, items in groups.items() if party in rank
        for shift in shifts(party, issue, items, rules)
    ]
    return sorted(found, key=lambda s: (s.after.date or "", rank[s.actor], s.issue))
