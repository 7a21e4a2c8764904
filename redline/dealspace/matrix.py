"""The stance matrix's choice of rows and columns, shared by `redline matrix`, the report and the dashboard.

With a profile: its issues and parties first; without: the issues two or more parties hold, then the
best-evidenced, and the parties with the most evidence. Each shown issue's status is computed over the
parties shown (a column that is not on screen never makes an impasse).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from redline.dealspace.model import Analysis, IssueStatus
from redline.dealspace.status import status_of
from redline.positions.profile import CaseProfile


@dataclass(slots=True)
class MatrixChoice:
    """The matrix's rows (issues of the analysis, status over the shown parties) and columns (party names)."""

    issues: list[IssueStatus]
    parties: list[str]


def by_weight(issues: list[IssueStatus]) -> list[IssueStatus]:
    """Issues held by two or more parties first, then by evidence, ties in analysis order."""
    return sorted(issues, key=lambda i: (len(i.parties) < 2, -sum(s.evidence_count for s in i.parties.values())))


def select_matrix(analysis: Analysis, *, profile: CaseProfile | None, max_issues: int,
                  max_parties: int) -> MatrixChoice:
    """The matrix's rows and columns; each row's status recomputed over the columns shown."""
    if profile is not None:
        keys = {i.key for i in profile.issues}
        issues = [i for i in analysis.issues if i.issue in keys]
    else:
        chosen = {id(i) for i in by_weight(analysis.issues)[:max_issues]}
        issues = [i for i in analysis.issues if id(i) in chosen]
    evidence: Counter[str] = Counter()
    for issue in issues:
        for party, stance in issue.parties.items():
            evidence[party] += stance.evidence_count
    named = [p.name for p in profile.parties] if profile is not None else []
    parties = [p for p in named if p in evidence] + sorted((p for p in evidence if p not in named),
                                                            key=lambda p: -evidence[p])
    shown = parties[:max_parties]
    return MatrixChoice(issues=[over_parties(i, shown) for i in issues], parties=shown)


def over_parties(issue: IssueStatus, parties: list[str]) -> IssueStatus:
    """The issue with its status computed over the given parties only (its cells unchanged)."""
    return replace(issue, status=status_of({p: s for p, s in issue.parties.items() if p in parties}))
