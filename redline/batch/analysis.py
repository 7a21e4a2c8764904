"""The cross-article analysis of a batch output, read from its Parquet datasets with pyarrow.

Positions of first copies become Evidence (in input order, as the store gives them), then the deal
space (stance matrix, impasses, shifts), the corroboration of each stance, and the events merged
across articles: written to DIR/analysis.json.
"""

from __future__ import annotations

from pathlib import Path

from redline.batch.read import read_dataset
from redline.batch.tables import ORDER_COLUMN
from redline.batch.workdir import atomic_json
from redline.dealspace import deal_space, merged_evidence
from redline.events import merge_mentions
from redline.positions.analysis import corroboration
from redline.positions.model import Evidence
from redline.store.rows import from_row


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
    return [
        Evidence(position=from_row("positions", r), article_id=r["article_id"],
                 source=articles[r["article_id"]]["source"], published=articles[r["article_id"]]["published"])
        for r in _records(out, "positions", articles)
    ]


def batch_analysis(out: Path, *, profile=None) -> dict:
    """The deal space, corroboration and merged events of a batch output, as JSON."""
    articles = _first_copies(out)
    evidence = batch_evidence(out)
    by_article: dict[str, tuple] = {}
    for r in _records(out, "events", articles):
        by_article.setdefault(r["article_id"], (r["article_id"], articles[r["article_id"]]["source"], []))[2].append(
            from_row("events", r))
    merged = merge_mentions(list(by_article.values()))
    return {
        "deal_space": deal_space(evidence, profile=profile).to_json(),
        "corroboration": [c.to_json() for c in corroboration(merged_evidence(evidence, profile=profile))],
        "events": [m.to_json() for m in merged],
    }


def write_analysis(out: Path, *, profile=None) -> dict:
    """Compute the analysis and write it to DIR/analysis.json."""
    analysis = batch_analysis(out, profile=profile)
    atomic_json(Path(out) / "analysis.json", analysis)
    return analysis
