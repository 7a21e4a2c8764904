import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from redline.ingest.options import IngestOptions
from redline.pipeline import ingest
from redline.store import Store

from synth import write_corpus

OPTIONS = IngestOptions.load(batch_size=7, nlp=False)  # the mechanics of storing; NLP has its own tests


def snapshot(path) -> dict:
    """Everything the store holds about articles and documents, in a comparable form."""
    connection = sqlite3.connect(path)
    tables = {
        "documents": connection.execute("SELECT key, input, format, articles, problem FROM documents ORDER BY key").fetchall(),
        "articles": connection.execute(
            "SELECT id, document_key, seq, title, published, source, language, text, duplicate_of, duplicate_kind,"
            " similarity, body_hash, minhash, flags FROM articles ORDER BY id").fetchall(),
    }
    connection.close()
    return tables


def test_ingest_twice_adds_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=40)
    with Store(tmp_path / "r.db") as store:
        first = ingest([str(corpus)], store=store, options=OPTIONS)
        before = snapshot(tmp_path / "r.db")
        second = ingest([str(corpus)], store=store, options=OPTIONS)
    assert first.articles == 40 and first.duplicates == 3
    assert second.articles == 0 and second.already_stored == 40
    assert snapshot(tmp_path / "r.db") == before


def test_ingest_duplicates_point_at_first_copy_across_runs(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=25)
    lines = corpus.read_text().splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:15]) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[15:]) + "\n")
    with Store(tmp_path / "split.db") as store:
        ingest([str(tmp_path / "a.jsonl")], store=store, options=OPTIONS)
        ingest([str(tmp_path / "b.jsonl")], store=store, options=OPTIONS)
    with Store(tmp_path / "whole.db") as store:
        ingest([str(corpus)], store=store, options=OPTIONS)
    pairs = lambda p: sorted((r[0], r[8]) for r in snapshot(p)["articles"])  # noqa: E731
    assert pairs(tmp_path / "split.db") == pairs(tmp_path / "whole.db")
    assert sum(1 for _, dup in pairs(tmp_path / "whole.db") if dup) == 2


def test_ingest_interrupted_in_process_then_rerun_equals_uninterrupted(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=60)
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, line in enumerate(corpus.read_text().splitlines()):
        (pages / f"{i:03d}.jsonl").write_text(line + "\n")

    class Stop(Exception):
        pass

    done = []

    def stop_after_some(item):
        done.append(item)
        if len(done) == 33:
            raise Stop

    with Store(tmp_path / "cut.db") as store:
        with pytest.raises(Stop):
            ingest([str(pages)], store=store, options=OPTIONS, on_file=stop_after_some)
        assert 0 < store.counts().articles < 60
        ingest([str(pages)], store=store, options=OPTIONS)
    with Store(tmp_path / "whole.db") as store:
        ingest([str(pages)], store=store, options=OPTIONS)
    assert snapshot(tmp_path / "cut.db") == snapshot(tmp_path / "whole.db")


def test_ingest_killed_process_then_rerun_equals_uninterrupted(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=3000, near_duplicate_every=7)
    config = tmp_path / "small-batches.yaml"
    config.write_text("batch_size: 50\nnlp: false\n")
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "redline.cli", "ingest", str(corpus), "--db", str(db), "--config", str(config)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            committed = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
            reader.close()
        except sqlite3.OperationalError:
            continue
        if committed >= 200:
            break
    if process.poll() is not None:
        pytest.fail("the ingest finished before it could be killed; make the corpus larger")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < committed < 3000
    assert subprocess.run(command, capture_output=True).returncode == 0
    whole = tmp_path / "whole.db"
    assert subprocess.run([*command[:6], str(whole), *command[7:]], capture_output=True).returncode == 0
    assert snapshot(db) == snapshot(whole)
    assert len(snapshot(whole)["articles"]) == 3000
