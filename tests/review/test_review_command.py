"""`redline review` through the real entry point: reject a position, the matrix follows; the review survives a
re-ingest into a fresh store (export + import); bad input writes nothing; a review lands while an ingest runs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redline.review import reject
from redline.store import Store

ROOT = Path(__file__).resolve().parents[2]
PROFILE = "us-iran-2026"
SEEDS = ROOT.parent / "shared" / "seeds"
# the installed entry point (`python -m redline.cli` runs cli.py as __main__, which misses the commands registered
# on redline.cli.app by the modules it imports at its end)
REDLINE = [sys.executable, "-c", "from redline.cli import app; app()"]


def shared_path(name: str) -> Path:
    """The seeds beside the repository, or a skip when they are absent."""
    if name != "seeds" or not SEEDS.exists():
        pytest.skip(f"seeds not available at {SEEDS}")
    return SEEDS


def redline(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*REDLINE, *args], capture_output=True, text=True, timeout=600,
                          input=stdin, env={**os.environ, "COLUMNS": "200"})


def ingest_seeds(db: Path) -> None:
    done = redline("ingest", str(shared_path("seeds")), "--db", str(db))
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("review") / "seeds.db"
    ingest_seeds(db)
    return db


@pytest.fixture(scope="module")
def first(seeds_db) -> dict:
    """The first position listed in the seeds store, before any review."""
    return positions(seeds_db)[0]


def positions(db: Path, *extra: str) -> list[dict]:
    listed = redline("positions", "--db", str(db), "--profile", PROFILE, "--json", *extra)
    assert listed.returncode == 0, listed.stderr
    return [json.loads(line) for line in listed.stdout.splitlines()]


def matrix(db: Path) -> dict:
    shown = redline("matrix", "--db", str(db), "--profile", PROFILE, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def count(analysis: dict, issue: str, party: str) -> int:
    """The evidence count of a party's current stance on an issue (0 when the party holds none)."""
    return cell(analysis, issue, party).get("evidence_count", 0)


def cell(analysis: dict, issue: str, party: str) -> dict:
    """A party's cell on an issue ({} when it holds no stance there)."""
    found = next((i for i in analysis["issues"] if i["issue"] == issue), None)
    return found["parties"].get(party, {}) if found else {}


def review_rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]


def test_review_command_reject_leaves_the_matrix_and_survives_a_fresh_store(seeds_db, tmp_path):
    listed = positions(seeds_db)
    assert all(p["id"] and p["review"] is None for p in listed)
    assert len({p["id"] for p in listed}) == len(listed)  # one id per record
    before = matrix(seeds_db)
    # a position the matrix counts under a profile issue, and the only one of its party there from its sentence
    # (the matrix counts evidence by sentence: rejecting one of two records of a sentence leaves the count)
    same = lambda p: [q for q in listed if (q["actor"], q["issue"], q["start"]) == (p["actor"], p["issue"], p["start"])]  # noqa: E731
    chosen = next(p for p in listed if cell(before, p["issue"], p["actor"]).get("stance") == p["stance"] and len(same(p)) == 1)
    done = redline("review", "reject", chosen["id"], "--note", "not a position", "--who", "tester", "--db", str(seeds_db))
    assert done.returncode == 0, done.stderr
    after = matrix(seeds_db)
    assert count(after, chosen["issue"], chosen["actor"]) == count(before, chosen["issue"], chosen["actor"]) - 1
    assert chosen["id"] not in {p["id"] for p in positions(seeds_db)}
    exported = redline("export", "--table", "positions", "--db", str(seeds_db))
    assert chosen["id"] not in {json.loads(line)["id"] for line in exported.stdout.splitlines()}
    # a fresh store from the same inputs (NLP run again) plus the exported reviews: the review still applies
    reviews = redline("export", "--table", "reviews", "--db", str(seeds_db))
    assert reviews.returncode == 0 and json.loads(reviews.stdout.splitlines()[-1])["key"] == chosen["id"]
    fresh = tmp_path / "fresh.db"
    ingest_seeds(fresh)
    assert chosen["id"] in {p["id"] for p in positions(fresh)}
    imported = redline("review", "import", "-", "--db", str(fresh), stdin=reviews.stdout)
    assert imported.returncode == 0, imported.stderr
    assert "0 orphaned" in imported.stderr
    assert matrix(fresh) == after
    listing = [json.loads(line) for line in redline("review", "list", "--db", str(fresh), "--json").stdout.splitlines()]
    assert [(r["key"], r["verdict"], r["who"], r["orphaned"]) for r in listing] == [(chosen["id"], "reject", "tester", False)]
    # undo is a new review: confirming brings the record back
    assert redline("review", "confirm", chosen["id"], "--db", str(fresh)).returncode == 0
    assert matrix(fresh) == before
    assert [p["review"] for p in positions(fresh, "--reviewed", "yes")] == ["confirm"]


