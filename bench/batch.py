"""`redline batch` scaling: articles/second with 1 and 2 Dask workers against the single-process pipeline.

    python bench/batch.py [--limit N] [--scale 1,10] [--json]

Input (1x): the first N Guardian articles (../shared/data/guardian-syria-2019, default all 235). The
10x input must be N*10 *distinct* articles (repeats would be deduplicated away): the pool of real
bodies is the Guardian set plus PolNeAR's 84 news texts plus the English article bodies of the AEB
ground truth; each synthetic article joins the first half (by paragraph) of one pool article to the
second half of another, every (i, j) pair used once, so any two share at most one half (Jaccard
around 1/3, below the 0.7 near-duplicate threshold: the output's duplicate count confirms it).

For each scale: the single-process `extract` (full pipeline, one process), then `redline batch` on a
LocalCluster of 1 and of 2 single-threaded worker processes; wall time from submission to the last
Parquet file. The workers load their models (spaCy, actor dictionary) before the clock starts, as a
long-running cluster would have them loaded; that one-off load is reported apart
(`model_load_seconds`), and the single process's own model load is inside its time. Scaling efficiency =
2-worker throughput / (2 x 1-worker throughput), target >= 0.8 on 2 cores. Peak RSS per worker
(ru_maxrss, read with client.run after the run), target: flat from 1x to 10x.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

from redline.language import detect_language  # noqa: E402


def guardian(folder: Path, limit: int | None) -> list[dict]:
    """The Guardian records, the first `limit` of them."""
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:limit]


def pool(data: Path) -> list[str]:
    """Distinct real English article bodies from the evaluation data."""
    bodies = [r["text"] for r in guardian(data / "guardian-syria-2019", None)]
    bodies += [p.read_text(encoding="utf-8") for p in sorted((data / "polnear" / "dev" / "text").glob("*.txt"))]
    truth = json.loads((data / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies += [v["articleBody"] for v in truth.values() if detect_language(v["articleBody"]) == "en"]
    return [b for b in bodies if len(b.split()) > 80]


def _halves(text: str) -> tuple[str, str]:
    """A body cut in two at its middle paragraph (or middle word when it has one paragraph)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) >= 2:
        mid = len(paragraphs) // 2
        return "\n".join(paragraphs[:mid]), "\n".join(paragraphs[mid:])
    words = text.split(" ")
    return " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])


def synthetic(data: Path, count: int, seed: int = 7) -> list[dict]:
    """`count` distinct articles, each the first half of one pool body and the second half of another."""
    bodies = pool(data)
    halves = [_halves(b) for b in bodies]
    pairs = [(i, j) for i in range(len(bodies)) for j in range(len(bodies)) if i != j]
    random.Random(seed).shuffle(pairs)
    return [{"id": f"synthetic-{n}", "date": "2019-10-01", "source": "bench",
             "text": halves[i][0] + "\n" + halves[j][1]} for n, (i, j) in enumerate(pairs[:count])]


def write_input(records: list[dict], folder: Path) -> str:
    """The records as one JSONL file."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def single_process(path: str) -> dict:
    """Articles/second of the full single-process pipeline (spaCy in one process)."""
    from redline.ingest.options import IngestOptions
    from redline.pipeline import extract

    started = time.perf_counter()
    result = extract([path], options=IngestOptions.load(processes=1))
    seconds = time.perf_counter() - started
    return {"articles": len(result.articles), "seconds": round(seconds, 2),
            "articles_per_second": round(len(result.articles) / seconds, 2)}


def _peak_rss_mb() -> float:
    """This process's peak resident set size in MB (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batch(path: str, workers: int, partition_size: int) -> dict:
    """Articles/second of `redline batch` on a LocalCluster of `workers` processes, and their peak RSS."""
    from distributed import Client, LocalCluster

    from redline.batch.options import BatchOptions
    from redline.batch.resources import WorkerResources
    from redline.batch.run import run_batch

    out = Path(tempfile.mkdtemp(prefix="redline-batch-bench-"))
    try:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            # Model loading is a one-off per worker, whatever the input size: timed apart, before the clock.
            loading = time.perf_counter()
            client.register_plugin(WorkerResources(None))
            load_seconds = time.perf_counter() - loading
            started = time.perf_counter()
            result = run_batch([path], client=client, options=BatchOptions.load(out / "out", partition_size=partition_size,
                                                                                  split_from_bytes=0))
            seconds = time.perf_counter() - started
            rss = client.run(_peak_rss_mb)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    counts = result.manifest["counts"]
    return {"workers": workers, "articles": counts["articles"], "duplicates": counts["duplicates"],
            "model_load_seconds": round(load_seconds, 2), "seconds": round(seconds, 2), "articles_per_second": round(counts["articles"] / seconds, 2),
            "timings": result.manifest["timings"], "peak_rss_mb_per_worker": sorted(round(v) for v in rss.values())}


def measure(records: list[dict], partition_size: int) -> dict:
    """Single process, 1 worker and 2 workers on the same input, and the scaling efficiency."""
    folder = Path(tempfile.mkdtemp(prefix="redline-batch-input-"))
    try:
        path = write_input(records, folder)
        single = single_process(path)
        one = batch(path, 1, partition_size)
        two = batch(path, 2, partition_size)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"records": len(records), "single_process": single, "one_worker": one, "two_workers": two,
            "scaling_efficiency": round(two["articles_per_second"] / (2 * one["articles_per_second"]), 3),
            "vs_single_process": round(two["articles_per_second"] / single["articles_per_second"], 3)}


def main() -> int:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the evaluation data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="Guardian articles at 1x (default all 235)")
    parser.add_argument("--scale", default="1,10", help="input scales to run, comma-separated (1 and/or 10)")
    parser.add_argument("--partition-size", type=int, default=25, help="records per partition")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    data = data_dir("", args.data)
    if data is None or not (data / "guardian-syria-2019").exists():
        print("evaluation data not found; nothing to measure", file=sys.stderr)
        return 0
    base = guardian(data / "guardian-syria-2019", args.limit)
    report = {}
    for scale in (int(s) for s in args.scale.split(",")):
        records = base if scale == 1 else synthetic(data, len(base) * scale)
        report[f"{scale}x"] = measure(records, args.partition_size)
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
