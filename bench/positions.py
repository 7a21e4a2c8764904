"""Positions on the hand-annotated Guardian Syria gold set: precision and recall of (party, stance, issue),
ours in open mode against a keyword-cue baseline; optionally the stage's throughput.

    python bench/positions.py [--data DIR] [--gold DIR] [--json] [--throughput [--repeat R]]

DIR holds `articles.jsonl` (default ../shared/data/guardian-syria-2019); the gold (default
bench/gold/positions: `articles.txt`, `annotations.jsonl`, guideline in its README.md) lists 15 article
ids and their positions: party (a list of acceptable names), stance, issue key phrases, evidence offsets.

Each article is parsed, its actors found (published = the article's date), its quotes attributed, and
its positions extracted in open mode (no case profile); `normalise_issues` then merges the issue
phrases across the 15 articles, as a user's run over a corpus would.

Matching, per article, one-to-one: a predicted position matches a gold one when
- party: the predicted party, case-folded, equals one of the gold party names, each also resolved
  through the actor dictionary's written forms to its canonical name ("Britain" -> "United Kingdom");
- stance: equal;
- issue: one of the gold key phrases (lower case) is a substring of the predicted issue label or of the
  predicted evidence sentence (lower case; curly apostrophes folded to straight ones on both sides).
Among candidate pairs, those whose evidence spans overlap are matched first, then the nearest spans.
P = matched / predicted, R = matched / gold. `strict` requires the evidence spans to overlap as well.

Baseline (the same run, the same cue lexicon `redline/data/stance_cues.yaml`): every verb, adjective or
noun cue and every multi-word cue with a stance yields that stance (no negation, no conditions), held by
the first named entity of the sentence (spaCy's GPE, NORP, ORG or PERSON, resolved to a party through
the actor stage like ours), on the issue "the sentence" (its evidence is the sentence).

With `--throughput`, all articles in DIR are parsed with `nlp.pipe` alone, with actors + quotes, and with
actors + quotes + positions; sides alternate for `--repeat` rounds, each keeping its best time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from _common import ROOT, data_dir
import agreement
import positions_corpus as corpus

sys.path.insert(0, str(ROOT))

from redline.actors import ActorDictionary, find_actors  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402
from redline.dealspace import normalise_issues  # noqa: E402
from redline.positions import extract_positions  # noqa: E402
from redline.positions.holder import HolderResolver  # noqa: E402
from redline.positions.lexicon import stance_lexicon  # noqa: E402
from redline.positions.model import STANCES  # noqa: E402
from redline.positions.phrases import phrase_hits  # noqa: E402
from redline.quotes import extract_quotes  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "positions"
ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


@dataclass(frozen=True, slots=True)
class Item:
    """One gold or predicted position, reduced to what is scored."""

    article: str
    parties: frozenset[str]
    stance: str
    issue: tuple[str, ...]  # gold: key phrases; predicted: (label, evidence sentence)
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower case with curly apostrophes straightened."""
    return text.lower().replace("’", "'")


def _canonical(names: list[str], dictionary: ActorDictionary) -> frozenset[str]:
    """The names, case-folded, with the canonical names their written forms resolve to."""
    found = set()
    for name in names:
        found.add(name.casefold())
        for surface in dictionary.surfaces.get(name, ()):
            if surface.entry is not None:
                found.add(surface.entry.name.casefold())
    return frozenset(found)


