"""Exporting stored tables as CSV, JSON Lines or Parquet, one row per record, streamed from the store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

from redline.records import Article
from redline.store import Store
from redline.store.reviews import RECORD_TYPES, Review, all_reviews
from redline.store.rows import STAGE_TABLES

# OWASP CSV injection: a spreadsheet runs a cell that starts with one of these (after leading spaces) as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """The rows of a stored table as JSON-contract dicts (stage records carry their article's id, their stable id
    and their review; rejected records are left out, corrected ones carry the corrections). `reviews`: every
    review ever written, oldest first."""
    if table == "reviews":
        yield from (review.to_json() for review in all_reviews(store.connection))
        return
    if table == "articles":
        for article in store.articles():
            row = article.to_json()
            for stage_field in ("actors", "quotes", "events", "positions"):
                row.pop(stage_field)
            yield row
        return
    for stored in store.stage_records(table, first_copies=False):
        yield stored.to_json()


def export_columns(table: str) -> list[str]:
    """The columns an exported table has, read off its record type's JSON contract (the header of an empty CSV)."""
    if table == "reviews":
        return list(Review(record_id="", kind="", verdict="", article_id="", start=0, end=0).to_json())
    if table == "articles":
        sample = Article(id="", input="", text="").to_json()
        return [k for k in sample if k not in STAGE_TABLES]
    record = STAGE_TABLES[table](**{f.name: _blank(f.type) for f in fields(STAGE_TABLES[table])
                                    if f.default is MISSING and f.default_factory is MISSING})
    ids = ["id", "review"] if table in RECORD_TYPES else []
    return [*ids, *record.to_json(), "article_id", "published", "article_source"]


def _blank(annotation: Any) -> Any:
    """A placeholder value of a field's type (only its JSON keys are wanted)."""
    text = str(annotation)
    if text.startswith(("list", "tuple")):
        return []
    return {"bool": False, "int": 0, "float": 0.0}.get(text, "")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: strings that would start a formula get a leading apostrophe."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)):
        return "'" + value
    return value


def write_rows(rows: Iterable[dict[str, Any]], *, format: str, output: Path | None, columns: list[str] | None = None) -> int:
    """Write rows in the format to the file (or stdout); how many were written. `columns` heads an empty CSV."""
    if format == "parquet":
        return _write_parquet(rows, output)
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        return _write_csv(rows, handle, columns) if format == "csv" else _write_jsonl(rows, handle)
    finally:
        if output:
            handle.close()


def _write_jsonl(rows: Iterable[dict[str, Any]], handle) -> int:
    """One JSON object per line."""
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], handle, columns: list[str] | None) -> int:
    """CSV with a header (also for no rows, when the columns are known); list and dict values as JSON text;
    formula-like cells neutralised."""
    writer = None
    count = 0
    for row in rows:
        flat = {k: safe_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    if writer is None and columns:
        csv.writer(handle).writerow(columns)
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], output: Path) -> int:
    """A Parquet file (lists stay lists), written in batches so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    count = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
        if writer is None:
            writer = pq.ParquetWriter(output, table.schema)
        writer.write_table(table)
        batch.clear()

    for row in rows:
        batch.append(row)
        count += 1
        if len(batch) >= 5000:
            flush()
    if batch or writer is None:
        if not batch and writer is None:
            pq.write_table(pa.table({}), output)
            return 0
        flush()
    writer.close()
    return count
