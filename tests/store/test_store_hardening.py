"""The store under hostile conditions: concurrent ingests (D13), files that are not redline databases
(D22), killed and interrupted runs (D23)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hostile import run_cli
from synth import article_text

from redline.ingest.options import IngestOptions
from redline.pipeline import ingest
from redline.pipeline import DocumentOutcome, run_pipeline
from redline.store import Store, StoreError


def _outcomes(paths, store: Store, dedup) -> list[DocumentOutcome]:
    options = IngestOptions.load(nlp=False)
    return [o for o in run_pipeline([str(p) for p in paths], options=options, dedup=dedup,
                                    already_stored=store.has_document) if isinstance(o, DocumentOutcome)]


def test_store_concurrent_ingests_see_each_others_signatures(tmp_path):
    # D13: two ingests load their dedup index from an empty store; the second commits after the first
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir(), second_dir.mkdir()
    for n in range(3):
        body = article_text(300 + n, paragraphs=6)
        (first_dir / f"story{n}.txt").write_text(f"Story {n}\n\n{body}\n")
        (second_dir / f"copy{n}.txt").write_text(f"Story {n} (syndicated)\n\n{body}\n\nReporting by the wire desk.\n")
    options = IngestOptions.load(nlp=False).dedup
    with Store(tmp_path / "r.db") as one, Store(tmp_path / "r.db") as two:
        dedup_one, dedup_two = one.deduplicator(options), two.deduplicator(options)  # both empty
        batch_one = _outcomes([first_dir], one, dedup_one)
        batch_two = _outcomes([second_dir], two, dedup_two)
        assert all(not item.verdict.duplicate_of for o in batch_two for item in o.articles)  # blind before commit
        one.write_outcomes(batch_one)
        two.write_outcomes(batch_two)
        rows = one.connection.execute("SELECT input, duplicate_of FROM articles ORDER BY input").fetchall()
    copies = [row for row in rows if "copy" in row["input"]]
    assert len(copies) == 3 and all(row["duplicate_of"] for row in copies)
    assert all(row["duplicate_of"] is None for row in rows if "story" in row["input"])


def _good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(f"Talks\n\n{article_text(310)}\n")
    return path


@pytest.mark.parametrize("case", ["missing-folder", "not-a-database", "a-folder", "newer-schema", "other-app"])
def test_store_open_errors_are_one_line_naming_the_path(tmp_path, case):
    # D22
    db = {"missing-folder": tmp_path / "nope" / "r.db", "a-folder": tmp_path}.get(case, tmp_path / "r.db")
    if case == "not-a-database":
        db.write_bytes(b"this is a text file, not SQLite\n" * 100)
    elif case == "newer-schema":
        Store(db).close()
        with sqlite3.connect(db) as connection:
            connection.execute("PRAGMA user_version = 99")
    elif case == "other-app":
        with sqlite3.connect(db) as connection:
            connection.execute("CREATE TABLE contacts (name TEXT)")
    run = run_cli("ingest", str(_good(tmp_path)), "--db", str(db), "--no-nlp")
    lines = [line for line in run.stderr.splitlines() if line.strip() and not line.startswith("MAXRSS")]
    assert run.returncode == 5 and "Traceback" not in run.stderr, run.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: database {db}: "), lines
    if case == "newer-schema":
        assert "newer than this redline knows" in lines[0]
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA user_version").fetchone()[0] == 99
    if case == "missing-folder":
        assert not db.parent.exists()


def test_store_newer_schema_refused_by_the_library(tmp_path):
    Store(tmp_path / "r.db").close()
    with sqlite3.connect(tmp_path / "r.db") as connection:
        connection.execute("PRAGMA user_version = 99")
    for readonly in (False, True):
        with pytest.raises(StoreError, match="schema version 99 is newer"):
            Store(tmp_path / "r.db", readonly=readonly)


def _runs(db) -> int:
    """How many runs the database records (0 while it is still being created)."""
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(db, timeout=5)  # closed at once: a held read lock would stall the run
        try:
            return connection.execute("SELECT count(*) FROM runs").fetchall()[0][0]
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


def _has_open(pid: int, path) -> bool:
    """True when the process holds the file open (Linux /proc): the run has reached that input."""
    folder = f"/proc/{pid}/fd"
    try:
        return any(os.readlink(f"{folder}/{fd}") == str(path) for fd in os.listdir(folder))
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see the run reach its FIFO")
def test_store_killed_run_is_marked_and_interrupted_run_stores_what_it_read(tmp_path):
    # D23: a run killed with SIGKILL cannot finish its row; the next run marks it. SIGTERM finishes it.
    good = _good(tmp_path)
    fifo = tmp_path / "never.fifo"
    os.mkfifo(fifo)
    db = tmp_path / "r.db"
    args = [sys.executable, "-m", "redline.cli", "ingest", str(good), str(fifo), "--db", str(db), "--no-nlp"]
    for started, sig in enumerate((signal.SIGKILL, signal.SIGTERM), start=1):
        child = subprocess.Popen(args, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until the run has started and reads the silent FIFO
            if _runs(db) == started and _has_open(child.pid, fifo):
                break
            time.sleep(0.2)
        child.send_signal(sig)
        stderr = child.communicate(timeout=60)[1].decode()
        assert "Traceback" not in stderr, stderr
    with Store(db) as store:
        store.start_run("next")
        rows = store.connection.execute("SELECT status, documents, seconds FROM runs ORDER BY id").fetchall()
        assert [r["status"] for r in rows] == ["killed", "interrupted", "running"]
        assert rows[1]["documents"] == 1 and rows[1]["seconds"] > 0
        assert store.counts().articles == 1  # the good file read before the interrupt is stored


def test_store_summary_time_includes_the_whole_run(tmp_path):
    with Store(tmp_path / "r.db") as store:
        started = time.perf_counter()
        summary = ingest([str(_good(tmp_path))], store=store, options=IngestOptions.load(nlp=False))
        elapsed = time.perf_counter() - started
        seconds = store.connection.execute("SELECT seconds FROM runs").fetchone()[0]
    assert 0 < summary.seconds <= elapsed and summary.seconds > elapsed * 0.5
    assert seconds == pytest.approx(summary.seconds)
