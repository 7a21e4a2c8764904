"""The watcher's state in the store (migration 0007): sources, URLs, alerts and the facts alerts compare with.

In the store layer, so the dashboard's views read it without importing the watcher (`redline.watch`)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from redline.store.db import Store

@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends back: the ETag and Last-Modified of the copy we have."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Facts:
    """The facts of an analysis that alerts compare: red-line evidence, shifts, impasses, stances by party."""

    red_lines: set[str] = field(default_factory=set)
    shifts: set[str] = field(default_factory=set)
    impasses: set[str] = field(default_factory=set)
    stances: dict[str, str] = field(default_factory=dict)  # "issue\tparty" -> stance

    def to_json(self) -> str:
        """The facts as JSON text (sorted, so equal facts give equal text)."""
        return json.dumps({"red_lines": sorted(self.red_lines), "shifts": sorted(self.shifts),
                           "impasses": sorted(self.impasses), "stances": dict(sorted(self.stances.items()))})

    @classmethod
    def from_json(cls, text: str) -> "Facts":
        """Facts read back from `to_json`."""
        data = json.loads(text)
        return cls(red_lines=set(data["red_lines"]), shifts=set(data["shifts"]), impasses=set(data["impasses"]),
                   stances=dict(data["stances"]))


@dataclass(frozen=True, slots=True)
class Alert:
    """One change worth telling: its kind, where (issue, party), before/after, and the evidence for it."""

    key: str
    kind: str
    issue: str
    party: str | None
    before: str | None
    after: str | None
    evidence: str | None
    article_id: str | None
    url: str | None = None
    published: str | None = None
    created: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The alert as a JSON object (the line in the alerts file and the webhook's body)."""
        return asdict(self)


DONE = frozenset({"stored", "refused", "skipped", "given_up"})
_FACTS_KEY = "alert_facts"
_VERSION_KEY = "alert_data_version"  # the store's data_version when the facts were taken


def now() -> str:
    """The current UTC time, ISO formatted to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class UrlState:
    """What the store knows of one article URL."""

    url: str
    signature: str
    status: str
    attempts: int
    validators: Validators


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One source's status row, for `redline watch --status` and the dashboard panel."""

    url: str
    name: str
    kind: str | None
    last_checked: str | None
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    passes: int
    not_modified: int
    entries: int
    fetched: int
    articles: int
    errors: int
    pending: int

    def to_json(self) -> dict:
        """The row as a JSON object."""
        return {name: getattr(self, name) for name in self.__slots__}


