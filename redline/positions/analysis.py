"""The deal space over positions: each party's current stance per issue, the issue's status, shifts, corroboration.

Pure functions over `Evidence` records; every weight and rule comes from `redline/data/analysis.yaml`.

- A party's current stance on an issue comes from its timeline (`redline.positions.shifts`): the latest dated
  evidence wins; simultaneous evidence is weighed official first, then distinct sources, then evidence count.
- Two parties' stances give a pair status from the YAML `pairs` table; an issue takes the status of its most
  blocking pair (YAML `severity`), `one-sided` when one party holds a position, `unknown` without usable evidence.
- With 3+ parties on an issue, parties holding the same stance form a bloc and are not compared with each other.
- Every party with evidence is listed, the given `parties` first, the rest alphabetically.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from redline.positions.corroboration import Corroboration, Weights, corroborate
from redline.positions.model import STANCES, STATUSES, Analysis, Evidence, IssueStatus, PartyStance, Shift
from redline.positions.shifts import current_stance, shifts
from redline.datafiles import load_data_yaml

PAIR_STATUSES = ("impasse", "contested", "agenda")  # what two stances can give; one-sided/unknown are issue-level


@dataclass(frozen=True, kw_only=True, slots=True)
class AnalysisRules:
    """Weights and rules of the analysis; each is documented in `redline/data/analysis.yaml`."""

    weights: Weights
    same_time_days: int
    commentary_shifts_when_official: bool
    pairs: Mapping[tuple[str, str], str]
    severity: tuple[str, ...]
    same_stance_is_bloc: bool

    @classmethod
    def load(cls, path: str | Path | None = None) -> "AnalysisRules":
        """The shipped rules, with a user YAML file's keys over them."""
        if path is None:
            return _shipped_rules()
        user = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return cls.from_mapping(_overlay(_shipped_yaml(), user))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "AnalysisRules":
        """Rules from a mapping shaped like analysis.yaml, checked for completeness."""
        return cls(
            weights=Weights(**{k: float(v) for k, v in data["weights"].items()}),
            same_time_days=max(1, int(data["same_time_days"])),
            commentary_shifts_when_official=bool(data["commentary_shifts_when_official"]),
            pairs=_pair_table(data["pairs"]),
            severity=_severity(data["severity"]),
            same_stance_is_bloc=bool(data["same_stance_is_bloc"]),
        )

    def pair_status(self, a: str, b: str) -> str:
        """The status two stances give an issue."""
        return self.pairs[(a, b)]

    def blocking(self, status: str) -> int:
        """How blocking a status is (0 = most)."""
        return self.severity.index(status)


@lru_cache(maxsize=1)
def _shipped_yaml() -> dict[str, Any]:
    """The shipped `analysis.yaml` (read once)."""
    return load_data_yaml("analysis.yaml")


@lru_cache(maxsize=1)
def _shipped_rules() -> AnalysisRules:
    """The shipped rules (built once)."""
    return AnalysisRules.from_mapping(_shipped_yaml())


def _overlay(base: Mapping[str, Any], user: Mapping[str, Any]) -> dict[str, Any]:
    """User keys over the shipped ones; the `weights` and `pairs` mappings merged key by key."""
    merged = {**base, **user}
    for key in ("weights", "pairs"):
        merged[key] = {**base.get(key, {}), **(user.get(key) or {})}
    return merged


def _pair_table(rows: Mapping[str, list[str]]) -> Mapping[tuple[str, str], str]:
    """The 6x6 stance-pair table as a mapping, checked complete, valid and symmetric."""
    if set(rows) != set(STANCES) or any(len(rows[s]) != len(STANCES) for s in STANCES):
        raise ValueError(f"analysis.yaml: `pairs` needs a row of {len(STANCES)} statuses for each of {STANCES}")
    table = {(a, b): str(rows[a][j]) for a in STANCES for j, b in enumerate(STANCES)}
    for (a, b), status in table.items():
        if status not in PAIR_STATUSES:
            raise ValueError(f"analysis.yaml: pairs[{a}][{b}] is {status!r}, not one of {PAIR_STATUSES}")
        if table[(b, a)] != status:
            raise ValueError(f"analysis.yaml: pairs is not symmetric: {a}/{b} is {status}, {b}/{a} is {table[(b, a)]}")
    return MappingProxyType(table)


def _severity(order: list[str]) -> tuple[str, ...]:
    """The status order, checked to name every status once."""
    if sorted(order) != sorted(STATUSES):
        raise ValueError(f"analysis.yaml: `severity` must list each of {STATUSES} once, got {order}")
    return tuple(order)


@dataclass(frozen=True, slots=True)
class PairStatus:
    """Two parties' stances on one issue and the status the pair gives it."""

    issue: str
    a: str
    b: str
    a_stance: str
    b_stance: str
    status: str
    compared: bool  # False for a pair inside a bloc (same stance, 3+ parties): it does not decide the issue

    def to_json(self) -> dict[str, Any]:
        """The pair as a JSON object."""
        return {"parties": [self.a, self.b], "stances": [self.a_stance, self.b_stance], "status": self.status,
                "compared": self.compared}


