"""The deal space over many articles: positions with issues merged across articles, then the analysis.

A thin composition of the position stage's `normalise_issues` and the analysis functions, used by
`redline extract` (over the articles it read) and by the store commands (over what is stored).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from redline.positions import Analysis, Evidence, normalise_issues
from redline.positions.analysis import analyse_positions
from redline.records import Article


def article_evidence(articles: Iterable[Article]) -> list[Evidence]:
    """The positions of first copies, each with the article it came from."""
    return [
        Evidence(position=p, article_id=a.id, source=a.source, published=a.published)
        for a in articles
        if not a.duplicate_of
        for p in a.positions
    ]


def merged_evidence(evidence: list[Evidence], *, profile=None) -> list[Evidence]:
    """The evidence with issues merged across articles (open mode) or mapped onto the profile's issues."""
    positions = normalise_issues([e.position for e in evidence], profile=profile)
    return [replace(e, position=p) for e, p in zip(evidence, positions)]


def deal_space(evidence: list[Evidence], *, profile=None) -> Analysis:
    """Issues with each party's current stance and the status it leaves (impasse, agenda, …), and shifts."""
    merged = merged_evidence(evidence, profile=profile)
    parties = [p.name for p in profile.parties] if profile is not None else None
    issues = [i.key for i in profile.issues] if profile is not None else None
    return analyse_positions(merged, parties=parties, issues=issues)  # its shifts: find_shifts over the same evidence
