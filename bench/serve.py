"""Dashboard load benchmark: a synthetic store of N articles, the server in a subprocess, concurrent clients.

The store: the Guardian corpus (../shared/data/guardian-syria-2019, 235 articles) ingested once with NLP
(kept in --work as base.db), then its article rows and every stage row copied with new ids and shifted
publication dates (INSERT ... SELECT with bound parameters) until --articles. The server runs as
`redline serve` on 127.0.0.1; --clients threads hit `/`, `/index.json`, `/issues/<x>.json`,
`/articles/<id>.json` and `/search.json?q=...` for --seconds, then requests/s, p50/p95/p99 per endpoint
and errors are printed (and written as JSON with --out).

    .venv/bin/python bench/serve.py                       # 10,000 articles, 20 clients, 30 s
    .venv/bin/python bench/serve.py --articles 1000 --clients 4 --seconds 5
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, data_dir  # noqa: E402

SEARCH_WORDS = ["Syria", "Kurdish forces", "ceasefire", "Assad", "Turkey", "Idlib", "refugees", "Trump", "Isis fighters"]
STAGE_TABLES = ("actors", "quotes", "events", "positions")
DATED = {"articles": "published", "events": "date", "positions": "date"}


@dataclass(slots=True)
class Tally:
    """Latencies (seconds) and errors of one endpoint."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


def build_base(work: Path, corpus: Path) -> Path:
    """The Guardian corpus ingested once with NLP (reused when base.db exists)."""
    base = work / "base.db"
    if not base.exists():
        print(f"ingesting {corpus} with NLP into {base} (once) ...", flush=True)
        subprocess.run([sys.executable, "-m", "redline.cli", "ingest", "--db", str(base), str(corpus)], check=True, cwd=ROOT)
    return base


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    """The column names of a table (from the schema, never from input)."""
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def copy_expr(table: str, column: str) -> str:
    """The SELECT expression copying one column in a replica round (? = suffix or date shift)."""
    if column in ("id", "article_id") or (table == "articles" and column == "duplicate_of"):
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE {column} || :suffix END"
    if table == "articles" and column == "document_key":
        return "document_key || :suffix"
    if DATED.get(table) == column:
        return f"CASE WHEN date({column}) IS NULL THEN {column} ELSE date({column}, :shift) END"
    return column


def synthesise(base: Path, target: Path, articles: int) -> int:
    """Copy base.db to target and replicate its rows with new ids and shifted dates until `articles` rows."""
    shutil.copyfile(base, target)
    connection = sqlite3.connect(target)
    have = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    originals = connection.execute("SELECT max(rowid) FROM articles").fetchone()[0]
    doc_columns = columns(connection, "documents")
    round_no = 0
    while have < articles:
        round_no += 1
        take = min(articles - have, originals)
        params = {"suffix": f"-r{round_no}", "shift": f"+{(round_no * 3) % 360} days", "take": take}
        with connection:
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS picked (id TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM picked")
            connection.execute("INSERT INTO picked SELECT id FROM articles WHERE rowid <= :originals ORDER BY rowid LIMIT :take",
                               {"originals": originals, "take": take})
            docs = ", ".join("key || :suffix" if c == "key" else c for c in doc_columns)
            connection.execute(f"INSERT OR IGNORE INTO documents ({', '.join(doc_columns)}) SELECT {docs} FROM documents"
                               " WHERE key IN (SELECT document_key FROM articles WHERE id IN (SELECT id FROM picked))", params)
            for table in ("articles", *STAGE_TABLES):
                names = columns(connection, table)
                key = "id" if table == "articles" else "article_id"
                select = ", ".join(copy_expr(table, c) for c in names)
                connection.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select} FROM {table}"
                                   f" WHERE {key} IN (SELECT id FROM picked)", params)
        have += take
    connection.close()
    return have


def wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until the server answers (or fail at once when it exits)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(url + "/openapi.json", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def targets(url: str, db: Path) -> dict[str, list[str]]:
    """The paths each endpoint kind is hit with."""
    overview = httpx.get(url + "/index.json", timeout=600).json()
    issues = [row["issue"] for row in overview["issues"]][:8] or ["none"]
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [row[0] for row in connection.execute("SELECT id FROM articles ORDER BY random() LIMIT 200")]
    connection.close()
    quote = lambda text: httpx.URL("/x", params={"q": text}).query.decode()  # noqa: E731
    return {
        "/": ["/"],
        "/index.json": ["/index.json"],
        "/issues/<x>.json": [f"/issues/{httpx.URL('/' + i).raw_path.decode().lstrip('/')}.json" for i in issues],
        "/articles/<id>.json": [f"/articles/{i}.json" for i in ids],
        "/search.json": [f"/search.json?{quote(w)}" for w in SEARCH_WORDS],
    }


def client_loop(url: str, paths: dict[str, list[str]], until: float, tallies: dict[str, Tally], lock: threading.Lock,
                seed: int) -> None:
    """One client: random endpoint, random path, until the deadline."""
    pick = random.Random(seed)
    kinds = list(paths)
    with httpx.Client(base_url=url, timeout=30) as http:
        while time.monotonic() < until:
            kind = pick.choice(kinds)
            started = time.perf_counter()
            try:
                status = http.get(pick.choice(paths[kind])).status_code
            except httpx.HTTPError:
                status = 0
            took = time.perf_counter() - started
            with lock:
                tally = tallies[kind]
                tally.latencies.append(took)
                tally.statuses[status] = tally.statuses.get(status, 0) + 1
                tally.errors += status != 200


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))] if ordered else float("nan")


def main() -> None:
    """Build the store, start the server, load it, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--profile", default="syria-2019")
    parser.add_argument("--work", type=Path, default=ROOT / "test-output" / "bench-serve")
    parser.add_argument("--data", default=None, help="the Guardian corpus folder (default ../shared/data/guardian-syria-2019)")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = parser.parse_args()
    corpus = data_dir("guardian-syria-2019", args.data)
    if corpus is None:
        return
    args.work.mkdir(parents=True, exist_ok=True)
    base = build_base(args.work, corpus / "articles.jsonl")
    db = args.work / f"serve-{args.articles}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    count = synthesise(base, db, args.articles)
    print(f"synthesised {count} articles in {db} ({time.perf_counter() - started:.1f} s)", flush=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    redline = Path(sys.executable).with_name("redline")  # the console script, as a user runs it
    server = subprocess.Popen([str(redline), "serve", "--db", str(db), "--port", str(port),
                               "--profile", args.profile], cwd=ROOT)
    try:
        wait_for(url, server)
        cold = time.perf_counter()
        paths = targets(url, db)
        cold_seconds = time.perf_counter() - cold
        print(f"cold /index.json (overview + analysis): {cold_seconds:.2f} s", flush=True)
        results = run_load(url, paths, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(results, args, count, cold_seconds)


def run_load(url: str, paths: dict[str, list[str]], clients: int, seconds: float) -> dict[str, Tally]:
    """`clients` threads hitting the endpoints for `seconds`."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    lock = threading.Lock()
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(url, paths, until, tallies, lock, n)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tallies


def report(tallies: dict[str, Tally], args, count: int, cold_seconds: float) -> None:
    """Print requests/s and latency percentiles per endpoint (and write them as JSON with --out)."""
    total = sum(len(t.latencies) for t in tallies.values())
    rows = {kind: {"requests": len(t.latencies), "errors": t.errors, "statuses": t.statuses,
                   "p50_ms": round(percentile(t.latencies, 50), 1), "p95_ms": round(percentile(t.latencies, 95), 1),
                   "p99_ms": round(percentile(t.latencies, 99), 1)} for kind, t in sorted(tallies.items())}
    print(f"{count} articles, {args.clients} clients, {args.seconds:.0f} s: {total} requests, "
          f"{total / args.seconds:.1f} requests/s, {sum(t.errors for t in tallies.values())} errors")
    print(f"{'endpoint':24} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, row in rows.items():
        print(f"{kind:24} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8}")
    if args.out:
        args.out.write_text(json.dumps({"articles": count, "clients": args.clients, "seconds": args.seconds,
                                        "cold_overview_seconds": round(cold_seconds, 2),
                                        "requests_per_second": round(total / args.seconds, 1), "endpoints": rows}, indent=2))


def free_port() -> int:
    """A free port on 127.0.0.1."""
    from redline.web.background import free_port as pick

    return pick()


if __name__ == "__main__":
    main()
