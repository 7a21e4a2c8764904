"""Deduplication: exact (normalised body hash) and near-duplicate (MinHash LSH, datasketch)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from redline.records import Article, ArticleOutcome, Verdict
from redline.stages import stage

_WORD = re.compile(r"\w+", re.UNICODE)
# Signatures are stored on disk, so the hashing scheme is pinned: read back, they must compare with new ones.
_SCHEME = "affine32"


def body_words(text: str) -> list[str]:
    """The body's words, case-folded: what two copies of one article share whatever their layout."""
    return _WORD.findall(text.casefold())


def body_hash(text: str) -> str:
    """The hash of the normalised body: equal for copies that differ only in case, spacing or punctuation."""
    return hashlib.blake2b(" ".join(body_words(text)).encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True, kw_only=True, slots=True)
class DedupOptions:
    """How near-duplicates are found: MinHash over word shingles, LSH at a Jaccard threshold."""

    num_perm: int = 128
    shingle_words: int = 3
    threshold: float = 0.7
    min_words: int = 40


class Deduplicator:
    """An index of the first copies seen so far, answering whether a new body repeats one of them."""

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self._by_hash: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._signatures: dict[str, MinHash] = {}
        self._lsh = MinHashLSH(threshold=self.options.threshold, num_perm=self.options.num_perm)

    def signature(self, text: str) -> MinHash | None:
        """The MinHash of the body's word shingles, or None when the body is too short to compare."""
        words = body_words(text)
        if len(words) < self.options.min_words:
            return None
        n = self.options.shingle_words
        shingles = {" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}
        minhash = MinHash(num_perm=self.options.num_perm, scheme=_SCHEME)
        minhash.update_batch(list(shingles))
        return minhash

    def check(self, hashed: str, signature: MinHash | None) -> Verdict:
        """The earliest first copy this body repeats, exactly or nearly; no match gives an empty verdict."""
        exact = self._by_hash.get(hashed)
        if exact is not None:
            return Verdict(duplicate_of=exact, kind="exact", similarity=1.0)
        if signature is None:
            return Verdict(duplicate_of=None)
        matches = [
            (self._order[key], key, signature.jaccard(self._signatures[key])) for key in self._lsh.query(signature)
        ]
        close = [m for m in matches if m[2] >= self.options.threshold]
        if not close:
            return Verdict(duplicate_of=None)
        _, first, similarity = min(close)
        return Verdict(duplicate_of=first, kind="near", similarity=round(similarity, 3))

    def add(self, article_id: str, hashed: str, signature: MinHash | None) -> None:
        """Register a first copy so that later copies are found."""
        self._by_hash.setdefault(hashed, article_id)
        self._order.setdefault(article_id, len(self._order))
        if signature is not None and article_id not in self._signatures:
            self._signatures[article_id] = signature
            self._lsh.insert(article_id, signature)


def signature_bytes(signature: MinHash | None) -> bytes | None:
    """A MinHash as bytes for the store."""
    return None if signature is None else signature.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes | None, *, num_perm: int) -> MinHash | None:
    """A MinHash read back from the store (None when it has another permutation count)."""
    if not data:
        return None
    values = np.frombuffer(data, dtype=np.uint64)
    if len(values) != num_perm:
        return None
    return MinHash(num_perm=num_perm, hashvalues=values.copy(), scheme=_SCHEME)


@stage("dedup", requires=("Article.text",), assigns=("Article.duplicate_of",))
def deduplicate(article: Article, seq: int, dedup: Deduplicator) -> ArticleOutcome:
    """The article marked as a copy of an earlier one, or registered as a first copy."""
    article.body_hash = body_hash(article.text)
    signature = dedup.signature(article.text)
    verdict = dedup.check(article.body_hash, signature)
    if verdict.duplicate_of:
        article.duplicate_of = verdict.duplicate_of
    else:
        dedup.add(article.id, article.body_hash, signature)
    return ArticleOutcome(article=article, seq=seq, verdict=verdict, signature=signature)
