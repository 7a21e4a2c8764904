"""The embedded store: one SQLite file in WAL mode, so readers (the dashboard) work while an ingest writes."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from redline.dedup import Deduplicator, signature_bytes, signature_from_bytes
from redline.dedup import DedupOptions
from redline.positions.model import Evidence
from redline.records import Article
from redline.store.migrate import migrate
from redline.store.reviews import (
    RECORD_TYPES, Review, apply_reviews, built, has_reviews, latest_reviews, record_id, span_rank_sql,
)
from redline.store.rows import (
    ARTICLE_FIELDS, ARTICLE_ROW_COLUMNS, STAGE_TABLES, article_from_row, article_row, from_row, insert_sql, to_row,
)

DEFAULT_DB = "redline.db"
# The article columns a stage record is shown with, named apart from the record's own (events have a `source`).
RECORD_ARTICLE = "a.title AS article_title, a.published AS article_published, a.source AS article_source"
_ARTICLE_COLUMNS = ", ".join(ARTICLE_FIELDS)
_INSERT_ARTICLE = (f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_ROW_COLUMNS)})"
                   f" VALUES ({', '.join(':' + c for c in ARTICLE_ROW_COLUMNS)})")


def default_db_path() -> Path:
    """The database named by $REDLINE_DB, else `redline.db` in the working folder."""
    return Path(os.environ.get("REDLINE_DB") or DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How much the store holds."""

    documents: int
    articles: int
    duplicates: int
    problems: int


