"""`redline load`: a batch output folder into the embedded store, through `Store.write_outcomes`.

Partitions are loaded in input order, so first copies are stored before their duplicates and the
store's order (rowid) is the single-process one. Idempotent: stored documents and articles are
ignored by key, so loading twice adds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from redline.batch.read import partition_ids, partition_rows
from redline.dedup import signature_from_bytes
from redline.records import ArticleOutcome, Document, DocumentOutcome, Problem, Verdict
from redline.store import Store
from redline.store.rows import STAGE_TABLES, article_from_row, from_row

@dataclass(frozen=True, slots=True)
class LoadSummary:
    """How many partitions, documents and articles a load read (the store ignores those it has)."""

    partitions: int
    documents: int
    articles: int


def load_batch(out: Path, *, store: Store) -> LoadSummary:
    """Write every partition of the batch output to the store, one transaction per partition."""
    if not Path(out, "manifest.json").exists():
        raise FileNotFoundError(f"no finished batch output at {out} (manifest.json missing)")
    ids = partition_ids(out)
    documents = articles = 0
    run_id = store.start_run(f"load {out}")
    for pid in ids:
        outcomes = partition_outcomes(out, pid)
        store.write_outcomes(outcomes)
        documents += len(outcomes)
        articles += sum(len(o.articles) for o in outcomes)
    store.finish_run(run_id, documents=documents, articles=articles, duplicates=0, problems=0)
    return LoadSummary(partitions=len(ids), documents=documents, articles=articles)


def partition_outcomes(out: Path, partition_id: str) -> list[DocumentOutcome]:
    """One partition's documents, with their articles and stage records, as the pipeline's outcomes."""
    records: dict[str, dict[str, list]] = {table: defaultdict(list) for table in STAGE_TABLES}
    for table in STAGE_TABLES:
        for row in sorted(partition_rows(out, table, partition_id), key=lambda r: r["seq"]):
            records[table][row["article_id"]].append(from_row(table, row))
    by_document: dict[str, list[ArticleOutcome]] = defaultdict(list)
    for row in partition_rows(out, "articles", partition_id):
        by_document[row["document_key"]].append(_article_outcome(row, records))
    outcomes = []
    for row in partition_rows(out, "documents", partition_id):
        document = Document(input=row["input"], kind=row["format"], content="", key=row["key"])
        problem = Problem(row["input"], row["problem"]) if row["problem"] else None
        outcomes.append(DocumentOutcome(document=document, articles=by_document.get(row["key"], []), problem=problem))
    return outcomes


def _article_outcome(row: dict, records: dict[str, dict[str, list]]) -> ArticleOutcome:
    """An articles row, with its stage records, as an ArticleOutcome."""
    article = article_from_row(row)
    for table in STAGE_TABLES:
        setattr(article, table, records[table].get(article.id, []))
    minhash = row["minhash"]
    signature = signature_from_bytes(minhash, num_perm=len(minhash) // 8) if minhash else None
    verdict = Verdict(duplicate_of=row["duplicate_of"], kind=row["duplicate_kind"], similarity=row["similarity"] or 0.0)
    return ArticleOutcome(article=article, seq=row["seq"], verdict=verdict, signature=signature)
