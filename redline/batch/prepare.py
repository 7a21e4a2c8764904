"""Phase 1, on the workers: read, clean, segment, hash and sign one partition's articles.

The whole result goes to DIR/_work/prep (phase 3 reads it back); the driver gets a small index of
document keys and article hashes, and the band keys go to the shuffle buckets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from redline.articles import document_articles
from redline.batch.lsh import BandRow, Order, band_keys, bands_for, write_bands
from redline.batch.partitions import Partition
from redline.batch.workdir import atomic_pickle, read_pickle, work_path
from redline.dedup import Deduplicator, body_hash
from redline.ingest.options import IngestOptions
from redline.records import Article, Document, Problem


@dataclass(slots=True)
class PreparedArticle:
    """A cleaned article with its place in the input order and its MinHash values (None: too short)."""

    order: Order
    seq: int
    article: Article
    hashvalues: np.ndarray | None


@dataclass(slots=True)
class PreparedDocument:
    """One record of the partition: a document (content dropped) with its articles or its problem, or a read problem."""

    ordinal: int
    file_index: int
    document: Document | None
    problem: Problem | None = None
    articles: list[PreparedArticle] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """What the global dedup needs of one article."""

    order: Order
    id: str
    body_hash: str
    signed: bool


@dataclass(slots=True)
class PartitionIndex:
    """The driver's view of a prepared partition: document keys in order and article keys."""

    partition_id: str
    documents: list[tuple[int, str]] = field(default_factory=list)  # (record index, content key)
    articles: list[ArticleKey] = field(default_factory=list)
    read_problems: int = 0


def prepare_partition(part: Partition, *, out: Path, options: IngestOptions, recurring: dict, buckets: int) -> PartitionIndex:
    """Phase 1 for one partition; a partition prepared by an earlier (crashed) run is read back, not redone."""
    index_path = work_path(out, "index", f"{part.id}.pkl")
    if index_path.exists():
        return read_pickle(index_path)
    dedup = Deduplicator(options.dedup)
    bands = bands_for(options.dedup.threshold, options.dedup.num_perm)
    prepared: list[PreparedDocument] = []
    rows: list[BandRow] = []
    for ordinal, found in part.documents(options=options):
        item = _prepare(part, ordinal, found, options=options, dedup=dedup, recurring=recurring)
        prepared.append(item)
        rows.extend(_band_rows(item, bands))
    atomic_pickle(work_path(out, "prep", f"{part.id}.pkl"), prepared)
    write_bands(out, part.id, rows, buckets)
    index = _index(part.id, prepared)
    atomic_pickle(index_path, index)
    return index


def _prepare(part: Partition, ordinal: int, found, *, options: IngestOptions, dedup: Deduplicator, recurring: dict) -> PreparedDocument:
    """One record cleaned and segmented into signed articles (what pipeline._outcome does before the verdict)."""
    if isinstance(found, Problem):
        return PreparedDocument(ordinal=ordinal, file_index=part.file_index, document=None, problem=found)
    result = document_articles(found, options=options, recurring=recurring.get(found.group or "", frozenset()))
    slim = replace(found, content="")
    if isinstance(result, Problem):
        return PreparedDocument(ordinal=ordinal, file_index=part.file_index, document=slim, problem=result)
    articles = []
    for seq, article in enumerate(result):
        article.body_hash = body_hash(article.text)
        signature = dedup.signature(article.text)
        values = None if signature is None else signature.hashvalues.astype(np.uint64)
        articles.append(PreparedArticle(order=(part.file_index, ordinal, seq), seq=seq, article=article, hashvalues=values))
    return PreparedDocument(ordinal=ordinal, file_index=part.file_index, document=slim, articles=articles)


def _band_rows(item: PreparedDocument, bands) -> list[BandRow]:
    """The band rows of a prepared record's signed articles."""
    return [
        BandRow(key=key, order=a.order, body_hash=a.article.body_hash, hashvalues=a.hashvalues)
        for a in item.articles
        if a.hashvalues is not None
        for key in band_keys(a.hashvalues, bands)
    ]


def _index(partition_id: str, prepared: list[PreparedDocument]) -> PartitionIndex:
    """The small index of a prepared partition."""
    index = PartitionIndex(partition_id=partition_id)
    for item in prepared:
        if item.document is None:
            index.read_problems += 1
            continue
        index.documents.append((item.ordinal, item.document.key))
        index.articles.extend(
            ArticleKey(order=a.order, id=a.article.id, body_hash=a.article.body_hash, signed=a.hashvalues is not None)
            for a in item.articles
        )
    return index
