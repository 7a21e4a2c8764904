"""Exporting stored tables as CSV, JSON Lines or Parquet, one row per record, streamed from the store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from redline.store import Store


def export_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """The rows of a stored table as JSON-contract dicts (stage records carry their article's id)."""
    if table == "articles":
        for article in store.articles():
            row = article.to_json()
            for stage_field in ("actors", "quotes", "events", "positions"):
                row.pop(stage_field)
            yield row
        return
    for stored in store.stage_records(table, first_copies=False):
        yield stored.to_json()


def write_rows(rows: Iterable[dict[str, Any]], *, format: str, output: Path | None) -> int:
    """Write rows in the format to the file (or stdout); how many were written."""
    if format == "parquet":
        return _write_parquet(rows, output)
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        return _write_csv(rows, handle) if format == "csv" else _write_jsonl(rows, handle)
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


def _write_csv(rows: Iterable[dict[str, Any]], handle) -> int:
    """CSV with a header; list and dict values as JSON text."""
    writer = None
    count = 0
    for row in rows:
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        count += 1
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
