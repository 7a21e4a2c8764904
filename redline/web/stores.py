"""One read-only Store per server thread, and the data version each request sees."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from redline.store import Store


@dataclass(slots=True)
class _ThreadStore:
    """A thread's store with the SQLite data_version at which its version token was computed."""

    store: Store
    pragma: int
    token: str


class StorePool:
    """Read-only stores, one per thread (sqlite3 connections stay in the thread that made them)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.local = threading.local()

    def _entry(self) -> _ThreadStore:
        """This thread's store, opened on first use."""
        entry = getattr(self.local, "entry", None)
        if entry is None:
            store = Store(self.path, readonly=True)
            entry = _ThreadStore(store=store, pragma=-1, token="")
            self.local.entry = entry
        return entry

    def store(self) -> Store:
        """This thread's read-only store."""
        return self._entry().store

    def version(self) -> str:
        """A token that changes when another process commits rows (PRAGMA data_version, then row counts)."""
        entry = self._entry()
        pragma = entry.store.connection.execute("PRAGMA data_version").fetchone()[0]
        if pragma != entry.pragma or not entry.token:
            entry.token = entry.store.data_version()
            entry.pragma = pragma
        return entry.token
