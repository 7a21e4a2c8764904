"""Ingest throughput (no NLP) and peak memory on the Guardian Syria corpus, as JSONL and as text files.

    python bench/ingest.py [--data DIR] [--scale 1 10] [--json]

For each input form and scale (the corpus repeated, each copy made distinct so that it is not deduplicated
away), a fresh process ingests into a new database; we report articles/second, peak RSS, and the ratio of
redline's rate to a baseline measured in the same run: reading the same records and inserting their raw text
into SQLite, with no cleaning, metadata or deduplication.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import data_dir, run_child

INGEST = r"""
import json, resource, sys, time
from redline.ingest.options import IngestOptions
from redline.pipeline import ingest
from redline.store import Store
start = time.perf_counter()
with Store(sys.argv[2]) as store:
    summary = ingest([sys.argv[1]], store=store, options=IngestOptions.load(nlp=False))
seconds = time.perf_counter() - start
print(json.dumps({"articles": summary.articles, "seconds": seconds, "problems": len(summary.problems),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BASELINE = r"""
import json, resource, sqlite3, sys, time
from pathlib import Path
start = time.perf_counter()
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE raw (name TEXT, text TEXT)")
source = Path(sys.argv[1])
count = 0
with db:
    if source.is_dir():
        for path in sorted(source.rglob("*.txt")):
            db.execute("INSERT INTO raw VALUES (?, ?)", (path.name, path.read_text(encoding="utf-8")))
            count += 1
    else:
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                db.execute("INSERT INTO raw VALUES (?, ?)", (str(number), json.loads(line)["text"]))
                count += 1
seconds = time.perf_counter() - start
print(json.dumps({"articles": count, "seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def distinct_copy(text: str, copy: int) -> str:
    """The text with every fourth word marked by the copy number, so copies are not near-duplicates."""
    if copy == 0:
        return text
    words = text.split(" ")
    return " ".join(f"{w}{copy}" if i % 4 == 0 else w for i, w in enumerate(words))


def write_inputs(corpus: Path, folder: Path, scale: int) -> tuple[Path, Path]:
    """The corpus repeated `scale` times, as one JSONL file and as one text file per article."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    jsonl = folder / f"guardian-x{scale}.jsonl"
    texts = folder / f"guardian-x{scale}-txt"
    texts.mkdir()
    with jsonl.open("w", encoding="utf-8") as handle:
        for copy in range(scale):
            for record in records:
                text = distinct_copy(record["text"], copy)
                handle.write(json.dumps({**record, "id": f"{record['id']}-{copy}", "text": text}) + "\n")
                (texts / f"{record['id']}-{copy}.txt").write_text(text + "\n", encoding="utf-8")
    return jsonl, texts


def main() -> int:
    """Measure and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding articles.jsonl (default ../shared/data/guardian-syria-2019)")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = data_dir("guardian-syria-2019", args.data)
    if folder is None:
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for scale in args.scale:
            jsonl, texts = write_inputs(folder / "articles.jsonl", tmp_path, scale)
            for form, source in (("jsonl", jsonl), ("text files", texts)):
                base = run_child(BASELINE, str(source), str(tmp_path / f"base-{scale}-{form[0]}.db"))
                ours = run_child(INGEST, str(source), str(tmp_path / f"ours-{scale}-{form[0]}.db"))
                results.append({
                    "form": form, "scale": scale, "articles": ours["articles"],
                    "articles_per_s": ours["articles"] / ours["seconds"],
                    "baseline_per_s": base["articles"] / base["seconds"],
                    "ratio": (ours["articles"] / ours["seconds"]) / (base["articles"] / base["seconds"]),
                    "peak_mb": ours["peak_mb"], "problems": ours["problems"],
                })
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'input':<11} {'scale':>5} {'articles':>8} {'art/s':>8} {'raw-insert art/s':>16} {'ratio':>6} {'peak MB':>8}")
    for r in results:
        print(f"{r['form']:<11} {r['scale']:>5} {r['articles']:>8} {r['articles_per_s']:>8.0f} "
              f"{r['baseline_per_s']:>16.0f} {r['ratio']:>6.3f} {r['peak_mb']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
