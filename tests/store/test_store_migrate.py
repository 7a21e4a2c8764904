"""Migrations: statements split as SQLite reads them; concurrent openers of a new database migrate it once."""

import sqlite3
import subprocess
import sys

from redline.store.migrate import migrate, migrations, schema_version, statements


def test_migrate_statements_keep_trigger_bodies_whole():
    sql = ("CREATE TABLE t (a TEXT); -- a comment; with a semicolon\n"
           "CREATE TRIGGER t_i AFTER INSERT ON t BEGIN\n  INSERT INTO t (a) VALUES ('x;y');\n  SELECT 1;\nEND;\n")
    found = statements(sql)
    assert len(found) == 2 and "CREATE TRIGGER" in found[1] and found[1].endswith("END;")
    connection = sqlite3.connect(":memory:")
    for statement in found:
        connection.execute(statement)
    connection.execute("INSERT INTO t (a) VALUES ('first')")
    assert [r[0] for r in connection.execute("SELECT a FROM t ORDER BY rowid")] == ["first", "x;y"]
    for _, shipped in migrations():
        assert all(sqlite3.complete_statement(s) for s in statements(shipped))


def test_migrate_twice_applies_nothing_the_second_time(tmp_path):
    connection = sqlite3.connect(tmp_path / "m.db")
    latest = migrations()[-1][0]
    assert migrate(connection) == latest == schema_version(connection)
    assert migrate(connection) == latest
    connection.close()


OPENER = """
import sys
from redline.store import Store
Store(sys.argv[1]).close()
print("ok")
"""


def test_migrate_concurrent_openers_of_a_new_database_all_succeed(tmp_path):
    # D12: the version was read before the write lock, so a second opener re-ran a migration and failed
    for trial in range(3):
        db = tmp_path / f"new-{trial}.db"
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, [err for _, err in results]
        connection = sqlite3.connect(db)
        assert schema_version(connection) == migrations()[-1][0]
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE name = 'articles_fts'")]
        assert tables == ["articles_fts"]
        connection.close()