def test_review_command_correct_and_add_count(seeds_db, tmp_path):
    listed = positions(seeds_db)
    before = matrix(seeds_db)
    target = next(p for p in listed if p["stance"] != "offer" and cell(before, p["issue"], p["actor"]).get("stance") == p["stance"])
    done = redline("review", "correct", target["id"], "--stance", "offer", "--db", str(seeds_db))
    assert done.returncode == 0, done.stderr
    corrected = next(p for p in positions(seeds_db) if p["id"] == target["id"])
    assert (corrected["stance"], corrected["review"]) == ("offer", "correct")
    # an added position on the same sentence for another issue counts in the matrix
    issue = next(i["issue"] for i in before["issues"] if count(before, i["issue"], target["actor"]) == 0)
    added = redline("review", "add", "--article", target["article_id"], "--start", str(target["start"]), "--end",
                    str(target["end"]), "--type", "position", "--party", target["actor"], "--stance", "demand",
                    "--issue", issue, "--profile", PROFILE, "--db", str(seeds_db))
    assert added.returncode == 0, added.stderr
    assert count(matrix(seeds_db), issue, target["actor"]) == 1
    mine = [p for p in positions(seeds_db, "--reviewed", "yes") if p["review"] == "add"]
    assert len(mine) == 1 and mine[0]["id"] != target["id"] and mine[0]["issue"] == issue
    notes = [json.loads(line) for line in redline("review", "export", "--db", str(seeds_db)).stdout.splitlines()]
    assert {(n["article"], n["start"], n["end"], n["stance"]) for n in notes} >= {
        (target["article_id"], target["start"], target["end"], "offer"),
        (target["article_id"], target["start"], target["end"], "demand")}
    assert all(set(n) >= {"article", "actor", "stance", "issue", "start", "end", "official"} for n in notes)


@pytest.mark.parametrize("args, message", [
    (("reject", "p-000000000000"), "unknown id"),
    (("reject", "not-an-id"), "unknown id"),
    (("correct", "{id}", "--stance", "maybe"), "unknown stance"),
    (("correct", "{id}", "--party", "Atlantis"), "unknown party"),
    (("correct", "{id}"), "nothing to correct"),
    (("add", "--article", "{article}", "--start", "10", "--end", "10", "--party", "Iran", "--stance", "open",
      "--issue", "talks"), "empty"),
    (("add", "--article", "{article}", "--start", "0", "--end", "999999", "--party", "Iran", "--stance", "open",
      "--issue", "talks"), "outside the article"),
    (("add", "--article", "nosuch", "--start", "0", "--end", "5", "--party", "Iran", "--stance", "open",
      "--issue", "talks"), "unknown article"),
    (("add", "--article", "{article}", "--start", "0", "--end", "5", "--party", "Iran", "--stance", "whatever",
      "--issue", "talks"), "unknown stance"),
])
def test_review_command_bad_input_writes_nothing(seeds_db, first, args, message):
    written = review_rows(seeds_db)
    filled = [a.format(id=first["id"], article=first["article_id"]) for a in args]
    done = redline("review", *filled, "--db", str(seeds_db))
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert review_rows(seeds_db) == written


def test_review_command_whitespace_span_is_refused(seeds_db):
    with Store(seeds_db) as store:
        article_id, text = store.connection.execute("SELECT id, text FROM articles LIMIT 1").fetchone()
    blank = text.index("\n")
    done = redline("review", "add", "--article", article_id, "--start", str(blank), "--end", str(blank + 1), "--party",
                   "Iran", "--stance", "open", "--issue", "talks", "--db", str(seeds_db))
    assert done.returncode == 1 and "holds no text" in done.stderr