class WatchState:
    """Reads and writes the watch tables through a store's connection (writes in the caller's transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.connection
        self.pending: dict[str, tuple[str, Validators]] = {}  # URL -> (signature, validators) of pages in the pipeline

    def source_validators(self, url: str) -> Validators:
        """The ETag and Last-Modified of the source's last good listing."""
        row = self.db.execute("SELECT etag, last_modified FROM watch_sources WHERE url = ?", (url,)).fetchone()
        return Validators(row["etag"], row["last_modified"]) if row else Validators()

    def last_entries(self, url: str) -> list[str]:
        """The URLs the source's last good listing named."""
        row = self.db.execute("SELECT last_entries FROM watch_sources WHERE url = ?", (url,)).fetchone()
        return json.loads(row["last_entries"]) if row else []

    def ensure_source(self, url: str, name: str) -> None:
        """Add the source's row when it is new (its name refreshed otherwise)."""
        with self.db:
            self.db.execute("INSERT INTO watch_sources (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET name = excluded.name",
                            (url, name))

    def source_checked(self, url: str, *, kind: str | None, validators: Validators | None, entries: list[str] | None,
                       not_modified: bool, fetched: int, articles: int, error: str | None) -> None:
        """Record one pass over a source: its new validators and entries (after its pages are handled), counts, error."""
        stamp = now()
        with self.db:
            self.db.execute(
                "UPDATE watch_sources SET last_checked = ?, passes = passes + 1, not_modified = not_modified + ?,"
                " fetched = fetched + ?, articles = articles + ?, kind = coalesce(?, kind) WHERE url = ?",
                (stamp, int(not_modified), fetched, articles, kind, url))
            if validators is not None and entries is not None:
                self.db.execute(
                    "UPDATE watch_sources SET etag = ?, last_modified = ?, last_entries = ?, entries = entries + ? WHERE url = ?",
                    (validators.etag, validators.last_modified, json.dumps(entries), len(entries), url))
            if error:
                self.db.execute("UPDATE watch_sources SET last_error = ?, last_error_at = ?, errors = errors + 1 WHERE url = ?",
                                (error, stamp, url))
            else:
                self.db.execute("UPDATE watch_sources SET last_success = ? WHERE url = ?", (stamp, url))

    def url_state(self, url: str) -> UrlState | None:
        """What is known of an article URL, or None when it was never seen."""
        row = self.db.execute("SELECT * FROM watch_urls WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        return UrlState(url=url, signature=row["signature"], status=row["status"], attempts=row["attempts"],
                        validators=Validators(row["etag"], row["last_modified"]))

    def retryable(self, source_url: str, max_attempts: int, *, exclude: set[str]) -> list[tuple[str, str]]:
        """(URL, signature) of the source's pages that failed in a way worth retrying, not listed this pass."""
        rows = self.db.execute("SELECT url, signature FROM watch_urls WHERE source_url = ? AND status = 'error'"
                               " AND attempts < ? ORDER BY first_seen, url", (source_url, max_attempts))
        return [(r["url"], r["signature"]) for r in rows if r["url"] not in exclude]

    def mark_url(self, connection: sqlite3.Connection, *, url: str, source: str, signature: str, status: str,
                 reason: str | None = None, document_key: str | None = None, validators: Validators | None = None,
                 attempts: int = 1) -> None:
        """Write an article URL's state (inside the caller's transaction)."""
        stamp = now()
        v = validators or Validators()
        connection.execute(
            "INSERT INTO watch_urls (url, source_url, signature, status, reason, document_key, etag, last_modified,"
            " attempts, first_seen, last_fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET source_url = excluded.source_url, signature = excluded.signature,"
            " status = excluded.status, reason = excluded.reason,"
            " document_key = coalesce(excluded.document_key, watch_urls.document_key),"
            " etag = coalesce(excluded.etag, watch_urls.etag), last_modified = coalesce(excluded.last_modified, watch_urls.last_modified),"
            " attempts = watch_urls.attempts + excluded.attempts, last_fetched = excluded.last_fetched",
            (url, source, signature, status, reason, document_key, v.etag, v.last_modified, attempts, stamp, stamp))

    def mark_now(self, **kwargs) -> None:
        """`mark_url` in its own transaction."""
        with self.db:
            self.mark_url(self.db, **kwargs)

    def facts(self) -> Facts | None:
        """The analysis facts saved after the last pass's alerts, or None before the first pass."""
        row = self.db.execute("SELECT value FROM watch_meta WHERE key = ?", (_FACTS_KEY,)).fetchone()
        return Facts.from_json(row["value"]) if row else None

    def facts_version(self) -> str | None:
        """The store's data_version when the saved facts were taken (alerts are due when it has moved)."""
        row = self.db.execute("SELECT value FROM watch_meta WHERE key = ?", (_VERSION_KEY,)).fetchone()
        return row["value"] if row else None

    def save_alerts(self, alerts: list[Alert], facts: Facts) -> list[Alert]:
        """Store new alerts and the facts they were compared up to, in one transaction; the alerts newly stored."""
        stamp = now()
        added = []
        with self.db:
            for alert in alerts:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO alerts (key, kind, issue, party, before, after, evidence, article_id, url,"
                    " published, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (alert.key, alert.kind, alert.issue, alert.party, alert.before, alert.after, alert.evidence,
                     alert.article_id, alert.url, alert.published, stamp))
                if cursor.rowcount:
                    added.append(alert)
            for key, value in ((_FACTS_KEY, facts.to_json()), (_VERSION_KEY, self.store.data_version())):
                self.db.execute("INSERT INTO watch_meta (key, value) VALUES (?, ?)"
                                " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
        return added

    def save_facts(self, facts: Facts) -> None:
        """Save the facts alerts are compared with (the baseline before a first pass)."""
        self.save_alerts([], facts)

    def created_of(self, alerts: list[Alert]) -> list[str | None]:
        """When each alert was stored."""
        return [(self.db.execute("SELECT created FROM alerts WHERE key = ?", (a.key,)).fetchone() or [None])[0]
                for a in alerts]

    def undelivered(self) -> list[Alert]:
        """Alerts stored but not yet written to the alerts file or webhook (a run stopped in between)."""
        return [_alert(row) for row in self.db.execute("SELECT * FROM alerts WHERE delivered = 0 ORDER BY id")]

    def mark_delivered(self, keys: list[str]) -> None:
        """Record that these alerts were delivered."""
        with self.db:
            self.db.executemany("UPDATE alerts SET delivered = 1 WHERE key = ?", [(k,) for k in keys])

    def alerts(self, *, since: str | None = None, limit: int | None = None) -> list[Alert]:
        """Stored alerts, oldest first; `since` keeps those created on or after a date or time (ISO)."""
        sql = "SELECT * FROM alerts WHERE (? IS NULL OR created >= ?) ORDER BY id"
        rows = list(self.db.execute(sql, (since, since)))
        return [_alert(r) for r in (rows[-limit:] if limit else rows)]

    def has_tables(self) -> bool:
        """True when the store has the watch tables (migration 0007; a read-only older file may not)."""
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watch_sources'"
        return self.db.execute(sql).fetchone() is not None

    def sources(self) -> list[SourceStatus]:
        """Every source's status, with how many of its URLs wait for a retry."""
        sql = ("SELECT s.*, (SELECT count(*) FROM watch_urls u WHERE u.source_url = s.url AND u.status = 'error') AS pending"
               " FROM watch_sources s ORDER BY s.name")
        names = [f for f in SourceStatus.__slots__]
        return [SourceStatus(**{n: row[n] for n in names}) for row in self.db.execute(sql)]

    def article_urls(self, article_ids: list[str]) -> dict[str, str | None]:
        """The URLs of stored articles by id."""
        found: dict[str, str | None] = {}
        for n in range(0, len(article_ids), 500):
            chunk = article_ids[n:n + 500]
            sql = f"SELECT id, url FROM articles WHERE id IN ({', '.join('?' for _ in chunk)})"
            found.update((row["id"], row["url"]) for row in self.db.execute(sql, chunk))
        return found


def _alert(row: sqlite3.Row) -> Alert:
    """An alert read back from its row."""
    return Alert(key=row["key"], kind=row["kind"], issue=row["issue"], party=row["party"], before=row["before"],
                 after=row["after"], evidence=row["evidence"], article_id=row["article_id"], url=row["url"],
                 published=row["published"], created=row["created"])
