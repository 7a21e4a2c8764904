"""The analysis commands over a real store built by `redline ingest` (events, positions, matrix, shifts, export)."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest


def redline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redline.cli", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    from pathlib import Path

    db = tmp_path_factory.mktemp("store") / "examples.db"
    examples = Path(__file__).resolve().parents[1] / "examples"
    done = redline("ingest", str(examples / "pages"), str(examples / "feed.jsonl"), str(examples / "crawl.warc.gz"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip(f"seeds not available at {seeds}")
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    done = redline("ingest", str(seeds), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


def test_cli_analysis_seeds_missiles_are_an_impasse_between_us_and_iran(seeds_db):
    analysis = json.loads(redline("matrix", "--db", str(seeds_db), "--profile", "us-iran-2026", "--json").stdout)
    issues = {i["issue"]: i for i in analysis["issues"]}
    missiles = issues["missiles"]
    assert missiles["status"] == "impasse"
    assert missiles["parties"]["Iran"]["stance"] == "red_line"
    assert missiles["parties"]["United States"]["stance"] in ("demand", "precondition")
    assert issues["nuclear"]["parties"]["Iran"]["stance"] == "open"


def test_cli_analysis_seeds_positions_carry_voice_and_evidence(seeds_db):
    rows = [json.loads(line) for line in redline("positions", "--db", str(seeds_db), "--actor", "Iran", "--json",
                                                 "--profile", "us-iran-2026").stdout.splitlines()]
    red_lines = [r for r in rows if r["issue"] == "missiles" and r["stance"] == "red_line"]
    voices = {r["via"]: r["official"] for r in red_lines}
    assert voices.get("Ali Shamkhani") is True
    assert voices.get("Hassan Ahmadian") is False
    assert all(r["text"] and r["end"] > r["start"] for r in rows)


def test_cli_analysis_seeds_threat_is_not_an_attack(seeds_db):
    threats = [json.loads(line) for line in redline("events", "--db", str(seeds_db), "--type", "THREATEN", "--actor", "Trump", "--json").stdout.splitlines()]
    assert threats and all(t["type"] == "THREATEN" for t in threats)
    consults = [json.loads(line) for line in redline("events", "--db", str(seeds_db), "--type", "CONSULT", "--json").stdout.splitlines()]
    assert any(c["mediated_by"] == "Oman" for c in consults)
    assert not any("if they happen" in e["text"] and e["status"] == "occurred"
                   for e in map(json.loads, redline("events", "--db", str(seeds_db), "--json").stdout.splitlines()))


def test_cli_analysis_events_filters_and_validation(examples_db):
    everything = [json.loads(line) for line in redline("events", "--db", str(examples_db), "--json").stdout.splitlines()]
    assert everything and all({"type", "source", "target", "status", "text", "start", "end", "article_id"} <= set(e) for e in everything)
    later = [json.loads(line) for line in redline("events", "--db", str(examples_db), "--since", "2026-02-10", "--json").stdout.splitlines()]
    assert 0 < len(later) < len(everything)
    # --since bounds the article's publication day, as in `redline report` (views/filters.py): one meaning
    assert all(e["published"] and e["published"][:10] >= "2026-02-10" for e in later)
    assert {e["article_id"] for e in everything if (e["published"] or "")[:10] >= "2026-02-10"} == {e["article_id"] for e in later}
    window = [json.loads(line) for line in redline("events", "--db", str(examples_db), "--since", "2026-02-10",
                                                   "--until", "2026-02-10", "--json").stdout.splitlines()]
    assert all(e["published"][:10] == "2026-02-10" for e in window) and len(window) <= len(later)
    bad = redline("events", "--db", str(examples_db), "--since", "yesterday")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    backwards = redline("events", "--db", str(examples_db), "--since", "2026-03-01", "--until", "2026-02-01")
    assert backwards.returncode == 2 and "after until" in backwards.stderr



def test_cli_analysis_listing_filters_mean_what_the_report_means(examples_db):
    from redline.store import Store
    from redline.views.filters import Filters
    from redline.views.overview import overview

    since = "2026-02-10"
    events = redline("events", "--db", str(examples_db), "--since", since, "--json").stdout.splitlines()
    positions = redline("positions", "--db", str(examples_db), "--since", since, "--official", "yes", "--json").stdout.splitlines()
    with Store(examples_db, readonly=True) as store:
        view = overview(store, filters=Filters(since=since, official=True))
        published = {a.id: a.published for a in store.articles()}
    assert events and len(events) == view.counts.events
    kept = [json.loads(line) for line in positions]
    assert kept and all(p["official"] is True and published[p["article_id"]][:10] >= since for p in kept)
    assert len(kept) < len(redline("positions", "--db", str(examples_db), "--json").stdout.splitlines())
    bad = redline("positions", "--db", str(examples_db), "--official", "maybe")
    assert bad.returncode == 2 and "official" in bad.stderr

def test_cli_analysis_export_csv_jsonl_parquet(examples_db, tmp_path):
    import pyarrow.parquet as pq

    lines = redline("export", "--db", str(examples_db), "--table", "events", "--format", "jsonl").stdout.splitlines()
    table = csv.DictReader(io.StringIO(redline("export", "--db", str(examples_db), "--table", "events", "--format", "csv").stdout))
    rows = list(table)
    assert len(rows) == len(lines) > 0
    assert json.loads(rows[0]["source"]) == json.loads(lines[0])["source"]
    out = tmp_path / "positions.parquet"
    done = redline("export", "--db", str(examples_db), "--table", "positions", "--format", "parquet", "--out", str(out))
    assert done.returncode == 0, done.stderr
    parquet = pq.read_table(out)
    assert parquet.num_rows > 0 and {"actor", "issue", "stance", "article_id"} <= set(parquet.schema.names)
    articles = pq.read_table(tmp_path / "a.parquet") if redline(
        "export", "--db", str(examples_db), "--table", "articles", "--format", "parquet", "--out", str(tmp_path / "a.parquet")).returncode == 0 else None
    assert articles is not None and articles.num_rows >= 9
    assert redline("export", "--db", str(examples_db), "--table", "nope").returncode == 2


def test_cli_analysis_matrix_and_shifts_render(examples_db):
    matrix = redline("matrix", "--db", str(examples_db))
    assert matrix.returncode == 0 and "stance matrix" in matrix.stdout
    shifts = redline("shifts", "--db", str(examples_db), "--json")
    assert shifts.returncode == 0
    for line in shifts.stdout.splitlines():
        shift = json.loads(line)
        assert shift["before"]["date"] < shift["after"]["date"]
