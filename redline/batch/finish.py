"""Phase 3, on the workers: apply the global verdicts, run the NLP stages, write the partition's Parquet files.

Each file is written to a hidden temporary name and renamed into place; the partition's done marker
is written last, so a partition either has its marker and all its files, or is redone by a re-run
(which writes the same file names: no duplicates).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from redline.annotate import AnnotateOptions, annotate_outcomes
from redline.batch.lsh import Order
from redline.batch.prepare import PreparedDocument
from redline.batch.resolve import Resolution
from redline.batch.resources import resources
from redline.batch.tables import (
    UNKNOWN_MONTH, batch_article_row, document_row, month_of, problem_row, schema, stage_rows,
)
from redline.batch.workdir import atomic_json, read_pickle, temp_beside, work_path
from redline.ingest.options import IngestOptions
from redline.records import ArticleOutcome, DocumentOutcome, Problem, Verdict
from redline.store.rows import STAGE_TABLES


@dataclass(slots=True)
class PartitionCounts:
    """What one partition wrote, per dataset, and how long its NLP took."""

    partition_id: str
    rows: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    articles: int = 0
    duplicates: int = 0
    non_english: int = 0
    problems: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        """The counts as JSON."""
        return {"partition": self.partition_id, "rows": self.rows, "documents": self.documents,
                "articles": self.articles, "duplicates": self.duplicates, "non_english": self.non_english,
                "problems": self.problems, "seconds": round(self.seconds, 3)}


def pack(order: Order) -> int:
    """The input order as one sortable integer: file (27 bits), record (24 bits), article (12 bits)."""
    file_index, record, seq = order
    return (file_index << 36) | (record << 12) | seq


def done_path(out: Path, partition_id: str) -> Path:
    """The marker of a finished partition."""
    return work_path(out, "done", f"{partition_id}.json")


def finish_partition(partition_id: str, *, out: Path, options: IngestOptions, resolution: Resolution) -> PartitionCounts:
    """Phase 3 for one partition; a partition whose marker exists is read back, not redone."""
    import time

    marker = done_path(out, partition_id)
    if marker.exists():
        return counts_from_marker(marker)
    started = time.perf_counter()
    prepared: list[PreparedDocument] = read_pickle(work_path(out, "prep", f"{partition_id}.pkl"))
    skipped = resolution.skipped.get(partition_id, set())
    outcomes = [_outcome(item, resolution.verdicts) for item in prepared if item.ordinal not in skipped]
    if options.nlp:
        found = resources(options.profile)
        annotate = AnnotateOptions(processes=1, batch_size=options.nlp_batch_size, profile=found.profile)
        outcomes = list(annotate_outcomes(outcomes, options=annotate, dictionary=found.dictionary))
    counts = _write(out, partition_id, outcomes, prepared)
    counts.seconds = time.perf_counter() - started
    atomic_json(marker, counts.to_json())
    return counts


def _outcome(item: PreparedDocument, verdicts: dict[str, Verdict]) -> DocumentOutcome | Problem:
    """A prepared record as the pipeline's outcome, with each article's global verdict applied."""
    if item.document is None:
        return item.problem
    outcome = DocumentOutcome(document=item.document, problem=item.problem)
    for prepared in item.articles:
        article = prepared.article
        verdict = verdicts[article.id]
        article.duplicate_of = verdict.duplicate_of
        outcome.articles.append(ArticleOutcome(article=article, seq=prepared.seq, verdict=verdict, signature=None))
    return outcome


def _write(out: Path, partition_id: str, outcomes: list, prepared: list[PreparedDocument]) -> PartitionCounts:
    """Every dataset's rows of the partition, written per month."""
    orders = {p.article.id: pack(p.order) for item in prepared for p in item.articles}
    orders.update({item.document.key: pack((item.file_index, item.ordinal, 0)) for item in prepared if item.document})
    minhashes = {p.article.id: p.hashvalues for item in prepared for p in item.articles}
    rows: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    counts = PartitionCounts(partition_id=partition_id)
    for outcome in outcomes:
        if isinstance(outcome, Problem):
            counts.problems += 1
            rows["problems"][UNKNOWN_MONTH].append(problem_row(outcome))
            continue
        _outcome_rows(outcome, rows, counts, orders, minhashes)
    for dataset, months in rows.items():
        counts.rows[dataset] = sum(len(r) for r in months.values())
        for month, items in months.items():
            _write_parquet(out / dataset / f"month={month}" / f"part-{partition_id}.parquet", dataset, items)
    return counts


def _outcome_rows(outcome: DocumentOutcome, rows, counts: PartitionCounts, orders: dict[str, int], minhashes: dict) -> None:
    """Add one document's rows (document, articles, stage records) to `rows`, by month of its first article."""
    counts.documents += 1
    counts.problems += outcome.problem is not None
    first = outcome.articles[0].article if outcome.articles else None
    month = month_of(first.published if first else None)
    order = orders[outcome.document.key]
    rows["documents"][month].append(
        document_row(outcome.document, articles=len(outcome.articles), problem=outcome.problem, order=order))
    for item in outcome.articles:
        article = item.article
        counts.articles += 1
        counts.duplicates += bool(article.duplicate_of)
        counts.non_english += "non_english" in article.flags
        month = month_of(article.published)
        hashvalues = minhashes[article.id]
        minhash = None if hashvalues is None else hashvalues.tobytes()
        rows["articles"][month].append(batch_article_row(article, document_key=outcome.document.key, seq=item.seq,
                                                   verdict=item.verdict, minhash=minhash, order=orders[article.id]))
        for table in STAGE_TABLES:
            rows[table][month].extend(stage_rows(table, article))


def _write_parquet(path: Path, dataset: str, items: list[dict]) -> None:
    """One Parquet file, written under a temporary name then renamed into place."""
    table = pa.Table.from_pylist(items, schema=schema(dataset))
    temp = temp_beside(path)
    try:
        pq.write_table(table, temp)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def counts_from_marker(marker: Path) -> PartitionCounts:
    """PartitionCounts read back from a done marker."""
    data = json.loads(marker.read_text(encoding="utf-8"))
    return PartitionCounts(partition_id=data["partition"], rows=data["rows"], documents=data["documents"],
                           articles=data["articles"], duplicates=data["duplicates"], non_english=data["non_english"],
                           problems=data["problems"], seconds=data["seconds"])
