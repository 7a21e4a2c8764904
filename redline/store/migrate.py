"""Schema migrations: numbered SQL files applied in order, tracked by SQLite's `user_version`."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_NUMBERED = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """The shipped migrations as (version, SQL), in order."""
    folder = resources.files("redline.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NUMBERED.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(connection: sqlite3.Connection) -> int:
    """The migration version the database is at."""
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration newer than the database, each in its own transaction; the final version."""
    current = schema_version(connection)
    for version, sql in migrations():
        if version <= current:
            continue
        # executescript commits first; BEGIN/COMMIT keep each migration all-or-nothing.
        connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version:d};\nCOMMIT;")
        current = version
    return current
