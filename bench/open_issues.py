"""Open mode on a real corpus: the issues the deal space finds with no profile, the most evidenced first.

    python bench/open_issues.py                      # ingests ../shared/data/guardian-syria-2019 (no profile)
    python bench/open_issues.py --db guardian.db     # a store already ingested without a profile
    python bench/open_issues.py --top 15 --json

Prints how many positions became how many issues (and how many named none), then the top issues by
evidence with their status and the first parties' directions. The README lists its output.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import data_dir
from redline.dealspace import by_weight, deal_space
from redline.store import Store
from redline.views.overview import store_evidence


def _ingested(corpus: Path, work: Path) -> Path:
    """The corpus ingested with NLP and no profile into a fresh store under `work`."""
    db = work / "open.db"
    subprocess.run([sys.executable, "-m", "redline.cli", "ingest", str(corpus), "--db", str(db)], check=True,
                   stdout=subprocess.DEVNULL)
    return db


def top_issues(db: Path, top: int) -> dict:
    """The open-mode analysis of a store: counts and the `top` issues by evidence."""
    with Store(db, readonly=True) as store:
        evidence = store_evidence(store)
    started = time.perf_counter()
    analysis = deal_space(evidence)
    seconds = time.perf_counter() - started
    issues = by_weight([i for i in analysis.issues if i.parties])[:top]
    return {
        "positions": len(evidence), "issues": len(analysis.issues), "left_out": analysis.left_out,
        "shifts": len(analysis.shifts), "seconds": round(seconds, 2),
        "top": [{"label": i.label or i.issue, "status": i.status,
                 "items": sum(s.evidence_count for s in i.parties.values()),
                 "parties": {p: s.direction for p, s in list(i.parties.items())[:4]}} for i in issues],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store ingested without a profile (default: ingest the Guardian corpus)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.db:
            db = Path(args.db)
        else:
            corpus = data_dir("guardian-syria-2019")
            if corpus is None:
                return 0
            db = _ingested(corpus / "articles.jsonl", Path(work))
        found = top_issues(db, args.top)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return 0
    print(f"{found['positions']} positions -> {found['issues']} issues ({found['left_out']} positions left out), "
          f"{found['shifts']} shifts; deal space {found['seconds']} s")
    for n, issue in enumerate(found["top"], 1):
        parties = ", ".join(f"{p} {d}" for p, d in issue["parties"].items())
        print(f"{n:2}. {issue['label']} — {issue['status']}; {issue['items']} items; {parties}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
