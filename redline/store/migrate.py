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


def statements(sql: str) -> list[str]:
    """The complete SQL statements of a migration file, in order (a trigger's inner semicolons stay inside it)."""
    found, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                found.append(buffer.strip())
            buffer = ""
    return found


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration newer than the database in one write transaction; the final version.

    The write lock (BEGIN IMMEDIATE) is taken before the version is read, so two processes opening a new
    database together cannot both apply a migration ("table articles_fts already exists"): the second
    waits, then reads the version the first wrote and applies nothing.
    """
    shipped = migrations()
    current = schema_version(connection)
    if current >= shipped[-1][0]:
        return current
    saved = connection.isolation_level
    connection.isolation_level = None  # explicit transaction control: the sqlite3 module must not begin or commit
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(connection)
            for version, sql in shipped:
                if version > current:
                    for statement in statements(sql):
                        connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {version:d}")
                    current = version
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.isolation_level = saved
    return current
