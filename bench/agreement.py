"""Agreement between annotators of the positions corpus, under the guideline's matching.

    python bench/agreement.py [--json]

- Pairwise: on every article finished by two annotators, annotator A taken as gold and B as prediction,
  and the other way round (P of one way is R of the other); pooled over all such articles.
- Against `../shared/data/positions-second-annotator/` on its five articles: each of our annotators who
  finished one of them, as prediction, the second annotator as gold.
Exact stances and stance families (ask / refuse / give) are both reported. See bench/positions_corpus.py
for the matching.
"""

from __future__ import annotations

import argparse
import json
import sys

from positions_corpus import (SECOND_ANNOTATOR, annotations, articles_table, load_records, load_texts,
                              score)


def pairwise(table: dict[str, list[str]], by_annotator: dict, texts: dict) -> dict:
    """First-listed vs second-listed annotator on the doubly annotated articles, both ways."""
    double = [a for a, who in table.items() if len(who) >= 2]
    first = [r for a in double for r in by_annotator[table[a][0]] if r.article == a]
    second = [r for a in double for r in by_annotator[table[a][1]] if r.article == a]
    out = {"articles": len(double), "records": [len(first), len(second)]}
    for family in (False, True):
        key = "family" if family else "exact"
        out[key] = {"second_vs_first": _short(score(second, first, texts, family=family)),
                    "first_vs_second": _short(score(first, second, texts, family=family))}
    return out


def versus_second_annotator(table: dict[str, list[str]], by_annotator: dict, texts: dict) -> dict:
    """Our annotators' records on the second annotator's articles, scored against the second annotator."""
    theirs = load_records(SECOND_ANNOTATOR)
    articles = sorted({r.article for r in theirs} & set(table))
    ours = [r for a in articles for r in by_annotator[table[a][0]] if r.article == a]
    gold_ = [r for r in theirs if r.article in articles]
    return {"articles": len(articles), "records": [len(ours), len(gold_)],
            "exact": {"ours_vs_second": _short(score(ours, gold_, texts)),
                      "second_vs_ours": _short(score(gold_, ours, texts))},
            "family": {"ours_vs_second": _short(score(ours, gold_, texts, family=True))}}


def _short(result: dict) -> dict:
    """P/R/F1 and counts only."""
    return {k: result[k] for k in ("precision", "recall", "f1", "matched", "predicted", "gold")}


def run() -> dict:
    """Both measurements."""
    table = articles_table()
    by_annotator = annotations()
    texts = load_texts(set(table))
    if not texts:
        return {}
    result = {"pairwise": pairwise(table, by_annotator, texts)}
    if SECOND_ANNOTATOR.exists():
        result["second_annotator"] = versus_second_annotator(table, by_annotator, texts)
    return result


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    result = run()
    if not result:
        print("shared data not found; nothing to measure", file=sys.stderr)
        return 0
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    p = result["pairwise"]
    print(f"pairwise agreement on {p['articles']} doubly annotated articles ({p['records'][0]} / {p['records'][1]} records)")
    for key in ("exact", "family"):
        for way, s in p[key].items():
            print(f"  {key:6} {way:16} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if "second_annotator" in result:
        s2 = result["second_annotator"]
        print(f"against the second annotator on {s2['articles']} articles ({s2['records'][0]} ours / {s2['records'][1]} theirs)")
        for key in ("exact", "family"):
            for way, s in s2[key].items():
                print(f"  {key:6} {way:16} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