class Store:
    """A redline database file: open it, migrate it, read and write records with parameterised SQL."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no redline database at {self.path}")
            self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        else:
            self.connection = sqlite3.connect(self.path, timeout=30)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            migrate(self.connection)
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.row_factory = sqlite3.Row

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has_document(self, key: str) -> bool:
        """True when a document with this content key was stored by an earlier run."""
        return self.connection.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    def deduplicator(self, options: DedupOptions) -> Deduplicator:
        """A deduplication index holding every first copy already stored, in the order they were stored."""
        dedup = Deduplicator(options)
        rows = self.connection.execute(
            "SELECT id, body_hash, minhash FROM articles WHERE duplicate_of IS NULL ORDER BY rowid"
        )
        for row in rows:
            dedup.add(row["id"], row["body_hash"], signature_from_bytes(row["minhash"], num_perm=options.num_perm))
        return dedup

    def write_outcomes(self, outcomes: list) -> None:
        """Store a batch of document outcomes in one transaction (all or nothing)."""
        with self.connection:
            for outcome in outcomes:
                document = outcome.document
                self.connection.execute(
                    "INSERT OR IGNORE INTO documents (key, input, format, articles, problem) VALUES (?, ?, ?, ?, ?)",
                    (
                        document.key,
                        document.input,
                        document.kind,
                        len(outcome.articles),
                        outcome.problem.reason if outcome.problem else None,
                    ),
                )
                for item in outcome.articles:
                    self._insert_article(document.key, item)

    def _insert_article(self, document_key: str, item) -> None:
        """Insert one article row with its actors and quotes (nothing when its id is already stored)."""
        a: Article = item.article
        row = article_row(a, document_key=document_key, seq=item.seq, verdict=item.verdict,
                          minhash=signature_bytes(item.signature))
        cursor = self.connection.execute(_INSERT_ARTICLE, row)
        if cursor.rowcount == 0:
            return
        for table in STAGE_TABLES:
            records = getattr(a, table)
            self.connection.executemany(insert_sql(table), [to_row(a.id, n, r) for n, r in enumerate(records)])

    def articles(self, *, include_duplicates: bool = True, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in the order they were stored."""
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        rows = self.connection.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} ORDER BY rowid LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        for row in rows:
            yield article_from_row(row)

    def article(self, article_id: str) -> Article | None:
        """One stored article by id, with its actors and quotes."""
        row = self.connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        article = article_from_row(row)
        for table in STAGE_TABLES:
            rows = self.connection.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,))
            setattr(article, table, [from_row(table, r) for r in rows])
        return article

    def article_records(self, article_id: str, table: str, *, keep_rejected: bool = False) -> list[StoredRecord]:
        """One article's records of a reviewed table (quotes, events, positions) with ids and reviews applied."""
        rank = span_rank_sql(table, "r")
        sql = (f"SELECT r.*, {rank}, {RECORD_ARTICLE} FROM {table} r JOIN articles a ON a.id = r.article_id"
               " WHERE r.article_id = ? ORDER BY r.seq")
        rows = [stored_record(table, row) for row in self.connection.execute(sql, (article_id,))]
        reviews = self.reviews(RECORD_TYPES[table])
        mine = {k: r for k, r in reviews.items() if r.article_id == article_id}
        added = self.added_records(table, mine, first_copies=False)
        return self.with_reviews(rows, mine, keep_rejected=keep_rejected) + added

    def quotes(self, *, actor: str | None = None, limit: int | None = None) -> Iterator[StoredRecord]:
        """Stored quotes in article order; `actor` keeps those whose speaker name contains it (any case)."""
        found = (r for r in self.stage_records("quotes", first_copies=False)
                 if actor is None or actor.casefold() in (r.record.speaker or "").casefold())
        for n, row in enumerate(found):
            if limit is not None and n >= limit:
                return
            yield row

    def stage_records(self, table: str, *, first_copies: bool = True, keep_rejected: bool = False) -> Iterator[StoredRecord]:
        """Every record of a stage table (actors, quotes, events, positions) with its article, in article order.

        This is where the analysts' reviews apply (quotes, events, positions): rejected records are left out
        (kept and marked with `keep_rejected`), corrected ones carry the corrected values, added ones follow the
        extracted records; each record carries its stable `id` and its latest verdict as `review`.
        """
        if table not in STAGE_TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(STAGE_TABLES)}")
        where = "WHERE a.duplicate_of IS NULL" if first_copies else ""
        rank = f", {span_rank_sql(table, 'r')}" if table in RECORD_TYPES else ""
        sql = (f"SELECT r.*{rank}, {RECORD_ARTICLE} FROM {table} r JOIN articles a ON a.id = r.article_id"
               f" {where} ORDER BY a.rowid, r.seq")
        rows = (stored_record(table, row) for row in self.connection.execute(sql))
        if table not in RECORD_TYPES:
            yield from rows
            return
        reviews = self.reviews(RECORD_TYPES[table])
        yield from self.with_reviews(list(rows), reviews, keep_rejected=keep_rejected)
        yield from self.added_records(table, reviews, first_copies=first_copies)

    def reviews(self, kind: str | None = None) -> dict[str, Review]:
        """The latest review of each record (of one record type when `kind` is given), by record id."""
        return latest_reviews(self.connection, kind)

    def with_reviews(self, rows: list[StoredRecord], reviews: dict[str, Review], *,
                  keep_rejected: bool = False) -> list[StoredRecord]:
        """Stored records with the analysts' reviews applied (rejected ones out unless `keep_rejected`)."""
        return apply_reviews(rows, reviews, keep_rejected=keep_rejected) if reviews else rows

    def added_records(self, table: str, reviews: dict[str, Review] | None = None, *,
                      first_copies: bool = True) -> list[StoredRecord]:
        """Records analysts added (verdict `add`) that the extractor did not produce, with their articles."""
        kind = RECORD_TYPES[table]
        reviews = self.reviews(kind) if reviews is None else reviews
        adds = [r for r in reviews.values() if r.verdict == "add" and r.kind == kind]
        if not adds:
            return []
        taken = set(self.record_ids(table, {r.article_id for r in adds}))
        found = []
        for review in adds:
            if review.record_id in taken:
                continue  # re-extraction now produces it: apply_reviews gave it the added values
            row = self.connection.execute(f"SELECT {RECORD_ARTICLE}, a.duplicate_of FROM articles a WHERE a.id = ?",
                                          (review.article_id,)).fetchone()
            if row is None or (first_copies and row["duplicate_of"]):
                continue
            found.append(StoredRecord(article_id=review.article_id, record=built(STAGE_TABLES[table], review.values),
                                      title=row["article_title"], published=row["article_published"],
                                      source=row["article_source"], id=review.record_id, review="add"))
        return found

    def record_ids(self, table: str, article_ids: set[str] | None = None) -> list[str]:
        """The stable ids of the extracted records of a table (of the given articles only, when given)."""
        kind = RECORD_TYPES[table]
        sql = f"SELECT r.article_id, r.start, r.end, {span_rank_sql(table, 'r')} FROM {table} r"
        rows = self.connection.execute(sql).fetchall() if article_ids is None else [
            row for a in sorted(article_ids)
            for row in self.connection.execute(sql + " WHERE r.article_id = ?", (a,))]
        return [record_id(kind, r["article_id"], r["start"], r["end"], r["span_rank"]) for r in rows]

    def evidence(self) -> list[Evidence]:
        """Every stored position of a first copy, with the article it came from: the analysis's input."""
        return [
            Evidence(position=r.record, article_id=r.article_id, source=r.source, published=r.published,
                     record_id=r.id, review=r.review)
            for r in self.stage_records("positions")
        ]

    def counts(self) -> StoreCounts:
        """How many documents, articles, duplicates and refused documents are stored."""
        one = lambda sql: self.connection.execute(sql).fetchone()[0]  # noqa: E731
        return StoreCounts(
            documents=one("SELECT count(*) FROM documents"),
            articles=one("SELECT count(*) FROM articles"),
            duplicates=one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            problems=one("SELECT count(*) FROM documents WHERE problem IS NOT NULL"),
        )

    def start_run(self, command: str) -> int:
        """Record the start of a run; its id."""
        with self.connection:
            cursor = self.connection.execute("INSERT INTO runs (started, command) VALUES (?, ?)", (_now(), command))
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, *, documents: int, articles: int, duplicates: int, problems: int) -> None:
        """Record the end of a run and its counts."""
        with self.connection:
            self.connection.execute(
                "UPDATE runs SET finished = ?, documents = ?, articles = ?, duplicates = ?, problems = ? WHERE id = ?",
                (_now(), documents, articles, duplicates, problems, run_id),
            )

    def data_version(self) -> str:
        """A token that changes whenever rows are added to or removed from the store (for caches of views)."""
        tables = ("articles", *STAGE_TABLES, *(("reviews",) if has_reviews(self.connection) else ()))
        parts = [self.connection.execute(f"SELECT count(*), coalesce(max(rowid), 0) FROM {table}").fetchone()
                 for table in tables]
        return "-".join(f"{count}.{top}" for count, top in parts)

    def has_search(self) -> bool:
        """True when the full-text index (migration 0004) exists in this file."""
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
        return self.connection.execute(sql).fetchone() is not None

    def search(self, words: str, *, limit: int = 20, source: str | None = None, since: str | None = None,
               until: str | None = None) -> SearchResults:
        """Articles (title + text) and quotes matching every word of `words`, best first, with marked snippets.

        Matched terms are wrapped in SEARCH_MARK characters (STX ... ETX) for the caller to split and escape;
        the words are turned into a quoted FTS5 query, so no user input is parsed as FTS5 syntax.
        """
        match = fts_query(words)
        if match is None:
            return SearchResults(articles=[], quotes=[], article_total=0, quote_total=0)
        bounds = (source, source, since, since, until, until)
        keep = (" AND a.duplicate_of IS NULL AND (? IS NULL OR a.source = ?)"
                " AND (? IS NULL OR substr(a.published, 1, 10) >= ?) AND (? IS NULL OR substr(a.published, 1, 10) <= ?)")
        articles_sql = ("SELECT a.id, a.title, a.published, a.source,"
                        " snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet,"
                        " highlight(articles_fts, 0, char(2), char(3)) AS marked_title"
                        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                        f" WHERE articles_fts MATCH ?{keep} ORDER BY rank LIMIT ?")
        quotes_sql = ("SELECT q.article_id, q.seq, q.speaker, q.start, q.end, a.title, a.published, a.source,"
                      " highlight(quotes_fts, 0, char(2), char(3)) AS snippet"
                      " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
                      f" WHERE quotes_fts MATCH ?{keep} ORDER BY rank LIMIT ?")
        count_articles = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                          f" WHERE articles_fts MATCH ?{keep}")
        count_quotes = ("SELECT count(*) FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
                        f" JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ?{keep}")
        run = lambda sql, *extra: self.connection.execute(sql, (match, *bounds, *extra))  # noqa: E731
        return SearchResults(
            articles=[SearchHit(article_id=r["id"], title=r["title"], published=r["published"], source=r["source"],
                                snippet=r["snippet"], marked_title=r["marked_title"]) for r in run(articles_sql, limit)],
            quotes=[SearchHit(article_id=r["article_id"], title=r["title"], published=r["published"],
                              source=r["source"], snippet=r["snippet"], speaker=r["speaker"], start=r["start"],
                              end=r["end"]) for r in run(quotes_sql, limit)],
            article_total=run(count_articles).fetchone()[0],
            quote_total=run(count_quotes).fetchone()[0],
        )

    def article_titles(self, article_ids: list[str]) -> dict[str, str | None]:
        """The titles of the given articles by id (one query per 500 ids)."""
        found: dict[str, str | None] = {}
        unique = sorted(set(article_ids))
        for n in range(0, len(unique), 500):
            chunk = unique[n:n + 500]
            sql = f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' for _ in chunk)})"
            found.update((row["id"], row["title"]) for row in self.connection.execute(sql, chunk))
        return found

    def actor_quotes(self, speakers: list[str], *, limit: int) -> list[StoredRecord]:
        """Quotes of first copies whose speaker is one of `speakers` (exact names), newest articles first."""
        if not speakers:
            return []
        sql = (f"SELECT q.*, {span_rank_sql('quotes', 'q')}, {RECORD_ARTICLE} FROM quotes q"
               f" JOIN articles a ON a.id = q.article_id"
               f" WHERE a.duplicate_of IS NULL AND q.speaker IN ({', '.join('?' for _ in speakers)})"
               " ORDER BY a.published DESC, a.rowid DESC, q.seq LIMIT ?")
        reviews = self.reviews("quote")
        rows = self.with_reviews([stored_record("quotes", row) for row in self.connection.execute(sql, (*speakers, limit))],
                              reviews)
        # a correction can give a quote another speaker: keep only those still spoken by one of `speakers`
        rows = [r for r in rows if r.record.speaker in speakers]
        return rows + [r for r in self.added_records("quotes", reviews) if r.record.speaker in speakers]

    def actor_events(self, name: str, *, limit: int) -> list[StoredRecord]:
        """Events of first copies naming `name` exactly as a source or target actor, newest articles first."""
        needle = f"%{json.dumps(name)}%"
        sql = (f"SELECT e.*, {span_rank_sql('events', 'e')}, {RECORD_ARTICLE} FROM events e"
               " JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL AND (e.source LIKE ? OR e.target LIKE ?)"
               " ORDER BY coalesce(e.date, a.published) DESC, a.rowid DESC, e.seq LIMIT ?")
        rows = self.connection.execute(sql, (needle, needle, limit * 2))
        reviews = self.reviews("event")
        found = self.with_reviews([stored_record("events", row) for row in rows], reviews)
        found += self.added_records("events", reviews)
        return [r for r in found if name in r.record.source or name in r.record.target][:limit]