def test_review_command_orphans_are_kept_and_listed(seeds_db, first, tmp_path):
    done = redline("review", "confirm", first["id"], "--db", str(seeds_db))
    assert done.returncode == 0, done.stderr
    exported = redline("export", "--table", "reviews", "--db", str(seeds_db)).stdout
    bare = tmp_path / "bare.db"  # the same inputs without the NLP: no record any review names
    assert redline("ingest", str(shared_path("seeds")), "--db", str(bare), "--no-nlp").returncode == 0
    imported = redline("review", "import", "-", "--db", str(bare), stdin=exported)
    assert imported.returncode == 0, imported.stderr
    listing = [json.loads(line) for line in redline("review", "list", "--db", str(bare), "--json").stdout.splitlines()]
    assert listing and all(r["orphaned"] for r in listing if r["verdict"] != "add")
    assert first["id"] in {r["key"] for r in listing}
    shown = redline("review", "list", "--orphaned", "--db", str(bare))
    assert "orphaned" in shown.stdout
    broken = redline("review", "import", "-", "--db", str(bare), stdin=exported + "{not json\n")
    assert broken.returncode == 1 and "nothing imported" in broken.stderr
    assert review_rows(bare) == len(exported.splitlines())


def test_review_command_review_lands_while_ingest_runs(seeds_db, tmp_path):
    db = tmp_path / "busy.db"
    db.write_bytes(seeds_db.read_bytes())
    for suffix in ("-wal", "-shm"):
        Path(f"{seeds_db}{suffix}").exists() and Path(f"{db}{suffix}").write_bytes(Path(f"{seeds_db}{suffix}").read_bytes())
    target = positions(db)[0]["id"]
    examples = ROOT / "examples"
    running = subprocess.Popen([*REDLINE, "ingest", str(examples / "pages"),
                                str(examples / "feed.jsonl"), "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    written, during, deadline = 0, 0, time.monotonic() + 300
    while time.monotonic() < deadline:
        alive = running.poll() is None
        with Store(db) as store:
            reject(store, target, note=f"write {written}", who="concurrent")
        written += 1
        during += alive
        if not alive:
            break
        time.sleep(0.2)
    _, err = running.communicate(timeout=300)
    assert running.returncode == 0, err
    assert during >= 1  # at least one review was written while the ingest ran
    with Store(db, readonly=True) as store:
        assert store.connection.execute("SELECT count(*) FROM reviews WHERE who = 'concurrent'").fetchone()[0] == written
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.counts().articles > 3  # the ingest stored the examples beside the seeds
    again = redline("ingest", str(examples / "pages"), str(examples / "feed.jsonl"), "--db", str(db))
    assert "0 articles" in again.stderr  # the interrupted-free run stored everything: a re-run adds nothing
    assert target not in {p["id"] for p in positions(db)}


def test_review_command_annotations_export_joins_its_texts_for_training(seeds_db, tmp_path):
    """`review export --format annotations` + `make train EXTRA="--extra FILE --extra-db DB"`: every exported
    record names an article the training script finds in the store, and its offsets cut its evidence there."""
    from bench_module import load_bench

    listed = positions(seeds_db)
    corrected = redline("review", "correct", listed[1]["id"], "--stance", "red_line", "--db", str(seeds_db))
    assert corrected.returncode == 0, corrected.stderr
    out = tmp_path / "mine.jsonl"
    done = redline("review", "export", "--format", "annotations", "--out", str(out), "--db", str(seeds_db))
    assert done.returncode == 0, done.stderr
    train = load_bench("train_positions")
    records = load_bench("positions_corpus").load_records(out)
    assert records, "the corrections exported no record"
    texts = train.store_texts(str(seeds_db), {r.article for r in records} | {"not-an-article"})
    assert set(texts) == {r.article for r in records}
    by_id = {p["id"]: p for p in listed}
    for r in records:
        assert texts[r.article][r.start:r.end].strip(), (r.article, r.start, r.end)
        assert any(p["article_id"] == r.article and (p["start"], p["end"]) == (r.start, r.end) for p in by_id.values())
