"""Throughput: spaCy alone vs spaCy + the stages after it (actors, quotes, events, positions), same texts, same run.

    python bench/throughput.py [--data DIR] [--processes N] [--repeat R] [--json]

DIR holds `articles.jsonl` (default ../shared/data/guardian-syria-2019: 235 Guardian articles, field
`text`). Both sides parse with `nlp.pipe` (`--processes` > 1 uses `n_process`, the same for both); the
"full" side runs every stage of `stages()` on each Doc as it comes out. The two sides alternate (A B,
B A, ...) for `--repeat` rounds and each keeps its best time, so warm-up and machine noise fall on both
alike. With one process the clock is this process's CPU time (other jobs on a shared machine do not
count). We report articles/second for each side and their ratio (full / spaCy; 1.0 means the stages cost
nothing) and, as a check free of run-to-run noise, the ratio within the full pass: 1 - stage time / pass
time, with the time of each stage.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

from redline.actors import find_actors  # noqa: E402
from redline.events import code_events  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402
from redline.positions import extract_positions  # noqa: E402
from redline.quotes import extract_quotes  # noqa: E402

Stage = Callable[[object, dict, dict], None]  # (doc, record, results so far) -> adds to results


def _actors_stage(doc, record: dict, found: dict) -> None:
    """The actors stage."""
    found["actors"] = find_actors(doc, published=record.get("date"))


def _quotes_stage(doc, record: dict, found: dict) -> None:
    """The quotes stage, resolving speakers through the actors."""
    found["quotes"] = extract_quotes(doc, found.get("actors"))


def _events_stage(doc, record: dict, found: dict) -> None:
    """The event stage."""
    found["events"] = code_events(doc, found.get("actors"), published=record.get("date"))


def _positions_stage(doc, record: dict, found: dict) -> None:
    """The position stage (open mode)."""
    found["positions"] = extract_positions(doc, found.get("actors"), found.get("quotes") or [],
                                           published=record.get("date"), events=found.get("events"))


def stages() -> list[tuple[str, Stage]]:
    """The stages measured after spaCy, in pipeline order: adding one is one line here."""
    return [("actors", _actors_stage), ("quotes", _quotes_stage), ("events", _events_stage),
            ("positions", _positions_stage)]


def read_records(folder: Path) -> list[dict]:
    """The articles of the JSONL file, as dicts with a `text` field."""
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass(slots=True)
class Run:
    """One timed pass: total seconds and the seconds spent in each stage."""

    seconds: float
    stages: dict[str, float] = field(default_factory=dict)


def timed(records: list[dict], processes: int, run: list[tuple[str, Stage]]) -> Run:
    """Time one pass: parse every text and run the stages on each Doc.

    With one process the clock is this process's CPU time, so other jobs on the machine do not count;
    with several, wall time (the parsing happens in child processes).
    """
    clock = time.process_time if processes == 1 else time.perf_counter
    nlp = load_pipeline()
    spent = {name: 0.0 for name, _ in run}
    start = clock()
    docs = nlp.pipe((r["text"] for r in records), batch_size=32, n_process=processes)
    for record, doc in zip(records, docs):
        found: dict = {}
        for name, stage in run:
            began = clock()
            stage(doc, record, found)
            spent[name] += clock() - began
    return Run(clock() - start, spent)


def measure(records: list[dict], processes: int, repeat: int) -> dict:
    """Best times of spaCy alone and of spaCy + stages, alternating the order each round."""
    run = stages()
    timed(records[:10], processes, run)  # warm-up: model, lexicons and matchers load outside the clock
    best = {"spacy": Run(float("inf")), "full": Run(float("inf"))}
    for round_ in range(repeat):
        for side in ("spacy", "full") if round_ % 2 == 0 else ("full", "spacy"):
            result = timed(records, processes, run if side == "full" else [])
            if result.seconds < best[side].seconds:
                best[side] = result
    n, full = len(records), best["full"]
    stage_seconds = sum(full.stages.values())
    return {
        "articles": n,
        "processes": processes,
        "stages": [name for name, _ in run],
        "spacy_per_s": n / best["spacy"].seconds,
        "full_per_s": n / full.seconds,
        "ratio": best["spacy"].seconds / full.seconds,
        "stage_seconds": full.stages,
        "ratio_in_run": (full.seconds - stage_seconds) / full.seconds,
    }


def main() -> int:
    """Measure and print the result (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding articles.jsonl (default ../shared/data/guardian-syria-2019)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for nlp.pipe, both sides")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each side keeps its best time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = data_dir("guardian-syria-2019", args.data)
    if folder is None:
        return 0
    result = measure(read_records(folder), args.processes, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    missing = "" if "actors" in result["stages"] else "  (redline.actors not available: spaCy + quotes only)"
    print(f"{result['articles']} articles, {result['processes']} process(es), "
          f"stages: {' + '.join(result['stages'])}{missing}")
    print(f"spaCy alone           {result['spacy_per_s']:8.2f} articles/s")
    print(f"spaCy + stages        {result['full_per_s']:8.2f} articles/s")
    print(f"ratio (full/spaCy)    {result['ratio']:8.3f}   separate passes, best of {args.repeat} each")
    print(f"ratio within the run  {result['ratio_in_run']:8.3f}   1 - stage time / full pass time")
    for name, seconds in result["stage_seconds"].items():
        print(f"  {name:<8} {seconds:7.2f} s ({seconds / result['articles'] * 1000:.1f} ms/article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
