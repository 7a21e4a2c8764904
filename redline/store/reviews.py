"""Analysts' reviews of extracted records: stable record ids, the append-only `reviews` table, `apply_reviews`.

A record (position, quote, event) is named by a stable id made of its article id, its evidence span and its
type, never by a row id, so a review still finds its record after a re-ingest or a re-extraction:

    record_id("position", "a1b2c3", 120, 245)  -> "p-3f9c0e1d2a4b"      (rank 0: the first on that span)
    record_id("position", "a1b2c3", 120, 245, 1) -> "p-3f9c0e1d2a4b-2"  (a second position on the same sentence)

The latest review of an id wins (reviews are append-only; undo is a new review). `apply_reviews` is the one
place the store's reads pass through: rejected records leave, corrected ones take the analyst's values,
added ones join, and every reviewed record carries its verdict.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any

# stage table -> the record type a review names, and back
RECORD_TYPES: dict[str, str] = {"positions": "position", "quotes": "quote", "events": "event"}
TABLES: dict[str, str] = {kind: table for table, kind in RECORD_TYPES.items()}
VERDICTS = ("confirm", "reject", "correct", "add")
_PREFIX = {"position": "p", "quote": "q", "event": "e"}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in _PREFIX.items()}
REVIEW_COLUMNS = ("record_id", "kind", "verdict", "article_id", "start", "end", "rank", "values", "note", "who",
                  "created")
_INSERT = (f"INSERT INTO reviews ({', '.join(chr(34) + c + chr(34) for c in REVIEW_COLUMNS)})"
           f" VALUES ({', '.join('?' for _ in REVIEW_COLUMNS)})")  # "values" is an SQL keyword: every name quoted


def record_id(kind: str, article_id: str, start: int, end: int, rank: int = 0) -> str:
    """The stable id of a record: its type's letter, a hash of article id + evidence span, and its rank on the span.

    `rank` counts the records of the same type on the same span before it (in extraction order), so two
    positions voiced in one sentence get two ids; the first keeps the short form.
    """
    digest = hashlib.sha1(f"{kind}\x1f{article_id}\x1f{int(start)}\x1f{int(end)}".encode("utf-8")).hexdigest()[:12]
    return f"{_PREFIX[kind]}-{digest}" + (f"-{rank + 1}" if rank else "")


def kind_of(record_id_text: str) -> str | None:
    """The record type an id names (from its first letter), or None when it is not a record id."""
    prefix, _, rest = (record_id_text or "").partition("-")
    return _KIND_OF_PREFIX.get(prefix) if rest else None


def span_rank_sql(table: str, alias: str) -> str:
    """A SELECT column `span_rank`: how many records of the table precede this one on the same span of its article."""
    if table not in RECORD_TYPES:
        raise ValueError(f"records of {table!r} are not reviewed")
    return (f"(SELECT count(*) FROM {table} o WHERE o.article_id = {alias}.article_id AND o.start = {alias}.start"
            f" AND o.end = {alias}.end AND o.seq < {alias}.seq) AS span_rank")


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """One verdict on one record: confirm, reject, correct (new `values`) or add (the whole record in `values`)."""

    record_id: str
    kind: str
    verdict: str
    article_id: str
    start: int
    end: int
    rank: int = 0
    values: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    who: str = ""
    created: str = ""
    seq: int | None = None  # the row's number: later reviews have higher numbers

    def to_json(self) -> dict[str, Any]:
        """The review as `redline review list --json` and `redline export --table reviews` name it."""
        return {"key": self.record_id, "record_type": self.kind, "verdict": self.verdict, "values": self.values,
                "note": self.note, "who": self.who, "when": self.created, "article_id": self.article_id,
                "start": self.start, "end": self.end, "rank": self.rank, "seq": self.seq}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Review":
        """A review from its JSON (an exported line); raises KeyError/ValueError/TypeError when a field is bad."""
        kind, verdict = str(data["record_type"]), str(data["verdict"])
        if kind not in TABLES or verdict not in VERDICTS:
            raise ValueError(f"record_type {kind!r} or verdict {verdict!r} unknown")
        values = data.get("values") or {}
        if not isinstance(values, dict):
            raise ValueError("values must be an object")
        return cls(record_id=str(data["key"]), kind=kind, verdict=verdict, article_id=str(data["article_id"]),
                   start=int(data["start"]), end=int(data["end"]), rank=int(data.get("rank") or 0), values=values,
                   note=data.get("note"), who=str(data.get("who") or ""), created=str(data.get("when") or ""))


def has_reviews(connection: sqlite3.Connection) -> bool:
    """True when the reviews table (migration 0006) exists in this file (a read-only open of an older file lacks it)."""
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews'"
    return connection.execute(sql).fetchone() is not None


def _from_row(row: sqlite3.Row) -> Review:
    """A Review from a row of the reviews table."""
    return Review(record_id=row["record_id"], kind=row["kind"], verdict=row["verdict"], article_id=row["article_id"],
                  start=row["start"], end=row["end"], rank=row["rank"], values=json.loads(row["values"] or "{}"),
                  note=row["note"], who=row["who"], created=row["created"], seq=row["id"])


def all_reviews(connection: sqlite3.Connection) -> list[Review]:
    """Every review ever written, oldest first (the table is append-only)."""
    if not has_reviews(connection):
        return []
    return [_from_row(r) for r in connection.execute("SELECT * FROM reviews ORDER BY id")]


def latest_reviews(connection: sqlite3.Connection, kind: str | None = None) -> dict[str, Review]:
    """The latest review of each record id (of one record type when `kind` is given): the ones that count."""
    if not has_reviews(connection):
        return {}
    sql = ("SELECT * FROM reviews WHERE id IN (SELECT max(id) FROM reviews GROUP BY record_id)"
           " AND (? IS NULL OR kind = ?) ORDER BY id")
    return {r.record_id: r for r in map(_from_row, connection.execute(sql, (kind, kind)))}


def write_reviews(connection: sqlite3.Connection, reviews: Iterable[Review]) -> list[Review]:
    """Append reviews in one transaction (all or nothing); the reviews as stored, with their number and time."""
    stored = []
    with connection:
        for review in reviews:
            created = review.created or datetime.now(timezone.utc).isoformat(timespec="seconds")
            cursor = connection.execute(
                _INSERT,
                (review.record_id, review.kind, review.verdict, review.article_id, review.start, review.end,
                 review.rank, json.dumps(review.values, ensure_ascii=False, sort_keys=True), review.note,
                 review.who, created))
            stored.append(replace(review, created=created, seq=int(cursor.lastrowid)))
    return stored


def corrected(record: Any, values: dict[str, Any]) -> Any:
    """The record with the analyst's values for the fields its type has (list fields given as lists)."""
    names = {f.name for f in fields(record)}
    changes = {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in values.items() if k in names}
    return replace(record, **changes)


