"""Phase 2, on the driver: the single-process dedup verdicts, resolved in global input order over the edges.

Single-process semantics (pipeline.run_pipeline + dedup.Deduplicator): a document whose content key
was already seen in the run is skipped; each remaining article, in input order, is an exact duplicate
of the first *first copy* with its body hash, else a near duplicate of the earliest first copy among
its LSH candidates at or over the threshold, else a first copy itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from redline.batch.lsh import Edge, Order
from redline.batch.prepare import PartitionIndex
from redline.records import Verdict


@dataclass(slots=True)
class Resolution:
    """Which records each partition skips (repeated content keys) and every kept article's verdict."""

    skipped: dict[str, set[int]] = field(default_factory=dict)  # partition id -> record indexes
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # article id -> verdict
    duplicates: int = 0
    near_duplicates: int = 0

    def for_partition(self, index: PartitionIndex) -> "Resolution":
        """The part of the resolution one partition's phase 3 needs."""
        skipped = self.skipped.get(index.partition_id, set())
        ids = {a.id for a in index.articles if a.order[1] not in skipped}
        return Resolution(skipped={index.partition_id: skipped}, verdicts={i: self.verdicts[i] for i in ids})


def resolve(indexes: list[PartitionIndex], edges: list[Edge]) -> Resolution:
    """The verdicts of every kept article; `indexes` in partition (input) order."""
    result = Resolution()
    kept = _kept_articles(indexes, result)
    incoming: dict[Order, list[Edge]] = defaultdict(list)
    for edge in edges:
        incoming[edge.later].append(edge)
    first_by_hash: dict[str, str] = {}
    first_copies: dict[Order, str] = {}
    for key in kept:
        verdict = _verdict(key, first_by_hash, first_copies, incoming.get(key.order, ()))
        result.verdicts[key.id] = verdict
        if verdict.duplicate_of:
            result.duplicates += 1
            result.near_duplicates += verdict.kind == "near"
        else:
            first_by_hash.setdefault(key.body_hash, key.id)
            first_copies[key.order] = key.id
    return result


def _kept_articles(indexes: list[PartitionIndex], result: Resolution) -> list:
    """The articles of documents whose content key is seen for the first time, in input order."""
    seen: set[str] = set()
    kept = []
    for index in indexes:
        skipped = result.skipped.setdefault(index.partition_id, set())
        for ordinal, key in index.documents:
            if key in seen:
                skipped.add(ordinal)
            seen.add(key)
        kept.extend(a for a in index.articles if a.order[1] not in skipped)
    kept.sort(key=lambda a: a.order)
    return kept


def _verdict(key, first_by_hash: dict[str, str], first_copies: dict[Order, str], edges) -> Verdict:
    """One article's verdict against the first copies before it."""
    exact = first_by_hash.get(key.body_hash)
    if exact is not None:
        return Verdict(duplicate_of=exact, kind="exact", similarity=1.0)
    if not key.signed:
        return Verdict(duplicate_of=None)
    close = [e for e in edges if e.earlier in first_copies]
    if not close:
        return Verdict(duplicate_of=None)
    best = min(close, key=lambda e: e.earlier)
    return Verdict(duplicate_of=first_copies[best.earlier], kind="near", similarity=best.similarity)