def usable(evidence: Evidence) -> bool:
    """True when the evidence names a party, an issue and a known stance."""
    p = evidence.position
    return bool(p.actor and p.actor.strip() and p.issue and p.issue.strip()) and p.stance in STANCES


def party_order(evidence: list[Evidence], parties: list[str] | None) -> list[str]:
    """Every party with usable evidence: the given parties first (in their order), the rest alphabetically."""
    given = list(dict.fromkeys(parties or []))
    seen = {e.position.actor for e in evidence if usable(e)}
    return [p for p in given if p in seen] + sorted(seen - set(given), key=lambda p: (p.casefold(), p))


def _by_party_issue(evidence: list[Evidence]) -> dict[str, dict[str, list[Evidence]]]:
    """Usable evidence grouped by issue, then party, in input order."""
    grouped: dict[str, dict[str, list[Evidence]]] = {}
    for e in evidence:
        if usable(e):
            grouped.setdefault(e.position.issue, {}).setdefault(e.position.actor, []).append(e)
    return grouped


def issue_pairs(issue: IssueStatus, rules: AnalysisRules | None = None) -> list[PairStatus]:
    """Every pair of parties on an issue with the status their stances give, in party order."""
    rules = rules or AnalysisRules.load()
    stances = {party: s.stance for party, s in issue.parties.items()}
    bloc = rules.same_stance_is_bloc and len(stances) >= 3 and len(set(stances.values())) > 1
    return [
        PairStatus(issue=issue.issue, a=a, b=b, a_stance=stances[a], b_stance=stances[b],
                   status=rules.pair_status(stances[a], stances[b]), compared=not (bloc and stances[a] == stances[b]))
        for a, b in combinations(stances, 2)
    ]


def status_of(issue: str, parties: dict[str, PartyStance], rules: AnalysisRules) -> str:
    """An issue's status: its most blocking compared pair; one-sided with one party; unknown with none."""
    if not parties:
        return "unknown"
    if len(parties) == 1:
        return "one-sided"
    pairs = issue_pairs(IssueStatus(issue=issue, status="unknown", parties=parties), rules)
    return min((p.status for p in pairs if p.compared), key=rules.blocking)


def _issue(issue: str, by_party: dict[str, list[Evidence]], order: list[str], rules: AnalysisRules) -> IssueStatus:
    """One issue with each party's current stance and the status they give it."""
    parties = {
        party: current_stance(by_party[party], same_time_days=rules.same_time_days,
                              commentary_shifts_when_official=rules.commentary_shifts_when_official)
        for party in order if party in by_party
    }
    return IssueStatus(issue=issue, status=status_of(issue, parties, rules), parties=parties)


def analyse_positions(evidence: list[Evidence], *, parties: list[str] | None = None, issues: list[str] | None = None,
                      rules: AnalysisRules | None = None) -> Analysis:
    """Each issue's status and each party's current stance on it, most blocking issues first, with shifts.

    `issues` (e.g. a case profile's issue keys) are listed as `unknown` when no usable evidence names them;
    issues named only by unusable evidence (no party, unknown stance) are listed as `unknown` too.
    """
    rules = rules or AnalysisRules.load()
    order = party_order(evidence, parties)
    grouped = _by_party_issue(evidence)
    named = [e.position.issue for e in evidence if e.position.issue and e.position.issue.strip()] + list(issues or [])
    results = [_issue(i, grouped.get(i, {}), order, rules) for i in dict.fromkeys([*grouped, *named])]
    totals = {i: sum(len(items) for items in by_party.values()) for i, by_party in grouped.items()}
    results.sort(key=lambda r: (rules.blocking(r.status), -totals.get(r.issue, 0), r.issue))
    return Analysis(issues=results, shifts=find_shifts(evidence, parties=parties, rules=rules))


def find_shifts(evidence: list[Evidence], *, parties: list[str] | None = None,
                rules: AnalysisRules | None = None) -> list[Shift]:
    """Every change of a party's stance on an issue between dates, by date of the change, then party and issue."""
    rules = rules or AnalysisRules.load()
    rank = {party: n for n, party in enumerate(party_order(evidence, parties))}
    found = [
        shift
        for issue, by_party in _by_party_issue(evidence).items()
        for party, items in by_party.items()
        for shift in shifts(party, issue, items, same_time_days=rules.same_time_days,
                            commentary_shifts_when_official=rules.commentary_shifts_when_official)
    ]
    return sorted(found, key=lambda s: (_shift_day(s), rank[s.actor], s.issue))


def _shift_day(shift: Shift) -> str:
    """The date a shift is listed at: that of its later evidence."""
    return shift.after.published or shift.after.position.date or ""


def corroboration(evidence: list[Evidence], *, rules: AnalysisRules | None = None) -> list[Corroboration]:
    """Per (party, issue, stance) in usable evidence: distinct sources, official/unofficial counts, weighted score."""
    rules = rules or AnalysisRules.load()
    return corroborate((e for e in evidence if usable(e)), rules.weights)
