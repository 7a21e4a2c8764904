"""Cold overview time on a large store: a store's rows copied N times (new ids), then one `overview()` call.

    python bench/overview.py --db SOURCE.db --copies 43 [--profile us-iran-2026] [--out BIG.db] [--json]

SOURCE is any redline store (e.g. one built with `redline ingest ../shared/data/guardian-syria-2019/articles.jsonl`:
235 articles, so 43 copies make ~10,000). Each copy gets new document keys and article ids (suffix `~N`) and its
publication dates moved back N days, so dates spread as in a long-running case. The overview is timed in a fresh
interpreter (cold: nothing cached), and so is `filtered_analysis` alone.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from _common import ROOT, run_child

sys.path.insert(0, str(ROOT))

STAGES = ("actors", "quotes", "events", "positions")

CHILD = """
import json, sys, time
from redline.positions import CaseProfile
from redline.store import Store
from redline.views.overview import filtered_analysis, overview
profile = CaseProfile.load(sys.argv[2]) if sys.argv[2] else None
with Store(sys.argv[1], readonly=True) as store:
    start = time.perf_counter()
    view = overview(store, profile=profile)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    filtered_analysis(store, profile=profile)
    analysis_seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "analysis_seconds": analysis_seconds, "articles": view.counts.articles,
                  "positions": view.counts.positions, "events": view.counts.events, "quotes": view.counts.quotes,
                  "issues": len(view.issues)}))
"""


def replicate(source: Path, target: Path, copies: int) -> int:
    """Copy SOURCE to TARGET and add `copies - 1` more copies of its rows; the number of articles after."""
    shutil.copyfile(source, target)
    db = sqlite3.connect(target)
    with db:
        for n in range(1, copies):
            _copy_rows(db, f"~{n}", n)
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    return count


def _copy_rows(db: sqlite3.Connection, suffix: str, days: int) -> None:
    """One more copy of the original rows (those without a `~` in their key), ids suffixed, dates moved back."""
    columns = lambda table: [r[1] for r in db.execute(f"PRAGMA table_info({table})")]  # noqa: E731
    db.execute("INSERT INTO documents SELECT key || ?, input, format, articles, problem FROM documents"
               " WHERE instr(key, '~') = 0", (suffix,))
    article_columns = columns("articles")
    moved = {"id": "id || :s", "document_key": "document_key || :s", "duplicate_of": "duplicate_of || :s",
             "published": "CASE WHEN length(published) >= 10 THEN date(substr(published, 1, 10), :d) ELSE published END"}
    select = ", ".join(moved.get(c, c) for c in article_columns)
    db.execute(f"INSERT INTO articles ({', '.join(article_columns)}) SELECT {select} FROM articles"
               " WHERE instr(id, '~') = 0", {"s": suffix, "d": f"-{days} days"})
    for table in STAGES:
        names = columns(table)
        select = ", ".join("article_id || :s" if c == "article_id" else f'"{c}"' for c in names)
        quoted = ", ".join(f'"{c}"' for c in names)
        db.execute(f"INSERT INTO {table} ({quoted}) SELECT {select} FROM {table} WHERE instr(article_id, '~') = 0",
                   {"s": suffix})


def measure(db: Path, profile: str | None) -> dict:
    """A cold overview of DB in a fresh interpreter: seconds and what it counted."""
    return run_child(CHILD, str(db), profile or "")


def main() -> None:
    """Build the large store, time the overview, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=43)
    parser.add_argument("--profile")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = args.out or Path(tmp) / "big.db"
        articles = replicate(args.db, target, args.copies)
        result = {"articles_in_store": articles, **measure(target, args.profile)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{articles} articles: cold overview {result['seconds']:.2f} s (analysis alone {result['analysis_seconds']:.2f} s);"
              f" {result['positions']} positions, {result['events']} events, {result['quotes']} quotes")


if __name__ == "__main__":
    main()
