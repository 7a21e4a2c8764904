"""What the actor stage adds to the NLP stage's time, on a JSON Lines corpus (field `text`).

    python -m redline.actors.bench [FILE] [--repeat N]

FILE defaults to the Guardian Syria articles in ../shared. The spaCy parse (`parse_texts`) is timed alone,
then `find_actors` over the same Docs (after one warm-up article, so the one-off dictionary load and matcher
build are not counted); the overhead is the actor time as a share of the parse time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from redline.nlp import parse_texts

from .dictionary import ActorDictionary, to_day
from .stage import find_actors

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "guardian-syria-2019" / "articles.jsonl"


def main() -> None:
    """Print articles/second of spaCy alone and with find_actors, and the overhead."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="runs of find_actors; the fastest counts")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in records]
    start = time.perf_counter()
    docs = list(parse_texts(texts))
    parse_seconds = time.perf_counter() - start
    dictionary = ActorDictionary.load()
    find_actors(docs[0], dictionary=dictionary)
    actor_seconds = min(_time_actors(docs, records, dictionary) for _ in range(args.repeat))
    total = parse_seconds + actor_seconds
    print(f"{len(docs)} articles, {sum(len(d) for d in docs)} tokens")
    print(f"spaCy alone:           {parse_seconds:7.2f} s  {len(docs) / parse_seconds:7.1f} articles/s")
    print(f"spaCy + find_actors:   {total:7.2f} s  {len(docs) / total:7.1f} articles/s")
    print(f"find_actors adds {100 * actor_seconds / parse_seconds:.1f}% ({1000 * actor_seconds / len(docs):.2f} ms/article); "
          f"throughput kept {100 * parse_seconds / total:.1f}%")


def _time_actors(docs: list, records: list[dict], dictionary: ActorDictionary) -> float:
    """Seconds for find_actors over all Docs."""
    start = time.perf_counter()
    for doc, record in zip(docs, records):
        find_actors(doc, published=to_day(record.get("date")), dictionary=dictionary)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
