"""Watch throughput: articles/second through `redline watch` (fetched from a local site) against `ingest` of the
same pages saved as files, in the same run.

    python bench/watch.py [--pages 500] [--nlp/--no-nlp] [--json]

500 real articles (Guardian Syria 2019, then People's Daily trade war 2018, from ../shared/data) are written as
HTML pages under a temporary folder, with a news sitemap, and served by a threaded HTTP server on 127.0.0.1. A
fresh process runs one watch pass over the sitemap into a new database; another ingests the same folder of
pages into another. Both use one spaCy process, so the ratio shows the cost of fetching, not of parallelism.
The host's politeness rate is lifted (rate_per_second 1000, 8 in flight): on a real site the configured rate,
not redline, bounds the speed.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _common import SHARED_DATA, run_child

CORPORA = ("guardian-syria-2019", "trade-war-2018")

WATCH = r"""
import json, sys, time
from redline.ingest.options import IngestOptions
from redline.store import Store
from redline.watch import WatchConfig, WatchOptions, load_sources, watch_pass
nlp = sys.argv[3] == "1"
options = WatchOptions.load(rate_per_second=1000, per_host=8, workers=8, entries_per_source=100000, respect_robots=True)
config = WatchConfig(sources=load_sources([sys.argv[1]]), options=options, ingest=IngestOptions.load(nlp=nlp, processes=1))
start = time.perf_counter()
with Store(sys.argv[2]) as store:
    report = watch_pass(store, config)
seconds = time.perf_counter() - start
print(json.dumps({"articles": report.articles, "seconds": seconds, "requests": report.requests,
                  "alert_seconds": report.alert_seconds, "problems": len(report.problems)}))
"""

INGEST = r"""
import json, sys, time
from redline.ingest.options import IngestOptions
from redline.pipeline import ingest
from redline.store import Store
nlp = sys.argv[3] == "1"
start = time.perf_counter()
with Store(sys.argv[2]) as store:
    summary = ingest([sys.argv[1]], store=store, options=IngestOptions.load(nlp=nlp, processes=1))
seconds = time.perf_counter() - start
print(json.dumps({"articles": summary.articles, "seconds": seconds, "problems": len(summary.problems)}))
"""


def read_articles(count: int) -> list[dict]:
    """The first `count` articles of the corpora, in order."""
    found: list[dict] = []
    for name in CORPORA:
        path = SHARED_DATA / name / "articles.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            found.extend(json.loads(line) for line in handle if line.strip())
    return found[:count]


def page(record: dict, n: int) -> str:
    """An article as a plain news HTML page: headline, date meta, one <p> per paragraph."""
    title = html.escape(record.get("title") or record["text"].split(".")[0][:90])
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
    date = html.escape(str(record.get("date") or ""))
    return (f"<!doctype html><html><head><title>{title}</title><meta name=\"date\" content=\"{date}\"></head>"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Bench page {n}</footer></body></html>")


def write_site(folder: Path, records: list[dict], base: str) -> None:
    """The pages and a news sitemap listing them."""
    pages = folder / "pages"
    pages.mkdir(parents=True)
    urls = []
    for n, record in enumerate(records):
        (pages / f"{n:04d}.html").write_text(page(record, n), encoding="utf-8")
        urls.append(f"{base}/pages/{n:04d}.html")
    rows = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    (folder / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>'
                                        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>',
                                        encoding="utf-8")


class _Quiet(SimpleHTTPRequestHandler):
    """A static file handler that does not log each request."""

    def log_message(self, *args) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--nlp", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = read_articles(args.pages)
    if len(records) < args.pages:
        print(f"evaluation data not found under {SHARED_DATA} ({len(records)} articles); nothing to measure", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="redline-watch-bench-") as tmp:
        folder = Path(tmp) / "site"
        folder.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        write_site(folder, records, base)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            nlp = "1" if args.nlp else "0"
            watched = run_child(WATCH, f"{base}/sitemap.xml", str(Path(tmp) / "watch.db"), nlp)
            ingested = run_child(INGEST, str(folder / "pages"), str(Path(tmp) / "ingest.db"), nlp)
        finally:
            server.shutdown()
    rate = lambda r: r["articles"] / r["seconds"]  # noqa: E731
    result = {"pages": args.pages, "nlp": args.nlp, "watch": watched, "ingest": ingested,
              "watch_articles_per_s": round(rate(watched), 2), "ingest_articles_per_s": round(rate(ingested), 2),
              "ratio_watch_to_ingest": round(rate(watched) / rate(ingested), 3),
              "ratio_without_alerts": round(watched["articles"] / (watched["seconds"] - watched["alert_seconds"]) / rate(ingested), 3)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.pages} pages, NLP {'on' if args.nlp else 'off'}: watch {result['watch_articles_per_s']} articles/s"
              f" ({watched['articles']} articles, {watched['requests']} requests, {watched['seconds']:.1f} s of which"
              f" {watched['alert_seconds']:.1f} s deal space + alerts),"
              f" ingest {result['ingest_articles_per_s']} articles/s ({ingested['articles']} articles,"
              f" {ingested['seconds']:.1f} s); watch/ingest = {result['ratio_watch_to_ingest']}"
              f" ({result['ratio_without_alerts']} without the alerts' analysis)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
