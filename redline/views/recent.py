"""Whole-table reads of events and quotes for the overview, with the filters applied in SQL.

Large stores hold hundreds of thousands of events and quotes; the overview needs only their per-day counts,
the most recent few, and the quotes' speaker and words, so it never builds a record object for each of them.
The filters are bound parameters (the same rule as `Filters.keeps_article`: the article's source, and its
publication day within since/until; undated articles only when no date bound is set). First copies only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.store import Store
from redline.store.db import RECORD_ARTICLE, StoredRecord, stored_record
from redline.store.reviews import RECORD_TYPES, has_reviews, span_rank_sql
from redline.views.filters import Filters

_KEEP = (" AND a.duplicate_of IS NULL AND (:source IS NULL OR a.source = :source)"
         " AND (:since IS NULL OR substr(a.published, 1, 10) >= :since)"
         " AND (:until IS NULL OR substr(a.published, 1, 10) <= :until)")

# A record's day: its own full date (events), else its article's publication day, else NULL (undated).
_DAY = {
    "events": ("CASE WHEN length(r.date) >= 10 THEN substr(r.date, 1, 10)"
               " WHEN length(a.published) >= 10 THEN substr(a.published, 1, 10) END"),
    "quotes": "CASE WHEN length(a.published) >= 10 THEN substr(a.published, 1, 10) END",
}

# Where an undated record is placed in time: the day its article was ingested (articles stored before
# migration 0011 have no ingest time and stay out of the lists).
_INGEST_DAY = "CASE WHEN length(a.ingested) >= 10 THEN substr(a.ingested, 1, 10) END"
_PLACED = {table: f"coalesce({day}, {_INGEST_DAY})" for table, day in _DAY.items()}


# Records whose latest review rejects them leave the counts and lists (matched on article and span, in SQL).
_NOT_REJECTED = (" AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.kind = '{kind}' AND v.article_id = r.article_id"
                 " AND v.start = r.start AND v.end = r.end AND v.verdict = 'reject'"
                 " AND v.id = (SELECT max(w.id) FROM reviews w WHERE w.record_id = v.record_id))")


def _keep(store: Store, table: str) -> str:
    """The filter clause for `table`: first copies within the filters, less the records analysts rejected."""
    return _KEEP + (_NOT_REJECTED.format(kind=RECORD_TYPES[table]) if has_reviews(store.connection) else "")


def _params(filters: Filters, **extra) -> dict:
    """The bound parameters of the filter clause."""
    return {"source": filters.source, "since": filters.since, "until": filters.until, **extra}


@dataclass(slots=True)
class DayCounts:
    """How many records of a table the filters keep: per day, undated, and in all."""

    per_day: dict[str, int]
    undated: int

    @property
    def total(self) -> int:
        """Every kept record, dated or not."""
        return sum(self.per_day.values()) + self.undated


def day_counts(store: Store, table: str, filters: Filters) -> DayCounts:
    """Per-day counts of the kept records of `table` (events or quotes)."""
    sql = (f"SELECT {_DAY[table]} AS day, count(*) AS n FROM {table} r JOIN articles a ON a.id = r.article_id"
           f" WHERE 1 = 1{_keep(store, table)} GROUP BY day")
    per_day: dict[str, int] = {}
    undated = 0
    for row in store.connection.execute(sql, _params(filters)):
        if row["day"] is None:
            undated = row["n"]
        else:
            per_day[row["day"]] = row["n"]
    return DayCounts(per_day=per_day, undated=undated)


@dataclass(slots=True)
class DatedRecord:
    """A stored record with the day it is placed at: its own or its article's date, or, `undated`, the day
    its article was ingested."""

    day: str
    row: StoredRecord
    undated: bool = False


def most_recent(store: Store, table: str, filters: Filters, *, limit: int) -> list[DatedRecord]:
    """The `limit` most recent records of `table` (events or quotes) within the filters, newest first; an
    undated one placed at its article's ingest day and marked (ties: undated after dated, then by ingest
    time, article id and offset, descending: the order the timeline sorts in, reversed)."""
    sql = (f"SELECT r.*, {span_rank_sql(table, 'r')}, {RECORD_ARTICLE}, {_PLACED[table]} AS day,"
           f" {_DAY[table]} IS NULL AS undated FROM {table} r JOIN articles a ON a.id = r.article_id"
           f" WHERE {_PLACED[table]} IS NOT NULL{_keep(store, table)}"
           f" ORDER BY day DESC, undated ASC, a.ingested DESC, r.article_id DESC, r.start DESC LIMIT :limit")
    rows = store.connection.execute(sql, _params(filters, limit=limit)).fetchall()
    stored = store.with_reviews([stored_record(table, row) for row in rows], store.reviews(RECORD_TYPES[table]),
                                keep_rejected=True)  # rejected ones were left out in SQL; keep the rows aligned
    return [DatedRecord(day=row["day"], row=record, undated=bool(row["undated"])) for row, record in zip(rows, stored)]


_NON_WORD = re.compile(r"[\W_]+")


def quote_words(text: str | None, min_words: int) -> str | None:
    """A quote's words case-folded, punctuation dropped (its grouping key); None when it has fewer than min_words."""
    if not text:
        return None
    words = _NON_WORD.sub(" ", text.casefold()).split()
    return " ".join(words) if len(words) >= min_words else None


