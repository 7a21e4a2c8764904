"""The embedded store: one SQLite file in WAL mode, so readers (the dashboard) work while an ingest writes."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from redline.dedup import Deduplicator, signature_bytes, signature_from_bytes
from redline.dedup import DedupOptions
from redline.records import Article
from redline.store.migrate import migrate, migrations, schema_version
from redline.store.reviews import (
    RECORD_TYPES, Review, apply_reviews, built, has_reviews, latest_reviews, record_id, span_rank_sql,
)
from redline.store.rows import (
    ARTICLE_FIELDS, ARTICLE_ROW_COLUMNS, STAGE_TABLES, article_from_row, article_row, from_row, insert_sql, to_row,
)

DEFAULT_DB = "redline.db"
# The article columns a stage record is shown with, named apart from the record's own (events have a `source`).
RECORD_ARTICLE = ("a.title AS article_title, a.published AS article_published, a.source AS article_source,"
                  " a.ingested AS article_ingested")
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


class StoreError(Exception):
    """A database that cannot be opened or written, in one line naming its path and the cause."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


class Store:
    """A redline database file: open it, migrate it, read and write records with parameterised SQL."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._dedup: Deduplicator | None = None
        self._seen_rowid = 0
        self._own_ids: set[str] = set()
        if readonly and not self.path.exists():
            raise FileNotFoundError(f"no redline database at {self.path}")
        try:
            self.connection = self._connect(readonly)
        except sqlite3.Error as error:
            raise StoreError(self.path, _cause(error, self.path)) from None
        self.connection.row_factory = sqlite3.Row

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        """The connection, checked to be a redline database, migrated when opened for writing."""
        if self.path.is_dir():
            raise sqlite3.OperationalError("is a folder, not a database file")
        if readonly:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        else:
            connection = sqlite3.connect(self.path, timeout=30)
        try:
            check_schema(connection)
            if not readonly:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                migrate(connection)
            connection.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            connection.close()
            raise
        return connection

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
        """A deduplication index holding every first copy already stored, in the order they were stored.

        The store keeps it: each batch written later first adds the first copies other processes stored
        meanwhile, and checks the batch against them (concurrent ingests see each other's signatures).
        """
        dedup = Deduplicator(options)
        rows = self.connection.execute(
            "SELECT rowid, id, body_hash, minhash FROM articles WHERE duplicate_of IS NULL ORDER BY rowid"
        )
        for row in rows:
            dedup.add(row["id"], row["body_hash"], signature_from_bytes(row["minhash"], num_perm=options.num_perm))
            self._seen_rowid = max(self._seen_rowid, row["rowid"])
        self._dedup = dedup
        return dedup

    def _recheck_against_others(self, outcomes: list) -> None:
        """Inside the write lock: mark batch articles that copy a first copy another process stored since
        this one loaded its index, and add those first copies to the index."""
        if self._dedup is None:
            return
        options = self._dedup.options
        rows = self.connection.execute(
            "SELECT rowid, id, body_hash, minhash FROM articles WHERE rowid > ? AND duplicate_of IS NULL ORDER BY rowid",
            (self._seen_rowid,),
        ).fetchall()
        others = Deduplicator(options)
        for row in rows:
            self._seen_rowid = max(self._seen_rowid, row["rowid"])
            if row["id"] in self._own_ids:
                continue
            signature = signature_from_bytes(row["minhash"], num_perm=options.num_perm)
            others.add(row["id"], row["body_hash"], signature)
            self._dedup.add(row["id"], row["body_hash"], signature)
        if not others._order:
            return
        for outcome in outcomes:
            for item in outcome.articles:
                if item.verdict.duplicate_of:
                    continue
                verdict = others.check(item.article.body_hash, item.signature)
                if verdict.duplicate_of:
                    item.verdict = verdict
                    item.article.duplicate_of = verdict.duplicate_of

    def write_outcomes(self, outcomes: list, *, also: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Store a batch of document outcomes in one transaction (all or nothing), taking the write lock
        first so that the cross-process duplicate check and the insert see the same database.

        `also` writes more rows in the same transaction (the watcher's URL states), so both land or neither.
        """
        if not outcomes and also is None:
            return
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self._recheck_against_others(outcomes)
            if also is not None:
                also(self.connection)
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
                    self._own_ids.add(item.article.id)

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
                                      source=row["article_source"], id=review.record_id, review="add",
                                      ingested=row["article_ingested"]))
        return found

    def record_ids(self, table: str, article_ids: set[str] | None = None) -> list[str]:
        """The stable ids of the extracted records of a table (of the given articles only, when given)."""
        kind = RECORD_TYPES[table]
        sql = f"SELECT r.article_id, r.start, r.end, {span_rank_sql(table, 'r')} FROM {table} r"
        rows = self.connection.execute(sql).fetchall() if article_ids is None else [
            row for a in sorted(article_ids)
            for row in self.connection.execute(sql + " WHERE r.article_id = ?", (a,))]
        return [record_id(kind, r["article_id"], r["start"], r["end"], r["span_rank"]) for r in rows]

    def actor_roles(self) -> dict[tuple[str, str], str]:
        """The role of each named actor of each article, by (article id, name), where the actor stage found one."""
        sql = "SELECT article_id, name, role FROM actors WHERE role IS NOT NULL AND role != ''"
        return {(row["article_id"], row["name"]): row["role"] for row in self.connection.execute(sql)}

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
        """Record the start of a run; its id. Runs left `running` by a process that no longer exists (killed
        with no chance to finish their row) are marked `killed` first."""
        with self.connection:
            for row in self.connection.execute("SELECT id, pid FROM runs WHERE status = 'running'").fetchall():
                if not _alive(row["pid"]):
                    self.connection.execute("UPDATE runs SET status = 'killed' WHERE id = ?", (row["id"],))
            cursor = self.connection.execute(
                "INSERT INTO runs (started, command, status, pid) VALUES (?, ?, 'running', ?)", (_now(), command, os.getpid())
            )
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, *, documents: int, articles: int, duplicates: int, problems: int,
                   status: str = "finished", seconds: float | None = None) -> None:
        """Record the end of a run (how it ended, how long it took) and its counts."""
        with self.connection:
            self.connection.execute(
                "UPDATE runs SET finished = ?, documents = ?, articles = ?, duplicates = ?, problems = ?, status = ?,"
                " seconds = ? WHERE id = ?",
                (_now(), documents, articles, duplicates, problems, status, seconds, run_id),
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
               until: str | None = None, offset: int = 0) -> SearchResults:
        """Articles (title + text) and quotes matching every word of `words`, best first, with marked snippets;
        `offset` hits of each kind skipped (the next page), the totals counted over all of them.

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
                        f" WHERE articles_fts MATCH ?{keep} ORDER BY rank, a.rowid LIMIT ? OFFSET ?")
        quotes_sql = ("SELECT q.article_id, q.seq, q.speaker, q.start, q.end, a.title, a.published, a.source,"
                      " highlight(quotes_fts, 0, char(2), char(3)) AS snippet"
                      " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
                      f" WHERE quotes_fts MATCH ?{keep} ORDER BY rank, q.rowid LIMIT ? OFFSET ?")
        count_articles = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                          f" WHERE articles_fts MATCH ?{keep}")
        count_quotes = ("SELECT count(*) FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
                        f" JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ?{keep}")
        run = lambda sql, *extra: self.connection.execute(sql, (match, *bounds, *extra))  # noqa: E731
        return SearchResults(
            articles=[SearchHit(article_id=r["id"], title=r["title"], published=r["published"], source=r["source"],
                                snippet=r["snippet"], marked_title=r["marked_title"]) for r in run(articles_sql, limit, offset)],
            quotes=[SearchHit(article_id=r["article_id"], title=r["title"], published=r["published"],
                              source=r["source"], snippet=r["snippet"], speaker=r["speaker"], start=r["start"],
                              end=r["end"]) for r in run(quotes_sql, limit, offset)],
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
    ingested: str | None = None  # when its article was stored (UTC ISO); places undated articles in time

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
                        published=row["article_published"], source=row["article_source"], id=rid,
                        ingested=row["article_ingested"] if "article_ingested" in row.keys() else None)


def _alive(pid: int | None) -> bool:
    """True when a process with this id exists on this machine (or the id is unknown)."""
    if not pid:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def check_schema(connection: sqlite3.Connection) -> None:
    """Refuse a database written by a newer redline, or another application's SQLite file."""
    version = schema_version(connection)  # reading the header: "file is not a database" surfaces here
    newest = migrations()[-1][0]
    if version > newest:
        raise sqlite3.DatabaseError(f"schema version {version} is newer than this redline knows ({newest}); upgrade redline")
    if version == 0:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if tables:
            raise sqlite3.DatabaseError(f"an SQLite file of another application (tables: {', '.join(sorted(tables)[:5])}), not a redline database")


def _cause(error: sqlite3.Error, path: Path) -> str:
    """The cause of a failed open in words a user can act on."""
    message = str(error)
    if message == "unable to open database file":
        if not path.parent.exists():
            return f"cannot create the database: folder {path.parent} does not exist"
        return "cannot open or create the database file (permissions?)"
    if "readonly" in message or "read-only" in message:
        return "the database is read-only"
    return message


def _now() -> str:
    """The current UTC time, ISO formatted."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
