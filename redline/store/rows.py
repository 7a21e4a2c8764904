"""Stage records <-> table rows: one generic mapping for actors, quotes, events and positions.

Each table has the columns `article_id`, `seq`, then one column per field of its record type, named
as the field; list fields are stored as JSON, booleans as 0/1. Identifiers come from the record types,
never from input; values are always bound parameters.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from redline.actors.index import Actor
from redline.events.model import Event
from redline.positions.model import Position
from redline.quotes.model import Quote
from redline.records import Article

# table name -> the record type stored in it, in the order an article carries them
STAGE_TABLES: dict[str, type] = {"actors": Actor, "quotes": Quote, "events": Event, "positions": Position}


# The columns an Article is read back from, and the columns one article row is written with.
ARTICLE_FIELDS = ("id", "input", "text", "title", "published", "source", "language", "duplicate_of", "url", "format",
                  "author", "body_hash", "flags", "analysed")
ARTICLE_ROW_COLUMNS = ("id", "document_key", "seq", "input", "title", "published", "source", "language", "text",
                       "duplicate_of", "duplicate_kind", "similarity", "url", "format", "body_hash", "minhash", "flags",
                       "analysed", "author", "ingested")


def article_row(article: Article, *, document_key: str, seq: int, verdict: Any, minhash: bytes | None) -> dict[str, Any]:
    """The articles-table row of an article with its dedup verdict (the store and the batch Parquet write it)."""
    return {
        "id": article.id, "document_key": document_key, "seq": seq, "input": article.input, "title": article.title,
        "published": article.published, "source": article.source, "language": article.language, "text": article.text,
        "duplicate_of": article.duplicate_of, "duplicate_kind": verdict.kind,
        "similarity": verdict.similarity if verdict.kind else None, "url": article.url, "format": article.format,
        "body_hash": article.body_hash, "minhash": minhash, "flags": json.dumps(article.flags),
        "analysed": int(article.analysed), "author": article.author,
        "ingested": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def article_from_row(row: Any) -> Article:
    """An Article from a row of the articles table (a sqlite3.Row or any mapping with ARTICLE_FIELDS)."""
    data = {name: row[name] for name in ARTICLE_FIELDS}
    data["flags"] = json.loads(data["flags"] or "[]")
    data["analysed"] = bool(data["analysed"])
    return Article(**data)


def _kind(annotation: Any) -> str:
    """How a field is stored: 'json' for lists, 'bool' for flags, 'plain' otherwise."""
    text = str(annotation)
    if text.startswith("list"):
        return "json"
    return "bool" if text == "bool" else "plain"


def insert_sql(table: str) -> str:
    """The INSERT statement for a stage table, with one placeholder per column."""
    names = ["article_id", "seq", *(f.name for f in fields(STAGE_TABLES[table]))]
    quoted = ", ".join(f'"{name}"' for name in names)
    return f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' for _ in names)})"


def to_row(article_id: str, seq: int, record: Any) -> tuple:
    """A record as the values of its table's row."""
    values: list[Any] = [article_id, seq]
    for f in fields(record):
        value = getattr(record, f.name)
        kind = _kind(f.type)
        values.append(json.dumps([list(v) if isinstance(v, tuple) else v for v in value]) if kind == "json"
                      else int(value) if kind == "bool" else value)
    return tuple(values)


@lru_cache(maxsize=None)
def _columns(table: str) -> tuple[tuple[str, str], ...]:
    """Each field of a stage table's record type with how it is stored (computed once per table)."""
    return tuple((f.name, _kind(f.type)) for f in fields(STAGE_TABLES[table]))


def from_row(table: str, row: sqlite3.Row) -> Any:
    """The record a row of a stage table holds."""
    data: dict[str, Any] = {}
    for name, kind in _columns(table):
        value = row[name]
        if kind == "json":
            value = [tuple(v) if isinstance(v, list) else v for v in json.loads(value or "[]")]
        elif kind == "bool":
            value = bool(value)
        data[name] = value
    return STAGE_TABLES[table](**data)