SEARCH_MARK = ("\x02", "\x03")


def fts_query(words: str) -> str | None:
    """An FTS5 query matching every word of the text (each a quoted string; a trailing * kept as a prefix)."""
    terms = []
    for match in re.finditer(r"(\w+)(\*?)", words):
        terms.append('"' + match.group(1) + '"' + match.group(2))
    return " ".join(terms) or None


@dataclass(slots=True)
class SearchHit:
    """One search result: an article (title and text) or a quote, with its snippet marked by SEARCH_MARK."""

    article_id: str
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    marked_title: str | None = None
    speaker: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class SearchResults:
    """The best article and quote hits of a search, with how many matched in all."""

    articles: list[SearchHit]
    quotes: list[SearchHit]
    article_total: int
    quote_total: int


@dataclass(slots=True)
class StoredRecord:
    """A stored stage record (actor, quote, event or position) with the article it came from."""

    article_id: str
    record: Any
    title: str | None = None
    published: str | None = None
    source: str | None = None
    id: str | None = None  # the stable record id (quotes, events, positions; redline/store/reviews.py)
    review: str | None = None  # the latest analyst verdict on it; None when unreviewed

    def to_json(self) -> dict:
        """The record as the JSON output contract names it, with its id, review and article's id, date and source."""
        ids = {"id": self.id, "review": self.review} if self.id is not None else {}
        return {**ids, **self.record.to_json(), "article_id": self.article_id, "published": self.published,
                "article_source": self.source}


def stored_record(table: str, row: sqlite3.Row) -> StoredRecord:
    """A stage record read with its article's title, date and source (selected as RECORD_ARTICLE), and its
    stable id when the row carries its `span_rank` (span_rank_sql)."""
    record = from_row(table, row)
    rid = (record_id(RECORD_TYPES[table], row["article_id"], record.start, record.end, row["span_rank"])
           if table in RECORD_TYPES and "span_rank" in row.keys() else None)
    return StoredRecord(article_id=row["article_id"], record=record, title=row["article_title"],
                        published=row["article_published"], source=row["article_source"], id=rid)


def _now() -> str:
    """The current UTC time, ISO formatted."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
