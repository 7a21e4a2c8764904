"""Exit codes scripts can trust: 0 all read, 3 some skipped, 4 a missing path (no database), --strict."""

from __future__ import annotations

import json

from hostile import run_cli
from synth import article_text

from redline import exitcodes
from redline.store import Store


def _feed(tmp_path, lines: list[str]):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_exitcodes_all_read_some_skipped_missing_path(tmp_path):
    good = json.dumps({"text": article_text(400)})
    db = tmp_path / "r.db"
    clean = run_cli("ingest", str(_feed(tmp_path, [good])), "--db", str(db), "--no-nlp")
    assert clean.returncode == exitcodes.OK, clean.stderr
    skipped = run_cli("ingest", str(_feed(tmp_path, [good, "{broken", json.dumps({"text": article_text(401)})])),
                      "--db", str(db), "--no-nlp")
    assert skipped.returncode == exitcodes.SKIPPED and "feed.jsonl:2: broken JSON line" in skipped.stderr
    missing_db = tmp_path / "other.db"
    missing = run_cli("ingest", str(tmp_path / "nope.txt"), str(tmp_path / "feed.jsonl"), "--db", str(missing_db), "--no-nlp")
    assert missing.returncode == exitcodes.NO_SUCH_PATH and "nope.txt: no such file or folder" in missing.stderr
    assert not missing_db.exists()


def test_exitcodes_strict_stops_at_the_first_skip_and_keeps_what_was_read(tmp_path):
    lines = [json.dumps({"text": article_text(410)}), "{broken"] + [json.dumps({"text": article_text(411 + n)}) for n in range(3)]
    db = tmp_path / "r.db"
    run = run_cli("ingest", str(_feed(tmp_path, lines)), "--db", str(db), "--no-nlp", "--strict")
    assert run.returncode == exitcodes.SKIPPED and "Traceback" not in run.stderr
    with Store(db, readonly=True) as store:
        assert [a.input.rsplit(":", 1)[1] for a in store.articles()] == ["1"]
        assert store.connection.execute("SELECT status FROM runs").fetchone()[0] == "stopped (--strict)"
    relaxed = run_cli("ingest", str(tmp_path / "feed.jsonl"), "--db", str(db), "--no-nlp")
    assert relaxed.returncode == exitcodes.SKIPPED
    with Store(db, readonly=True) as store:
        assert store.counts().articles == 4
