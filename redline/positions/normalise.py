"""Issues across a corpus: open-mode phrases merged into one issue when they mean the same ("the withdrawal
of US troops" ~ "a US pull-out"), or mapped onto a case profile's issues."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from .embed import embed, embed_fixed
from .lexicon import stance_lexicon
from .model import Position
from .profile import CaseProfile


@dataclass(slots=True)
class _Cluster:
    """Phrases merged into one issue, with the sum of their unit vectors (the direction of the centroid)."""

    members: list[int] = field(default_factory=list)
    total: np.ndarray | None = None


def normalise_issues(positions: list[Position], *, profile: CaseProfile | None = None) -> list[Position]:
    """The positions with their issues merged across articles: with a profile, phrases it recognises
    become its issue keys; otherwise similar phrases become one issue labelled by its most frequent
    (then most central) phrase. The input is left unchanged."""
    if not positions:
        return []
    if profile is not None:
        mapping = _onto_profile(sorted({p.issue for p in positions}), profile)
    else:
        mapping = merge_phrases([p.issue for p in positions])
    return [replace(p, issue=mapping.get(p.issue, p.issue)) for p in positions]


def merge_phrases(phrases: list[str], *, threshold: float | None = None) -> dict[str, str]:
    """Each phrase's issue label: phrases (with repeats, which count) clustered by cosine similarity."""
    threshold = stance_lexicon().issues.merge_threshold if threshold is None else threshold
    counts = Counter(phrases)
    distinct = sorted(counts, key=lambda p: (-counts[p], len(p), p))
    common = _common_words(distinct)
    keys = [" ".join(w for w in _key(p).split() if w not in common) or _key(p) for p in distinct]
    vectors = embed(keys)
    clusters: list[_Cluster] = []
    for n, vector in enumerate(vectors):
        best, best_score = None, threshold
        for cluster in clusters:
            score = float(vector @ cluster.total) / float(np.linalg.norm(cluster.total) or 1.0)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append(_Cluster([n], vector.copy()))
        else:
            best.members.append(n)
            best.total = best.total + vector
    mapping = {}
    for cluster in clusters:
        label = _label(cluster, distinct, counts, vectors)
        mapping.update({distinct[m]: label for m in cluster.members})
    return mapping


def _common_words(phrases: list[str]) -> set[str]:
    """Words in many of the corpus's issue phrases ("Syria", "Idlib", "US"): places and parties that
    would otherwise pull every phrase about them into one issue. They are left out of the embedding."""
    share = stance_lexicon().issues.common_share
    frequency = Counter(w for p in phrases for w in set(_key(p).split()))
    return {w for w, n in frequency.items() if n >= 3 and n > share * len(phrases)}


def _key(phrase: str) -> str:
    """The text embedded for a phrase: hyphens as spaces ("pull-out" ~ "pull out"), case kept (lower-cased,
    "US" would read as the pronoun "us")."""
    return " ".join(phrase.replace("-", " ").replace("’s", "").replace("'s", "").split())


def _label(cluster: _Cluster, distinct: list[str], counts: Counter, vectors: np.ndarray) -> str:
    """A cluster's label: its most frequent phrase; among equals, the one closest to the others."""
    top = max(counts[distinct[m]] for m in cluster.members)
    tied = [m for m in cluster.members if counts[distinct[m]] == top]
    if len(tied) == 1:
        return distinct[tied[0]]
    centre = cluster.total / (np.linalg.norm(cluster.total) or 1.0)
    return distinct[max(tied, key=lambda m: (float(vectors[m] @ centre), -len(distinct[m])))]


def _onto_profile(phrases: list[str], profile: CaseProfile) -> dict[str, str]:
    """Profile issue keys for phrases: by key phrase, else by similarity to an issue's terms."""
    keys = {i.key for i in profile.issues}
    mapping = {}
    unmatched = []
    for phrase in phrases:
        if phrase in keys:
            continue
        key = profile.match(phrase)
        if key is not None:
            mapping[phrase] = key
        else:
            unmatched.append(phrase)
    if unmatched and profile.issues:
        terms = tuple(t for issue in profile.issues for t in issue.terms)
        owners = [issue.key for issue in profile.issues for _ in issue.terms]
        scores = embed([_key(p) for p in unmatched]) @ embed_fixed(tuple(_key(t) for t in terms)).T
        threshold = stance_lexicon().issues.profile_threshold
        for phrase, row in zip(unmatched, scores):
            best = int(np.argmax(row))
            if row[best] >= threshold:
                mapping[phrase] = owners[best]
    return mapping
