"""How many gold positions have a candidate with the right holder on their sentence (the recall ceiling of
the learned positions extractor), and how many candidates that takes.

    python bench/holder_coverage.py [--misses FILE] [--json]

For every gold record of the annotated corpus (bench/gold/positions/corpus, each article's first
annotator), the (sentence, holder) candidates on its evidence sentence are built as the shipped pipeline
builds them (spaCy, actors, quotes, the rule positions, `learned.candidates`, with the publisher's state
from the article's source). A record is "covered" when one candidate's party is its actor under the bench's
matching (`positions_corpus.same_actor`: equal country codes, or a shared distinctive name word); "wrong
holder" when its sentence has candidates but none of its party; "no candidate" when it has none.
`--misses` writes one JSON line per uncovered record (article id, offsets, gold actor and stance, and the
candidates' parties), for error analysis; no article text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

import positions_corpus as corpus  # noqa: E402
import train_positions  # noqa: E402


def coverage(ids: list[str], texts: dict[str, dict], golds: list[corpus.Record]) -> tuple[Counter, int, list[dict]]:
    """The coverage counts, the number of candidates, and the uncovered records with their candidates. The
    candidates are the ones training builds (`train_positions.Parsed`), so the two can never disagree."""
    parsed = train_positions.Parsed(ids, texts, golds)
    by_article: dict[str, dict[int, object]] = {}
    for article, c in parsed.rows:  # a candidate with two gold stances has two training rows: count it once
        by_article.setdefault(article, {})[id(c)] = c
    counts: Counter = Counter()
    misses = []
    for g in golds:
        on = [c for c in by_article.get(g.article, {}).values()
              if c.sentence.start_char < g.end and g.start < c.sentence.end_char]
        right = [c for c in on if corpus.same_actor(
            corpus.Record(g.article, c.holder.party, c.holder.country, g.stance, "", (), 0, 0), g)]
        kind = "covered" if right else "wrong holder" if on else "no candidate"
        counts[kind] += 1
        if kind != "covered":
            misses.append({"article": g.article, "start": g.start, "end": g.end, "actor": g.actor,
                           "country": g.country, "stance": g.stance, "kind": kind,
                           "candidates": [[c.holder.party, c.holder.country, sorted(c.found_by)] for c in on]})
    return counts, sum(len(found) for found in by_article.values()), misses


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", help="write the uncovered gold records (JSON lines) here")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    ids, golds = corpus.gold(corpus.CORPUS)
    texts = corpus.load_texts(set(ids))
    if not texts:
        print("shared data not found", file=sys.stderr)
        return 1
    ids = [a for a in ids if a in texts]
    golds = [g for g in golds if g.article in texts]
    counts, total, misses = coverage(ids, texts, golds)
    result = {"gold": len(golds), "covered": counts["covered"], "wrong_holder": counts["wrong holder"],
              "no_candidate": counts["no candidate"], "coverage": round(counts["covered"] / max(len(golds), 1), 3),
              "candidates": total, "seconds": round(time.perf_counter() - started, 1)}
    if args.misses:
        Path(args.misses).write_text("".join(json.dumps(m) + "\n" for m in misses), encoding="utf-8")
    print(json.dumps(result, indent=1) if args.json else
          f"{result['covered']} / {result['gold']} gold positions covered ({result['coverage']}); "
          f"{result['wrong_holder']} with candidates of other parties only, {result['no_candidate']} with none; "
          f"{total} candidates; {result['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
