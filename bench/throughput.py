"""Throughput: spaCy alone vs spaCy + the stages after it (actors, quotes, events, positions), same texts, same run.

    python bench/throughput.py [--data DIR] [--processes N] [--repeat R] [--json]

DIR holds `articles.jsonl` (default ../shared/data/guardian-syria-2019: 235 Guardian articles, field
`text`). Both sides parse with `nlp.pipe` (`--processes` > 1 uses `n_process`, the same for both); the
"full" side runs every NLP stage of the registry (`stages()`) on each Doc as it comes out, called as
redline/annotate.py calls it. The two sides alternate (A B, B A, ...) for `--repeat` rounds and each keeps
its best time, so warm-up and machine noise fall on both alike. With one process the clock is this
process's CPU time (other jobs on a shared machine do not count). We report articles/second for each side
and their ratio (full / spaCy; 1.0 means the stages cost nothing) and, as a check free of run-to-run noise,
the ratio within the full pass: 1 - stage time / pass time, with the time of each stage.
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

from redline.annotate import NLP_STAGES  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402
from redline.stages import StageContext, registered  # noqa: E402

Stage = Callable[[object, StageContext], None]  # (doc, context) -> keeps the stage's records in the context


def _as_run(name: str) -> Stage:
    """The registered NLP stage `name`, called as the runner calls it, its records kept in the context."""
    info = registered(name)
    [field_name] = info.assigns

    def run(doc, ctx: StageContext) -> None:
        ctx.keep(field_name, info.func(doc, ctx))

    return run


def stages() -> list[tuple[str, Stage]]:
    """The stages measured after spaCy: the registry's NLP stages in pipeline order (open mode, the shipped
    actor dictionary), each called stage(doc, ctx) like redline/annotate.py calls it."""
    return [(name, _as_run(name)) for name in NLP_STAGES]


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
    for n, (record, doc) in enumerate(zip(records, docs)):
        ctx = StageContext(str(record.get("id", n)), published=record.get("date"))
        for name, stage in run:
            began = clock()
            stage(doc, ctx)
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
