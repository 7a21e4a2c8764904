"""HTML extraction (trafilatura body + htmldate date, through redline's reader) on the AEB HTML pages.

    python bench/html_extract.py [--data DIR] [--json]

Every `html/<id>.html.gz` page is read exactly as `redline ingest` reads it (gunzip, charset detection,
`extract_html` with the page URL) and scored against `ground-truth.json` with the benchmark's own metric
(4-word shingle precision/recall per page, averaged; `score` from bench/clean.py). Baseline in the same
run: trafilatura's `extract()` with default settings on the same decoded HTML. Published: trafilatura
0.958–0.960. Without the data the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from clean import Scores, score  # noqa: E402  (bench/clean.py: the benchmark's metric)

from redline.htmlpage import extract_html  # noqa: E402
from redline.ingest.decode import decode_bytes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb"


@dataclass(frozen=True, slots=True)
class HtmlResult:
    """redline's HTML extraction and plain trafilatura on the same pages."""

    pages: int
    redline: Scores
    trafilatura_default: Scores
    seconds: float


def run(data: Path) -> HtmlResult:
    """Extract every page both ways and score them."""
    import trafilatura

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ours: dict[str, str] = {}
    plain: dict[str, str] = {}
    seconds = 0.0
    for key, item in truth.items():
        html = decode_bytes(gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()), html=True).text
        started = time.perf_counter()
        page = extract_html(html, url=item.get("url"))
        seconds += time.perf_counter() - started
        ours[key] = page.text if page else ""
        plain[key] = trafilatura.extract(html, url=item.get("url")) or ""
    truths = {key: item.get("articleBody", "") for key, item in truth.items()}
    return HtmlResult(pages=len(truth), redline=score(truths, ours), trafilatura_default=score(truths, plain), seconds=seconds)


def main() -> int:
    """Print the scores (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"AEB data not found at {args.data}; nothing to measure", file=sys.stderr)
        return 0
    result = run(args.data)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
        return 0
    print(f"AEB HTML, {result.pages} pages ({result.seconds:.1f} s in extract_html)")
    for name, s in (("redline extract_html", result.redline), ("trafilatura.extract default", result.trafilatura_default)):
        print(f"  {name:<28} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
