"""The cross-article analysis of a batch output, read from its Parquet datasets with pyarrow.

Positions of first copies become Evidence (in input order, as the store gives them, built by the deal
space's `stored_evidence` with the actors' roles), then the deal space (`analysis_json`: issues with each
party's weighed stance and breakdown, status, shifts) and the events merged across articles: written to
DIR/analysis.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redline.batch.read import read_dataset
from redline.batch.tables import ORDER_COLUMN
from redline.batch.workdir import atomic_json
from redline.dealspace import Evidence, analysis_json, stored_evidence
from redline.events import merge_reported
from redline.store.rows import from_row


@dataclass(frozen=True, slots=True)
class _Row:
    """A position or event row of a batch output as `stored_evidence` and `merge_reported` read it (the shape
    of a stored record; a batch holds no reviews)."""

    record: object
    article_id: str
    source: str | None
    published: str | None
    id: str | None = None
    review: str | None = None


def _first_copies(out: Path) -> dict[str, dict]:
    """id -> {source, published, order} of every first copy."""
    table = read_dataset(out, "articles").select(["id", "source", "published", "duplicate_of", ORDER_COLUMN])
    return {r["id"]: r for r in table.to_pylist() if not r["duplicate_of"]}


def _records(out: Path, table: str, articles: dict[str, dict]) -> list[dict]:
    """The rows of a stage dataset that belong to first copies, in input order."""
    rows = [r for r in read_dataset(out, table).to_pylist() if r["article_id"] in articles]
    rows.sort(key=lambda r: (articles[r["article_id"]][ORDER_COLUMN], r["seq"]))
    return rows


def batch_evidence(out: Path) -> list[Evidence]:
    """Every position of a first copy, with the article it came from (what `Store.evidence` gives after a load)."""
    articles = _first_copies(out)
    rows = [_Row(record=from_row("positions", r), article_id=r["article_id"],
                 source=articles[r["article_id"]]["source"], published=articles[r["article_id"]]["published"])
            for r in _records(out, "positions", articles)]
    roles = {(r["article_id"], r["name"]): r["role"] for r in _records(out, "actors", articles) if r.get("role")}
    return stored_evidence(rows, roles)


def batch_analysis(out: Path, *, profile=None) -> dict:
    """The deal space and merged events of a batch output, as JSON."""
    articles = _first_copies(out)
    evidence = batch_evidence(out)
    merged = merge_reported(_Row(record=from_row("events", r), article_id=r["article_id"],
                                 source=articles[r["article_id"]]["source"], published=articles[r["article_id"]]["published"])
                            for r in _records(out, "events", articles))
    return {
        "deal_space": analysis_json(evidence, profile=profile),
        "events": [m.to_json() for m in merged],
    }


def write_analysis(out: Path, *, profile=None) -> dict:
    """Compute the analysis and write it to DIR/analysis.json."""
    analysis = batch_analysis(out, profile=profile)
    atomic_json(Path(out) / "analysis.json", analysis)
    return analysis
