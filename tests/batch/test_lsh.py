"""The shuffled LSH + global resolution give exactly the single-process Deduplicator's verdicts."""

from __future__ import annotations

import random

from datasketch import MinHashLSH

from redline.batch.lsh import BandRow, band_keys, bands_for, bucket_edges, write_bands
from redline.batch.prepare import ArticleKey, PartitionIndex
from redline.batch.resolve import resolve
from redline.dedup import Deduplicator, body_hash
from redline.dedup import DedupOptions


def test_lsh_bands_match_datasketch():
    for threshold, num_perm in ((0.7, 128), (0.5, 64), (0.9, 256)):
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        bands = bands_for(threshold, num_perm)
        assert (bands.b, bands.r) == (lsh.b, lsh.r)


def _corpus(seed: int = 3) -> list[str]:
    """Bodies with exact copies, near copies, copies of near copies and short bodies, shuffled."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    bases = [" ".join(rng.choice(vocabulary) for _ in range(120)) for _ in range(12)]
    texts = list(bases)
    for base in bases[:8]:
        words = base.split()
        for edits in (3, 8, 20, 45):
            changed = list(words)
            for i in rng.sample(range(len(words)), edits):
                changed[i] = rng.choice(vocabulary)
            texts.append(" ".join(changed))
        texts.append(base.upper())  # an exact copy once normalised
    texts += [" ".join(rng.choice(vocabulary) for _ in range(10)) for _ in range(3)]
    texts += texts[-2:]
    rng.shuffle(texts)
    return texts


def test_resolve_over_bucketed_edges_matches_deduplicator(tmp_path):
    options = DedupOptions()
    texts = _corpus()
    sequential = Deduplicator(options)
    expected = {}
    for n, text in enumerate(texts):
        signature = sequential.signature(text)
        verdict = sequential.check(body_hash(text), signature)
        expected[f"a{n}"] = verdict
        if not verdict.duplicate_of:
            sequential.add(f"a{n}", body_hash(text), signature)
    assert sum(v.kind == "near" for v in expected.values()) >= 5 and sum(v.kind == "exact" for v in expected.values()) >= 5
    bands = bands_for(options.threshold, options.num_perm)
    signer = Deduplicator(options)
    indexes = []
    for start in range(0, len(texts), 7):  # partitions of 7 articles, one record each
        index = PartitionIndex(partition_id=f"p{start:04d}")
        rows = []
        for n in range(start, min(start + 7, len(texts))):
            signature = signer.signature(texts[n])
            order = (0, n, 0)
            index.documents.append((n, f"key{n}"))
            index.articles.append(ArticleKey(order=order, id=f"a{n}", body_hash=body_hash(texts[n]), signed=signature is not None))
            if signature is not None:
                rows += [BandRow(key=k, order=order, body_hash=body_hash(texts[n]), hashvalues=signature.hashvalues)
                         for k in band_keys(signature.hashvalues, bands)]
        write_bands(tmp_path, index.partition_id, rows, buckets=3)
        indexes.append(index)
    ids = [i.partition_id for i in indexes]
    edges = [e for bucket in range(3) for e in bucket_edges(bucket, out=tmp_path, partition_ids=ids, dedup=options)]
    assert resolve(indexes, edges).verdicts == expected
