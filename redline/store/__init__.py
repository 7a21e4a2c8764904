"""The embedded database (SQLite, WAL mode) with numbered migrations."""

from redline.store.db import DEFAULT_DB, Store, StoreCounts, StoreError, default_db_path

__all__ = ["DEFAULT_DB", "Store", "StoreCounts", "StoreError", "default_db_path"]
