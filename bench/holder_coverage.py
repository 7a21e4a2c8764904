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
from redline.actors import ActorDictionary, find_actors  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402
from redline.positions import learned  # noqa: E402
from redline.positions.context import home_state  # noqa: E402
from redline.positions.extract import rule_positions  # noqa: E402
from redline.positions.holder import HolderResolver  # noqa: E402
from redline.positions.lexicon import stance_lexicon  # noqa: E402
from redline.quotes import extract_quotes  # noqa: E402


def coverage(ids: list[str], texts: dict[str, dict], golds: list[corpus.Record]) -> tuple[Counter, int, list[dict]]:
    """The coverage counts, the number of candidates, and the uncovered records with their candidates."""
    nlp, dictionary = load_pipeline(), ActorDictionary.load()
    by_article: dict[str, list[corpus.Record]] = {}
    for g in golds:
        by_article.setdefault(g.article, []).append(g)
    counts: Counter = Counter()
    total, misses = 0, []
    for doc, article in nlp.pipe(((texts[a]["text"], a) for a in ids), as_tuples=True, batch_size=16):
        published = texts[article].get("date")
        actors = find_actors(doc, published=published, dictionary=dictionary)
        quotes = extract_quotes(doc, actors)
        resolver = HolderResolver(doc, actors, quotes, lexicon=stance_lexicon(), dictionary=dictionary,
                                  home=home_state(texts[article].get("source"), dictionary))
        rules = rule_positions(doc, quotes, resolver=resolver, published=published)
        cands = learned.candidates(doc, actors, quotes, rules, resolver=resolver)
        total += len(cands)
        for g in by_article.get(article, []):
            on = [c for c in cands if c.sentence.start_char < g.end and g.start < c.sentence.end_char]
            right = [c for c in on if corpus.same_actor(
                corpus.Record(article, c.holder.party, c.holder.country, g.stance, "", (), 0, 0), g)]
            kind = "covered" if right else "wrong holder" if on else "no candidate"
            counts[kind] += 1
            if kind != "covered":
                misses.append({"article": article, "start": g.start, "end": g.end, "actor": g.actor,
                               "country": g.country, "stance": g.stance, "kind": kind,
                               "candidates": [[c.holder.party, c.holder.country, sorted(c.found_by)] for c in on]})
    return counts, total, misses


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