def load_gold(folder: Path, dictionary: ActorDictionary) -> tuple[list[str], list[Item]]:
    """The annotated article ids and the gold positions."""
    ids = [line.strip() for line in (folder / "articles.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    items = []
    for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            items.append(Item(g["article"], _canonical(g["party"], dictionary), g["stance"],
                              tuple(_fold(k) for k in g["issue"]), g["start"], g["end"]))
    return ids, items


def _matches(pred: Item, gold: Item) -> bool:
    """Party, stance and issue key phrase agree (see the module docstring)."""
    if pred.stance != gold.stance or not pred.parties & gold.parties:
        return False
    label, sentence = pred.issue
    return any(k in label or k in sentence for k in gold.issue)


def _overlap(a: Item, b: Item) -> bool:
    """True when two evidence spans share a character."""
    return a.start < b.end and b.start < a.end


def score(preds: list[Item], golds: list[Item], *, strict: bool = False) -> dict:
    """Precision, recall and F1 under one-to-one matching, overall and per stance."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.article == g.article and _matches(p, g) and (not strict or _overlap(p, g)):
                pairs.append((not _overlap(p, g), abs(p.start - g.start), i, j))
    used_p, used_g = set(), set()
    for _, _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    result = _prf(len(used_p), len(preds), len(golds))
    result["by_stance"] = {
        s: _prf(sum(1 for i in used_p if preds[i].stance == s), sum(1 for p in preds if p.stance == s),
                sum(1 for g in golds if g.stance == s))
        for s in STANCES
    }
    return result


def _prf(hits: int, predicted: int, gold: int) -> dict:
    """Counts with precision, recall and F1."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return {"matched": hits, "predicted": predicted, "gold": gold, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _cue_stance(token, lex) -> str | None:
    """The lexicon's affirmed stance for a word, by its part of speech (None: no cue)."""
    lemma = token.lemma_.lower()
    table = {"VERB": lex.verbs, "AUX": lex.verbs, "ADJ": lex.adjectives, "NOUN": lex.nouns}.get(token.pos_, {})
    cue = table.get(lemma)
    return cue.stance if cue is not None else None


def baseline(article: str, doc, actors, quotes, dictionary: ActorDictionary) -> list[Item]:
    """The keyword-cue baseline: cue stance, first entity of the sentence as holder."""
    lex = stance_lexicon()
    resolver = HolderResolver(doc, actors, quotes, lexicon=lex, dictionary=dictionary)
    hits = phrase_hits(doc, lex)
    found = []
    for sent in doc.sents:
        stances = [phrase.stance for start, _, phrase in hits if sent.start <= start < sent.end]
        stances += [_cue_stance(token, lex) for token in sent]
        entity = next((e for e in sent.ents if e.label_ in ENTITY_LABELS), None)
        holder = resolver.of_token(entity.root) if entity is not None else None
        if holder is None:
            continue
        for stance in dict.fromkeys(s for s in stances if s):
            found.append(Item(article, frozenset({holder.party.casefold()}), stance, ("", _fold(sent.text)),
                              sent.start_char, sent.end_char))
    return found


def run(folder: Path, gold_folder: Path) -> dict:
    """Both systems on the gold articles, scored."""
    dictionary = ActorDictionary.load()
    ids, golds = load_gold(gold_folder, dictionary)
    records = {r["id"]: r for r in map(json.loads, (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()) if r["id"] in ids}
    missing = [i for i in ids if i not in records]
    nlp = load_pipeline()
    positions, owners, base = [], [], []
    started = time.perf_counter()
    for article in ids:
        if article in missing:
            continue
        record = records[article]
        doc = nlp(record["text"])
        actors = find_actors(doc, published=record.get("date"), dictionary=dictionary)
        quotes = extract_quotes(doc, actors)
        found = extract_positions(doc, actors, quotes, published=record.get("date"))
        positions.extend(found)
        owners.extend([article] * len(found))
        base.extend(baseline(article, doc, actors, quotes, dictionary))
    merged = normalise_issues(positions)
    preds = [Item(a, frozenset({p.actor.casefold()}), p.stance, (_fold(p.issue), _fold(p.text)), p.start, p.end)
             for a, p in zip(owners, merged)]
    return {
        "articles": len(ids) - len(missing), "missing": missing, "gold_positions": len(golds),
        "seconds": round(time.perf_counter() - started, 2),
        "ours": score(preds, golds), "ours_strict": score(preds, golds, strict=True),
        "baseline": score(base, golds), "baseline_strict": score(base, golds, strict=True),
        "issues": len({p.issue for p in merged}), "raw_issues": len({p.issue for p in positions}),
    }


def corpus_eval(k: int = 5) -> dict:
    """The extractor over the annotated corpus (bench/gold/positions/corpus), by fold, corpus and stance.

    Folds group articles by corpus (bench/positions_corpus.folds). The stage as shipped has a model in it
    that was trained on every article of the corpus, so this run is in-sample for the model (the rules
    learn nothing from the corpus): the generalisation numbers are the cross-validated ones, read from the
    shipped model's meta (`make train` computes them, out of fold) and reported beside it under
    `cross_validated`, with the annotators' agreement (bench/agreement.py) as the ceiling.
    """
    ids, golds = corpus.gold()
    texts = corpus.load_texts(set(ids))
    if not texts:
        return {}
    nlp = load_pipeline()
    dictionary = ActorDictionary.load()
    preds: list[corpus.Record] = []
    ids = [a for a in ids if a in texts]
    for doc, article in nlp.pipe(((texts[a]["text"], a) for a in ids), as_tuples=True, batch_size=16):
        published = texts[article].get("date")
        actors = find_actors(doc, published=published, dictionary=dictionary)
        quotes = extract_quotes(doc, actors)
        preds += [corpus.Record(article, p.actor, p.actor_country, p.stance, p.issue, (), p.start, p.end, p.official)
                  for p in extract_positions(doc, actors, quotes, published=published)]
    per_fold = []
    for test in corpus.folds(ids, k):
        chosen = set(test)
        per_fold.append(corpus.score([p for p in preds if p.article in chosen], [g for g in golds if g.article in chosen], texts))
    result = {"articles": len(ids), "gold": len(golds), "predicted": len(preds),
              "all": corpus.score(preds, golds, texts), "family": corpus.score(preds, golds, texts, family=True),
              "folds": {m: _spread([f[m] for f in per_fold]) for m in ("precision", "recall", "f1")},
              "by_corpus": {name: corpus.score([p for p in preds if corpus.corpus_of(p.article) == name],
                                               [g for g in golds if corpus.corpus_of(g.article) == name], texts)
                            for name in sorted({corpus.corpus_of(a) for a in ids})}}
    if corpus.SECOND_ANNOTATOR.exists():
        theirs = corpus.load_records(corpus.SECOND_ANNOTATOR)
        chosen = {r.article for r in theirs}
        texts.update(corpus.load_texts(chosen))
        result["second_annotator"] = corpus.score([p for p in preds if p.article in chosen], theirs, texts)
    result["cross_validated"] = _cross_validated()
    result["agreement"] = agreement.run()
    return result


def _cross_validated() -> dict:
    """The shipped model's out-of-fold scores (rules, rescored rules, learned, combined; combined also with each
    fold's threshold chosen on the other folds) and vs the second annotator."""
    from redline.positions.learned import PositionModel

    try:
        meta = PositionModel.load().meta
    except FileNotFoundError:
        return {}
    cv = meta["cross_validation"]
    return {"pipeline": meta["config"]["pipeline"], "rules": cv["rules"]["folds"], "rescored": cv["rescored"]["folds"],
            "learned": cv["model"]["folds"], "combined": cv.get("combined", {}).get("folds", {}),
            "combined_held_back": cv.get("combined", {}).get("held_back", {}).get("folds", {}),
            "second_annotator": meta.get("second_annotator", {})}


def _spread(values: list[float]) -> dict:
    """Mean, standard deviation, min and max of the fold scores."""
    mean = sum(values) / len(values)
    sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return {"mean": round(mean, 3), "sd": round(sd, 3), "min": min(values), "max": max(values)}


def throughput(folder: Path, repeat: int) -> dict:
    """Best seconds of spaCy alone, + actors + quotes, + positions; and the ratios."""
    records = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_pipeline()
    dictionary = ActorDictionary.load()

    def timed(level: int) -> float:
        started = time.perf_counter()
        for doc, record in nlp.pipe(((r["text"], r) for r in records), as_tuples=True, batch_size=32):
            if level >= 1:
                actors = find_actors(doc, published=record.get("date"), dictionary=dictionary)
                quotes = extract_quotes(doc, actors)
                if level >= 2:
                    extract_positions(doc, actors, quotes, published=record.get("date"))
        return time.perf_counter() - started

    timed(2)  # warm-up: model, lexicons, matchers, embeddings
    best = {level: float("inf") for level in (0, 1, 2)}
    for round_ in range(repeat):
        for level in ((0, 1, 2) if round_ % 2 == 0 else (2, 1, 0)):
            best[level] = min(best[level], timed(level))
    n = len(records)
    return {
        "articles": n, "spacy_per_s": round(n / best[0], 1), "actors_quotes_per_s": round(n / best[1], 1),
        "full_per_s": round(n / best[2], 1), "ratio_positions_stage": round(best[1] / best[2], 3),
        "ratio_full_vs_spacy": round(best[0] / best[2], 3),
        "positions_ms_per_article": round((best[2] - best[1]) / n * 1000, 2),
    }


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with articles.jsonl (default ../shared/data/guardian-syria-2019)")
    parser.add_argument("--gold", default=str(GOLD), help="gold folder (default bench/gold/positions)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--corpus", action="store_true", help="score on the annotated corpus (5 folds by article)")
    parser.add_argument("--throughput", action="store_true", help="also time the stage on every article in --data")
    parser.add_argument("--repeat", type=int, default=3, help="throughput rounds; each side keeps its best")
    args = parser.parse_args()
    folder = data_dir("guardian-syria-2019", args.data)
    if folder is None:
        return 0
    result = run(folder, Path(args.gold))
    if args.corpus:
        result["corpus"] = corpus_eval()
    if args.throughput:
        result["throughput"] = throughput(folder, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


def _print(r: dict) -> None:
    """A short human-readable report."""
    print(f"positions on {r['articles']} Guardian articles, {r['gold_positions']} gold positions ({r['seconds']} s)")
    for name in ("ours", "ours_strict", "baseline", "baseline_strict"):
        s = r[name]
        print(f"  {name:16} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  ({s['matched']}/{s['predicted']} predicted, {s['gold']} gold)")
    print("  ours by stance: " + ", ".join(
        f"{k} P {v['precision']:.2f} R {v['recall']:.2f} ({v['matched']}/{v['predicted']}/{v['gold']})" for k, v in r["ours"]["by_stance"].items()))
    print(f"  issues: {r['raw_issues']} raw phrases -> {r['issues']} after normalise_issues")
    if r.get("corpus"):
        c = r["corpus"]
        print(f"annotated corpus: {c['articles']} articles, {c['gold']} gold, {c['predicted']} predicted (guideline matching)")
        for name, s in [("all", c["all"]), ("families", c["family"])] + list(c["by_corpus"].items()) + (
                [("vs 2nd annotator", c["second_annotator"])] if "second_annotator" in c else []):
            print(f"  {name:18} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  ({s['matched']}/{s['predicted']}/{s['gold']})")
        print("  5 folds (in-sample for the model): " + ", ".join(f"{m} {v['mean']:.3f} ± {v['sd']:.3f}" for m, v in c["folds"].items()))
        for name, folds in c.get("cross_validated", {}).items():
            if isinstance(folds, dict) and "f1" in folds:
                print(f"  cross-validated {name:18}: " + ", ".join(f"{m} {v['mean']:.3f} ± {v['sd']:.3f}" for m, v in folds.items()))
        pair = c.get("agreement", {}).get("pairwise", {}).get("exact", {}).get("second_vs_first")
        if pair:
            print(f"  annotators' agreement (exact): P {pair['precision']:.3f}  R {pair['recall']:.3f}  F1 {pair['f1']:.3f}")
    if "throughput" in r:
        t = r["throughput"]
        print(f"throughput ({t['articles']} articles): spaCy {t['spacy_per_s']}/s, + actors + quotes {t['actors_quotes_per_s']}/s, "
              f"+ positions {t['full_per_s']}/s; positions stage keeps {t['ratio_positions_stage']:.1%} "
              f"({t['positions_ms_per_article']} ms/article); full vs spaCy {t['ratio_full_vs_spacy']:.1%}")


if __name__ == "__main__":
    raise SystemExit(main())