def built(record_type: type, values: dict[str, Any]) -> Any:
    """An added record of `record_type` from a review's values (every field the add wrote)."""
    names = {f.name for f in fields(record_type)}
    return record_type(**{k: v for k, v in values.items() if k in names})


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """Which records a listing keeps by review: all (None), reviewed only (True) or unreviewed only (False)."""

    reviewed: bool | None = None

    def keeps(self, verdict: str | None) -> bool:
        """Whether a record with this latest verdict (None: never reviewed) is kept."""
        return self.reviewed is None or (verdict is not None) == self.reviewed


def apply_reviews(rows: list[Any], reviews: dict[str, Review], *, keep_rejected: bool = False) -> list[Any]:
    """Stored records (with `id`, `record` and `review` attributes) with their latest reviews applied.

    Rejected records are left out (kept, marked, with `keep_rejected`: the article page shows them so a
    rejection can be undone); corrected and added-over records take the review's values; every reviewed
    record's `review` is its verdict. Added records that match no row are the caller's to append (see
    Store.added_records). The rows are changed in place and returned.
    """
    kept = []
    for row in rows:
        review = reviews.get(row.id)
        if review is not None:
            if review.verdict == "reject" and not keep_rejected:
                continue
            if review.verdict in ("correct", "add"):
                row.record = corrected(row.record, review.values)
            row.review = review.verdict
        kept.append(row)
    return kept
