"""The batch datasets' rows and Arrow schemas: the store's tables, column for column.

Column names and types are read off the store's own migrations (applied to an in-memory database),
so a migration that adds a column changes the Parquet schema with it. `articles` and `documents` add
`batch_order`, the global input order `redline load` inserts them in.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Any

import pyarrow as pa

from redline.records import Article, Document, Problem, Verdict
from redline.store.migrate import migrate
from redline.store.rows import STAGE_TABLES, article_row, to_row

DATASETS = ("documents", "articles", *STAGE_TABLES, "problems")
ORDER_COLUMN = "batch_order"
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary(), "TEXT": pa.string()}


@lru_cache(maxsize=None)
def store_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(name, declared type) of a store table's columns, in table order."""
    connection = sqlite3.connect(":memory:")
    try:
        migrate(connection)
        return tuple((row[1], row[2].upper()) for row in connection.execute(f"PRAGMA table_info({table})"))
    finally:
        connection.close()


@lru_cache(maxsize=None)
def schema(dataset: str) -> pa.Schema:
    """The Arrow schema of a dataset (without the hive `month` column, which the folder names)."""
    if dataset == "problems":
        return pa.schema([("input", pa.string()), ("reason", pa.string()), ("stored", pa.int64())])
    columns = [pa.field(name, _TYPES.get(kind, pa.string())) for name, kind in store_columns(dataset)]
    if dataset in ("articles", "documents"):
        columns.append(pa.field(ORDER_COLUMN, pa.int64()))
    return pa.schema(columns)


def month_of(published: str | None) -> str:
    """The hive partition of a publication date: YYYY-MM, or `unknown`."""
    match = _MONTH.match(published or "")
    return f"{match.group(1)}-{match.group(2)}" if match else UNKNOWN_MONTH


def document_row(document: Document, *, articles: int, problem: Problem | None, order: int) -> dict[str, Any]:
    """A documents row."""
    return {"key": document.key, "input": document.input, "format": document.kind, "articles": articles,
            "problem": problem.reason if problem else None, ORDER_COLUMN: order}


def batch_article_row(article: Article, *, document_key: str, seq: int, verdict: Verdict, minhash: bytes | None,
                      order: int) -> dict[str, Any]:
    """An articles row, as the store writes it, with the global input order."""
    return {**article_row(article, document_key=document_key, seq=seq, verdict=verdict, minhash=minhash),
            ORDER_COLUMN: order}


def stage_rows(table: str, article: Article) -> list[dict[str, Any]]:
    """The rows of one stage table for an article, as the store's row mapping makes them."""
    names = [name for name, _ in store_columns(table)]
    return [dict(zip(names, to_row(article.id, n, record))) for n, record in enumerate(getattr(article, table))]


def problem_row(problem: Problem) -> dict[str, Any]:
    """A problems row: an input part that yielded no document."""
    return {"input": problem.input, "reason": problem.reason, "stored": int(problem.stored)}
