"""The embedded store: one SQLite file in WAL mode, so readers (the dashboard) work while an ingest writes."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from redline.dedup import Deduplicator, signature_bytes, signature_from_bytes
from redline.ingest.options import DedupOptions
from redline.positions.model import Evidence
from redline.records import Article
from redline.store.migrate import migrate
from redline.store.rows import STAGE_TABLES, from_row, insert_sql, to_row

DEFAULT_DB = "redline.db"
_ARTICLE_COLUMNS = "id, input, text, title, published, source, language, duplicate_of, url, format, body_hash, flags, analysed"


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
        cursor = self.connection.execute(
            "INSERT OR IGNORE INTO articles (id, document_key, seq, input, title, published, source, language, text,"
            " duplicate_of, duplicate_kind, similarity, url, format, body_hash, minhash, flags, analysed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, document_key, item.seq, a.input, a.title, a.published, a.source, a.language, a.text,
                a.duplicate_of, item.verdict.kind, item.verdict.similarity if item.verdict.kind else None,
                a.url, a.format, a.body_hash, signature_bytes(item.signature), json.dumps(a.flags), int(a.analysed),
            ),
        )
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
            yield _article_from_row(row)

    def article(self, article_id: str) -> Article | None:
        """One stored article by id, with its actors and quotes."""
        row = self.connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        article = _article_from_row(row)
        for table in STAGE_TABLES:
            rows = self.connection.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,))
            setattr(article, table, [from_row(table, r) for r in rows])
        return article

    def quotes(self, *, actor: str | None = None, limit: int | None = None) -> Iterator[StoredRecord]:
        """Stored quotes in article order; `actor` keeps those whose speaker name contains it (any case)."""
        sql = ("SELECT q.*, a.title, a.published, a.source FROM quotes q JOIN articles a ON a.id = q.article_id"
               " WHERE (? IS NULL OR q.speaker LIKE '%' || ? || '%') ORDER BY a.rowid, q.seq LIMIT ?")
        for row in self.connection.execute(sql, (actor, actor, -1 if limit is None else limit)):
            yield StoredRecord(article_id=row["article_id"], record=from_row("quotes", row), title=row["title"],
                               published=row["published"], source=row["source"])

    def stage_records(self, table: str, *, first_copies: bool = True) -> Iterator[StoredRecord]:
        """Every record of a stage table (actors, quotes, events, positions) with its article, in article order."""
        if table not in STAGE_TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(STAGE_TABLES)}")
        where = "WHERE a.duplicate_of IS NULL" if first_copies else ""
        sql = (f"SELECT r.*, a.title, a.published, a.source FROM {table} r JOIN articles a ON a.id = r.article_id"
               f" {where} ORDER BY a.rowid, r.seq")
        for row in self.connection.execute(sql):
            yield StoredRecord(article_id=row["article_id"], record=from_row(table, row), title=row["title"],
                               published=row["published"], source=row["source"])

    def evidence(self) -> list[Evidence]:
        """Every stored position of a first copy, with the article it came from: the analysis's input."""
        return [
            Evidence(position=r.record, article_id=r.article_id, source=r.source, published=r.published)
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


@dataclass(slots=True)
class StoredRecord:
    """A stored stage record (actor, quote, event or position) with the article it came from."""

    article_id: str
    record: Any
    title: str | None = None
    published: str | None = None
    source: str | None = None

    def to_json(self) -> dict:
        """The record as the JSON output contract names it, with its article's id, date and source."""
        return {**self.record.to_json(), "article_id": self.article_id, "published": self.published,
                "article_source": self.source}


def _article_from_row(row: sqlite3.Row) -> Article:
    """An Article from a row of the articles table."""
    data = dict(row)
    data["flags"] = json.loads(data["flags"] or "[]")
    data["analysed"] = bool(data["analysed"])
    return Article(**data)


def _now() -> str:
    """The current UTC time, ISO formatted."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