@dataclass(slots=True)
class QuoteGroup:
    """The quotes of one speaker with the same words: how many articles and sources cite them, which rows."""

    speaker: str
    text: str
    articles: int
    sources: int
    rowids: list[int]


def most_cited(store: Store, filters: Filters, *, limit: int, min_words: int) -> list[QuoteGroup]:
    """The `limit` quote groups (same speaker, same words) cited by the most sources, then articles, then longest.

    Reads plain tuples (no record objects) and normalises each distinct text once, so it stays fast on large stores.
    """
    sql = ("SELECT r.rowid, r.article_id, r.speaker, r.text, coalesce(a.source, 'article:' || a.id)"
           f" FROM quotes r JOIN articles a ON a.id = r.article_id WHERE r.speaker IS NOT NULL{_keep(store, 'quotes')}")
    cursor = store.connection.cursor()
    cursor.row_factory = None
    exact: dict[tuple[str, str], list[tuple]] = {}
    for row in cursor.execute(sql, _params(filters)):
        exact.setdefault((row[2], row[3]), []).append(row)
    groups: dict[tuple[str, str], list[tuple]] = {}
    for (speaker, text), rows in exact.items():
        words = quote_words(text, min_words)
        if words is not None:
            groups.setdefault((speaker, words), []).extend(rows)
    found = [QuoteGroup(speaker=speaker, text=words, articles=len({r[1] for r in rows}), sources=len({r[4] for r in rows}),
                        rowids=sorted(r[0] for r in rows)) for (speaker, words), rows in groups.items()]
    found.sort(key=lambda g: (-g.sources, -g.articles, -len(g.text), g.speaker, g.text))
    return found[:limit]


def quotes_at(store: Store, rowids: list[int]) -> list[StoredRecord]:
    """The quotes stored at these rowids, with their articles, in rowid order."""
    found: list[StoredRecord] = []
    for n in range(0, len(rowids), 500):
        chunk = rowids[n:n + 500]
        sql = (f"SELECT r.*, {span_rank_sql('quotes', 'r')}, {RECORD_ARTICLE} FROM quotes r JOIN articles a ON a.id = r.article_id"
               f" WHERE r.rowid IN ({', '.join('?' for _ in chunk)}) ORDER BY r.rowid")
        found += [stored_record("quotes", row) for row in store.connection.execute(sql, chunk)]
    # marks and corrections only: the rejected ones were left out of the groups already
    return store.with_reviews(found, store.reviews("quote"), keep_rejected=True)
