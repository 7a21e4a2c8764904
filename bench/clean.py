"""Plain-text page cleaning on the article-extraction benchmark (AEB), against two baselines in the same run.

    python bench/clean.py [--data DIR] [--json]

Every page of `plain-text.json` (the whole page text as a naive scraper saves it) is cleaned with
`redline.clean.clean_page`, its segments joined with a blank line, and compared with the page's
`articleBody` in `ground-truth.json` using the benchmark's metric: precision and recall of 4-word
shingles, normalised per page and averaged over pages, F1 from the averages. Lines that recur on
several pages of one site are collected first with `RecurringLines`, grouped by the domain of the
page's URL (which a real scraper knows). Baselines: the page as it is (no cleaning) and a C4-style
line filter (keep lines of at least five words that end with terminal punctuation).

The data lives beside the repository, in ../shared/data/aeb; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from redline.clean import RecurringLines, clean_page  # noqa: E402

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_C4_MIN_WORDS = 5
_C4_ENDINGS = (".", "!", "?", '"', "”", "'", "’")


@dataclass(frozen=True, slots=True)
class Scores:
    """Benchmark metric averages over pages."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class BenchResult:
    """One benchmark run: redline's scores, the two baselines, segmentation and timing."""

    pages: int
    redline: Scores
    no_cleaning: Scores
    c4_filter: Scores
    pages_split: int
    clean_seconds: float


def shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    """Counts of the text's 4-token shingles (one shorter shingle for a text of fewer tokens)."""
    tokens = _TOKEN.findall(text or "")
    starts = range(max(1, len(tokens) - _SHINGLE + 1))
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in starts if tokens[i : i + _SHINGLE])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives over shingles, normalised to sum to 1."""
    gold, guess = shingle_counts(true), shingle_counts(pred)
    tp = fp = fn = 0.0
    for key in gold.keys() | guess.keys():
        g, p = gold.get(key, 0), guess.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-page precision (1 when both texts are empty)."""
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-page recall (1 when both texts are empty)."""
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(truths: dict[str, str], predictions: dict[str, str]) -> Scores:
    """Averaged precision and recall over pages, and F1 of the averages (the benchmark's definition)."""
    counts = [page_counts(truths[key], predictions.get(key, "")) for key in truths]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return Scores(precision, recall, 2 * precision * recall / (precision + recall))


def c4_filter(text: str) -> str:
    """The C4-style baseline: lines of at least five words ending with terminal punctuation."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(ln for ln in lines if len(ln.split()) >= _C4_MIN_WORDS and ln.endswith(_C4_ENDINGS))


def domain(url: str) -> str:
    """The page's site, as recurring lines are grouped: the URL's host without a leading "www."."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def run(data: Path) -> BenchResult:
    """Clean every page of the benchmark and score it with both baselines."""
    pages = json.loads((data / "plain-text.json").read_text(encoding="utf-8"))
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    truths = {key: truth[key].get("articleBody", "") for key in keys}
    groups = {key: domain(truth[key].get("url", "")) for key in keys}
    start = time.perf_counter()
    recurring = RecurringLines()
    for key in keys:
        recurring.add(groups[key], pages[key])
    segments = {key: clean_page(pages[key], recurring=recurring.for_group(groups[key])) for key in keys}
    seconds = time.perf_counter() - start
    predictions = {key: "\n\n".join(s.text for s in segments[key]) for key in keys}
    return BenchResult(
        pages=len(keys),
        redline=score(truths, predictions),
        no_cleaning=score(truths, {key: pages[key] for key in keys}),
        c4_filter=score(truths, {key: c4_filter(pages[key]) for key in keys}),
        pages_split=sum(1 for key in keys if len(segments[key]) > 1),
        clean_seconds=seconds,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with plain-text.json and ground-truth.json"
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    args = parser.parse_args(argv)
    if not (args.data / "plain-text.json").exists() or not (args.data / "ground-truth.json").exists():
        print(f"AEB data not found at {args.data}; nothing to measure", file=sys.stderr)
        return 0
    result = run(args.data)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
        return 0
    print(f"AEB plain text, {result.pages} pages (4-gram shingles, per-page averages)")
    print(f"{'':<14}{'precision':>10}{'recall':>10}{'F1':>10}")
    rows = (("redline", result.redline), ("no cleaning", result.no_cleaning), ("C4 filter", result.c4_filter))
    for name, scores in rows:
        print(f"{name:<14}{scores.precision:>10.3f}{scores.recall:>10.3f}{scores.f1:>10.3f}")
    print(f"pages split into >1 segment: {result.pages_split}")
    print(f"clean time (recurring lines + cleaning): {result.clean_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
