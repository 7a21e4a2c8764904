"""MinHash LSH as a shuffle: band keys bucketed per partition, grouped per bucket, candidate pairs checked.

The bands are those of datasketch's `MinHashLSH(threshold, num_perm)` (read off an instance), so two
articles are candidates here exactly when one would find the other with `MinHashLSH.query`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from redline.batch.workdir import atomic_pickle, read_pickle, work_path
from redline.dedup import DedupOptions

Order = tuple[int, int, int]  # (file index, record index, article seq): the single-process input order


@dataclass(frozen=True, slots=True)
class Bands:
    """The LSH banding: `b` bands of `r` rows each."""

    b: int
    r: int


@lru_cache(maxsize=8)
def bands_for(threshold: float, num_perm: int) -> Bands:
    """The (b, r) datasketch chooses for this threshold and permutation count."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return Bands(b=lsh.b, r=lsh.r)


@dataclass(frozen=True, slots=True)
class BandRow:
    """One article's key in one band, with what the Jaccard check needs."""

    key: bytes
    order: Order
    body_hash: str
    hashvalues: np.ndarray


@dataclass(frozen=True, slots=True)
class Edge:
    """An earlier article whose signature is at or over the threshold against a later one's."""

    earlier: Order
    later: Order
    similarity: float


def band_keys(hashvalues: np.ndarray, bands: Bands) -> list[bytes]:
    """The article's key in each band: the band's number and its rows' exact values, hashed."""
    keys = []
    for i in range(bands.b):
        chunk = hashvalues[i * bands.r : (i + 1) * bands.r].astype(np.uint64).tobytes()
        keys.append(hashlib.blake2b(i.to_bytes(2, "big") + chunk, digest_size=16).digest())
    return keys


def bucket_of(key: bytes, buckets: int) -> int:
    """The shuffle bucket a band key goes to."""
    return int.from_bytes(key[:8], "big") % buckets


def write_bands(out: Path, partition_id: str, rows: list[BandRow], buckets: int) -> None:
    """A partition's band rows, one file per bucket (empty buckets too, so readers need no listing)."""
    grouped: list[list[BandRow]] = [[] for _ in range(buckets)]
    for row in rows:
        grouped[bucket_of(row.key, buckets)].append(row)
    for bucket, items in enumerate(grouped):
        atomic_pickle(work_path(out, "bands", partition_id, f"{bucket:05d}.pkl"), items)


def bucket_edges(bucket: int, *, out: Path, partition_ids: list[str], dedup: DedupOptions) -> list[Edge]:
    """Candidate pairs sharing a band key in this bucket whose Jaccard estimate reaches the threshold.

    Pairs of the same body hash are left out: a later copy of a first copy's exact body is an exact
    duplicate, and a copy of a non-first copy is never compared with it, so such a pair decides nothing.
    """
    path = work_path(out, "edges", f"{bucket:05d}.pkl")
    if path.exists():
        return read_pickle(path)
    groups: dict[bytes, list[BandRow]] = defaultdict(list)
    for pid in partition_ids:
        for row in read_pickle(work_path(out, "bands", pid, f"{bucket:05d}.pkl")):
            groups[row.key].append(row)
    found: dict[tuple[Order, Order], Edge] = {}
    for members in groups.values():
        if len(members) > 1:
            _pairs(sorted(members, key=lambda m: m.order), dedup.threshold, found)
    edges = list(found.values())
    atomic_pickle(path, edges)
    return edges


def _pairs(members: list[BandRow], threshold: float, found: dict) -> None:
    """Add the group's close pairs (earlier, later) to `found`."""
    for j, later in enumerate(members):
        for earlier in members[:j]:
            if earlier.body_hash == later.body_hash or (earlier.order, later.order) in found:
                continue
            similarity = float(np.count_nonzero(earlier.hashvalues == later.hashvalues)) / len(later.hashvalues)
            if similarity >= threshold:
                found[(earlier.order, later.order)] = Edge(earlier.order, later.order, round(similarity, 3))
