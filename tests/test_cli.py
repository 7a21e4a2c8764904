"""The CLI through its real entry point: subprocesses, real files, real database."""

import json
import os
import subprocess
import sys

from redline.store import Store

from synth import write_corpus


def redline(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redline.cli", *args], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=300)


def test_cli_ingest_twice_adds_nothing_and_articles_lists(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=12)
    db = tmp_path / "r.db"
    first = redline("ingest", str(corpus), "--db", str(db), "--no-nlp")
    assert first.returncode == 0, first.stderr
    assert b"12 articles" in first.stderr
    second = redline("ingest", str(corpus), "--db", str(db), "--no-nlp")
    assert b"12 already stored; 0 articles" in second.stderr
    listed = redline("articles", "--db", str(db), "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 12 and rows[0]["title"] == "Story 0"
    assert set(rows[0]) >= {"id", "input", "title", "published", "source", "language", "text", "duplicate_of"}


def test_cli_db_defaults_to_environment_variable(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=3)
    result = redline("ingest", str(corpus), "--no-nlp", env={"REDLINE_DB": str(tmp_path / "env.db")}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store(tmp_path / "env.db", readonly=True) as store:
        assert store.counts().articles == 3


def test_cli_extract_json_contract_and_jsonl(tmp_path):
    corpus = write_corpus(tmp_path / "in", records=11)
    result = redline("extract", str(corpus), "--no-nlp")
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)["articles"]
    assert len(articles) == 11
    assert articles[10]["duplicate_of"] == articles[9]["id"]
    assert {"id", "input", "title", "published", "source", "language", "text", "duplicate_of"} <= set(articles[0])
    lines = redline("extract", str(corpus), "--format", "jsonl", "--no-nlp").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in articles]


def test_cli_extract_reads_standard_input():
    result = redline("extract", "-", stdin=b'{"text": "Envoys met in Muscat on Friday.", "date": "2026-02-06"}\n')
    assert result.returncode == 0, result.stderr
    [article] = json.loads(result.stdout)["articles"]
    assert (article["text"], article["published"], article["input"]) == ("Envoys met in Muscat on Friday.", "2026-02-06", "-:1")


def test_cli_quiet_when_piped_and_reasons_on_one_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = redline("extract", str(tmp_path))
    assert b"\x1b[" not in result.stderr  # no progress bar or colour codes when not on a terminal
    assert f"{tmp_path / 'empty.txt'}: empty file".encode() in result.stderr


def test_cli_articles_on_missing_database_fails_clearly(tmp_path):
    result = redline("articles", "--db", str(tmp_path / "none.db"))
    assert result.returncode != 0
    assert result.stderr.decode().strip().startswith("error: no redline database")


def test_cli_bad_format_option_is_rejected(tmp_path):
    result = redline("extract", str(tmp_path), "--format", "xml")
    assert result.returncode == 2 and b"json or jsonl" in result.stderr


def test_cli_shows_progress_bar_on_a_terminal(tmp_path):
    import pty

    corpus = write_corpus(tmp_path / "in", records=1500)
    (tmp_path / "in" / "more.jsonl").write_text(corpus.read_text().replace("Story", "Tale"))
    output = bytearray()

    def read(fd):
        data = os.read(fd, 65536)
        output.extend(data)
        return data

    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    old = dict(os.environ)
    os.environ.update(env)
    try:
        pty.spawn([sys.executable, "-m", "redline.cli", "ingest", str(tmp_path / "in"), "--db", str(tmp_path / "t.db"), "--no-nlp"], read)
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert b"\xe2\x94\x81" in output or b"reading" in output or b"jsonl" in output  # the bar (━) or its label
