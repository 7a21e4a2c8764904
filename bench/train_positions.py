"""Train the learned position classifier, cross-validated, and write the shipped model (`make train`).

    python bench/train_positions.py [--extra FILE ... [--extra-db STORE]] [--out DIR] [--json] [--no-write]

1. Reads the annotated corpus (bench/gold/positions/corpus: each article's first listed annotator) and any
   `--extra` files in the same guideline format (e.g. an analyst's corrections written as records), and
   the article texts from ../shared/data.
2. Parses every article once (spaCy, actors, quotes, the rule positions) and builds the (sentence, holder)
   candidates and their features (redline/positions/learned.py). A candidate's label is the stance of a
   gold record whose evidence overlaps its sentence and whose actor is the candidate's party (guideline
   matching: country code or a shared name word); "none" otherwise.
3. 5-fold cross-validation grouped by article (no article in both training and test; each corpus dealt
   over all folds): train on four folds, predict the fifth. The out-of-fold predictions fit the temperature
   (calibration) and choose the threshold (best F1); P/R/F1 per fold (mean and spread), by corpus and by
   stance, for the model and for the rules alone on the same articles.
4. The second annotator's five articles: a model trained on every other article, scored against the second
   annotator's records.
5. The final model, trained on every article, is written to redline/data/models/positions/ with its meta:
   the config and its hash, the hashes of every data file it read, the scores above.
Seeded and deterministic (full-batch training from zero weights); a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

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


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_texts(db: str | None, wanted: set[str]) -> dict[str, str]:
    """The texts of the wanted articles from a redline store (an analyst's reviewed store), by article id."""
    if not db or not wanted:
        return {}
    from redline.store import Store  # only when training from a store's reviews

    with Store(db, readonly=True) as store:
        found = {a: store.article(a) for a in sorted(wanted)}
    return {a: article.text for a, article in found.items() if article is not None}


def data_hashes(folder: Path, extra: list[Path]) -> dict[str, str]:
    """The hashes of every file the training reads, by a stable name."""
    files = {f"corpus/{p.name}": p for p in sorted(folder.glob("*")) if p.suffix in (".jsonl", ".tsv")}
    files.update({f"shared/{p.parent.name}/{p.name}": p for p in corpus.SOURCES.values() if p.exists()})
    files.update({f"extra/{p.name}": p for p in extra})
    files["config/positions_model.yaml"] = ROOT / "redline" / "data" / "positions_model.yaml"
    return {name: sha256(path) for name, path in files.items()}


def config_hash() -> str:
    """The hash of the training config as parsed (key order fixed)."""
    return hashlib.sha256(json.dumps(learned.config(), sort_keys=True).encode()).hexdigest()


class Parsed:
    """Every article's candidates, features, labels and rule positions."""

    def __init__(self, ids: list[str], texts: dict[str, dict], golds: list[corpus.Record]) -> None:
        nlp = load_pipeline()
        dictionary = ActorDictionary.load()
        by_article: dict[str, list[corpus.Record]] = {}
        for g in golds:
            by_article.setdefault(g.article, []).append(g)
        self.rows: list[tuple[str, learned.Candidate]] = []
        self.rules: list[corpus.Record] = []
        self.rule_rows: list[int] = []  # per rule record: the row of its (sentence, holder) candidate
        xs, ys = [], []
        for doc, article in nlp.pipe(((texts[a]["text"], a) for a in ids), as_tuples=True, batch_size=16):
            published = texts[article].get("date")
            actors = find_actors(doc, published=published, dictionary=dictionary)
            quotes = extract_quotes(doc, actors)
            resolver = HolderResolver(doc, actors, quotes, lexicon=stance_lexicon(), dictionary=dictionary,
                                      home=home_state(texts[article].get("source"), dictionary))
            rules = rule_positions(doc, quotes, resolver=resolver, published=published)
            self.rules += [corpus.Record(article, p.actor, p.actor_country, p.stance, p.issue, (), p.start, p.end)
                           for p in rules]
            cands = learned.candidates(doc, actors, quotes, rules, resolver=resolver)
            x = learned.features(cands, doc)
            first_row = {}
            for c, row in zip(cands, x):
                first_row[id(c)] = len(self.rows)
                for label in _labels(article, c, by_article.get(article, [])):
                    self.rows.append((article, c))
                    xs.append(row)
                    ys.append(label)
            for p in rules:  # the same lookup PositionModel.rescore makes
                self.rule_rows.append(first_row[id(cands[learned.rule_candidate(cands, p)])])
        self.x = np.asarray(xs, dtype=np.float32).reshape(-1, learned.feature_width())
        self.y = np.asarray(ys, dtype=np.int64)
        self.articles = np.asarray([a for a, _ in self.rows])

    def records(self, mask: np.ndarray, probs: np.ndarray, threshold: float) -> list[corpus.Record]:
        """Prediction records of the masked candidates, as the shipped model would give them (a candidate
        labelled twice for training is predicted once)."""
        out, seen = [], set()
        for i in np.flatnonzero(mask):
            article, c = self.rows[i]
            if id(c) in seen:
                continue
            seen.add(id(c))
            for k in learned.kept_stances(probs[i], threshold):
                out += [corpus.Record(article, p.actor, p.actor_country, p.stance, p.issue, (), p.start, p.end)
                        for p in learned.scored(c, learned.LABELS[k], float(probs[i][k]), None)]
        return out


def _labels(article: str, c: learned.Candidate, golds: list[corpus.Record]) -> list[int]:
    """The label indices of a candidate: each gold stance of its party on its sentence, else "none"."""
    me = corpus.Record(article, c.holder.party, c.holder.country, "demand", "", (), c.sentence.start_char,
                       c.sentence.end_char)
    found = sorted({learned.LABELS.index(g.stance) for g in golds
                    if g.start < me.end and me.start < g.end and corpus.same_actor(me, g)})
    return found or [0]


def train(parsed: Parsed, mask: np.ndarray) -> np.ndarray:
    """Weights trained on the masked rows with the config's settings."""
    cfg = learned.config()
    return learned.fit(parsed.x[mask], parsed.y[mask], l2=float(cfg["l2"]), iterations=int(cfg["iterations"]),
                       none_weight=float(cfg["none_weight"]), bias=learned.bias_index(),
                       dense=learned.bias_index() + 1)


def cross_validate(parsed: Parsed, ids: list[str], golds: list[corpus.Record], texts: dict) -> dict:
    """Out-of-fold logits, the fitted temperature and threshold, and the fold scores of model and rules."""
    cfg = learned.config()
    folds = corpus.folds(ids, int(cfg["folds"]))
    logits = np.zeros((len(parsed.y), len(learned.LABELS)), dtype=np.float64)
    for test in folds:
        mask = np.isin(parsed.articles, test)
        w = train(parsed, ~mask)
        logits[mask] = parsed.x[mask] @ w
    temperature = learned.fit_temperature(logits, parsed.y)
    probs = learned.softmax(logits / temperature)
    everything = np.ones(len(parsed.y), dtype=bool)
    sweep = {}
    for t in np.arange(0.10, 0.91, 0.05):
        sweep[round(float(t), 2)] = corpus.score(parsed.records(everything, probs, t), golds, texts)["f1"]
    threshold = max(sweep, key=lambda t: (sweep[t], -abs(t - 0.5)))
    preds = parsed.records(everything, probs, threshold)
    per_fold = _fold_scores(preds, folds, golds, texts)
    rule_fold = _fold_scores(parsed.rules, folds, golds, texts)
    rescored = _rescored(parsed, probs, folds, golds, texts)
    combined = _combined(parsed, probs, rescored, folds, golds, texts)
    return {
        "temperature": temperature, "threshold": threshold, "threshold_sweep_f1": sweep,
        "model": {"pooled": corpus.score(preds, golds, texts), "family": corpus.score(preds, golds, texts, family=True),
                  "folds": _spread(per_fold), "fold_scores": [_short(f) for f in per_fold],
                  "by_corpus": _by_corpus(preds, golds, texts, ids),
                  "calibration": calibration(probs, parsed.y)},
        "rules": {"pooled": _short(corpus.score(parsed.rules, golds, texts)), "folds": _spread(rule_fold)},
        "rescored": rescored, "combined": combined,
    }


def _rescored_kept(parsed: Parsed, probs: np.ndarray, rescored: dict, articles: set[str] | None = None
                   ) -> list[corpus.Record]:
    """The rule positions (of the given articles, else all) the rescoring keeps at its threshold."""
    pairs = [(r, row) for r, row in zip(parsed.rules, parsed.rule_rows) if articles is None or r.article in articles]
    if not pairs:
        return []
    confidence = learned.platt(1.0 - probs[np.asarray([row for _, row in pairs]), 0], rescored["a"], rescored["b"])
    return [r for (r, _), c in zip(pairs, confidence) if c >= rescored["threshold"]]


def _combined(parsed: Parsed, probs: np.ndarray, rescored: dict, folds: list[list[str]],
              golds: list[corpus.Record], texts: dict) -> dict:
    """`pipeline: combined`: the rescored rule positions plus the model's positions for candidates the rules
    did not find. The threshold of the model's own positions is the highest whose pooled out-of-fold F1 is
    within `combine_tolerance` of the best (precision is preferred at equal F1). `held_back` scores each
    fold at the threshold chosen on the other four folds alone (no labels of the test fold choose it)."""
    kept = _rescored_kept(parsed, probs, rescored)
    own = np.asarray(["rule" not in c.found_by for _, c in parsed.rows])
    grid = [round(float(t), 2) for t in np.arange(0.10, 0.61, 0.05)]
    preds = {t: kept + parsed.records(own, probs, t) for t in grid}
    tolerance = float(learned.config()["combine_tolerance"])
    per_fold = {t: _fold_scores(preds[t], folds, golds, texts) for t in grid}
    sweep = {t: corpus.score(preds[t], golds, texts)["f1"] for t in grid}
    threshold = max(t for t in grid if sweep[t] >= max(sweep.values()) - tolerance)
    held_back, chosen = [], []
    for i in range(len(folds)):
        others = {t: float(np.mean([per_fold[t][j]["f1"] for j in range(len(folds)) if j != i])) for t in grid}
        t_i = max(t for t in grid if others[t] >= max(others.values()) - tolerance)
        chosen.append(t_i)
        held_back.append(per_fold[t_i][i])
    final = preds[threshold]
    pooled = corpus.score(final, golds, texts)
    return {"threshold": threshold, "threshold_sweep_f1": sweep, "pooled": _short(pooled),
            "by_stance": pooled["by_stance"], "family": _short(corpus.score(final, golds, texts, family=True)),
            "folds": _spread(per_fold[threshold]), "fold_scores": [_short(f) for f in per_fold[threshold]],
            "held_back": {"thresholds": chosen, "folds": _spread(held_back)},
            "by_corpus": _by_corpus(final, golds, texts, list(parsed.articles)),
            "by_corpus_folds": _by_corpus_folds(final, folds, golds, texts)}


def _by_corpus_folds(preds: list[corpus.Record], folds: list[list[str]], golds: list[corpus.Record],
                     texts: dict) -> dict:
    """Per corpus: mean and spread over folds of P/R/F1."""
    out = {}
    for name in sorted({corpus.corpus_of(a) for f in folds for a in f}):
        mine = [[a for a in f if corpus.corpus_of(a) == name] for f in folds]
        out[name] = _spread(_fold_scores([p for p in preds if corpus.corpus_of(p.article) == name], mine, golds, texts))
    return out


def _rescored(parsed: Parsed, probs: np.ndarray, folds: list[list[str]], golds: list[corpus.Record],
              texts: dict) -> dict:
    """The rules' positions judged by the out-of-fold model (`pipeline: rescored`): Platt parameters fitted
    on held-back scores against whether each rule position is right (its candidate's gold stance), the
    threshold of best F1, and the fold scores and calibration at it."""
    rows = np.asarray(parsed.rule_rows, dtype=np.int64)
    if not len(rows):
        return {"a": 1.0, "b": 0.0, "threshold": float(learned.config()["threshold"])}
    scores = 1.0 - probs[rows, 0]
    stance_of = np.asarray([learned.LABELS.index(r.stance) for r in parsed.rules])
    right = (parsed.y[rows] == stance_of).astype(np.float64)
    a, b = learned.fit_platt(scores, right)
    confidence = learned.platt(scores, a, b)
    sweep = {}
    for t in np.arange(0.0, 0.71, 0.05):
        kept = [r for r, c in zip(parsed.rules, confidence) if c >= t]
        sweep[round(float(t), 2)] = corpus.score(kept, golds, texts)["f1"]
    threshold = max(sweep, key=lambda t: (sweep[t], t))
    kept = [r for r, c in zip(parsed.rules, confidence) if c >= threshold]
    per_fold = _fold_scores(kept, folds, golds, texts)
    return {"a": a, "b": b, "threshold": threshold, "threshold_sweep_f1": sweep,
            "pooled": _short(corpus.score(kept, golds, texts)), "folds": _spread(per_fold),
            "fold_scores": [_short(f) for f in per_fold],
            "by_corpus": _by_corpus(kept, golds, texts, list(parsed.articles)),
            "calibration": _binary_calibration(confidence, right)}


def _fold_scores(preds: list[corpus.Record], folds: list[list[str]], golds: list[corpus.Record],
                 texts: dict) -> list[dict]:
    """The score of the predictions on each fold's test articles."""
    scores = []
    for test in folds:
        chosen = set(test)
        scores.append(corpus.score([p for p in preds if p.article in chosen], [g for g in golds if g.article in chosen],
                                   texts))
    return scores


def _by_corpus(preds: list[corpus.Record], golds: list[corpus.Record], texts: dict, articles: list[str]) -> dict:
    """P/R/F1 per corpus of the given articles."""
    return {n: _short(corpus.score([p for p in preds if corpus.corpus_of(p.article) == n],
                                   [g for g in golds if corpus.corpus_of(g.article) == n], texts))
            for n in sorted({corpus.corpus_of(a) for a in articles})}


def _binary_calibration(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> dict:
    """Expected calibration error of confidences against 0/1 outcomes, and the bins."""
    table, ece = [], 0.0
    for lo in np.arange(0, 1, 1 / bins):
        m = (confidence >= lo) & (confidence < lo + 1 / bins)
        if m.any():
            table.append({"from": round(float(lo), 1), "n": int(m.sum()),
                          "confidence": round(float(confidence[m].mean()), 3), "accuracy": round(float(right[m].mean()), 3)})
            ece += m.mean() * abs(confidence[m].mean() - right[m].mean())
    return {"ece": round(float(ece), 3), "bins": table}


def calibration(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> dict:
    """Expected calibration error of the out-of-fold top-class probabilities, and the bins."""
    return _binary_calibration(probs.max(axis=1), (probs.argmax(axis=1) == y).astype(np.float64), bins)


def second_annotator(parsed: Parsed, texts: dict, threshold: float, temperature: float, cv: dict) -> dict:
    """A model trained without the second annotator's articles, scored against that annotator."""
    if not corpus.SECOND_ANNOTATOR.exists():
        return {}
    theirs = corpus.load_records(corpus.SECOND_ANNOTATOR)
    chosen = sorted({r.article for r in theirs})
    mask = np.isin(parsed.articles, chosen)
    if not mask.any():
        return {"note": "the second annotator's articles are not in the corpus"}
    w = train(parsed, ~mask)
    probs = learned.softmax(parsed.x @ w / temperature)
    preds = parsed.records(mask, probs, threshold)
    texts.update(corpus.load_texts(set(chosen)))
    own = mask & np.asarray(["rule" not in c.found_by for _, c in parsed.rows])
    combined = (_rescored_kept(parsed, probs, cv["rescored"], set(chosen))
                + parsed.records(own, probs, cv["combined"]["threshold"]))
    return {"articles": chosen, "model": _short(corpus.score(preds, theirs, texts)),
            "combined": _short(corpus.score(combined, theirs, texts)),
            "combined_family": _short(corpus.score(combined, theirs, texts, family=True)),
            "model_family": _short(corpus.score(preds, theirs, texts, family=True)),
            "rules": _short(corpus.score([r for r in parsed.rules if r.article in chosen], theirs, texts))}


def _short(result: dict) -> dict:
    """P/R/F1 and counts only."""
    return {k: result[k] for k in ("precision", "recall", "f1", "matched", "predicted", "gold")}


def _spread(results: list[dict]) -> dict:
    """Mean and standard deviation of P, R and F1 over folds."""
    out = {}
    for m in ("precision", "recall", "f1"):
        values = [r[m] for r in results]
        mean = sum(values) / len(values)
        out[m] = {"mean": round(mean, 3), "sd": round((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5, 3),
                  "min": min(values), "max": max(values)}
    return out


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(corpus.CORPUS), help="the annotated corpus folder")
    parser.add_argument("--extra", action="append", default=[], help="more annotations in the guideline format")
    parser.add_argument("--extra-db", help="a redline store holding the articles the --extra files name "
                        "(e.g. the store `redline review export --format annotations` was run on)")
    parser.add_argument("--out", default=str(learned.MODEL_DIR), help="where the model is written")
    parser.add_argument("--json", action="store_true", help="print the meta as JSON")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only; write no model")
    args = parser.parse_args()
    started = time.perf_counter()
    np.random.seed(int(learned.config()["seed"]))
    folder = Path(args.corpus)
    ids, golds = corpus.gold(folder)
    extra = [Path(p) for p in args.extra]
    for path in extra:
        more = corpus.load_records(path)
        golds += more
        ids += sorted({r.article for r in more} - set(ids))
    texts = corpus.load_texts(set(ids))
    if not texts:
        print("shared data not found; cannot train", file=sys.stderr)
        return 1
    texts.update(store_texts(args.extra_db, set(ids) - set(texts)))
    missing = sorted(set(ids) - set(texts))
    if missing:
        print(f"{len(missing)} annotated article(s) not found in the corpus or --extra-db; their records are "
              f"skipped: {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}", file=sys.stderr)
    ids = [a for a in ids if a in texts]
    parsed = Parsed(ids, texts, golds)
    cv = cross_validate(parsed, ids, golds, texts)
    sa = second_annotator(parsed, texts, cv["threshold"], cv["temperature"], cv)
    weights = train(parsed, np.ones(len(parsed.y), dtype=bool))
    meta = {"model": "redline positions softmax regression", "labels": list(learned.LABELS),
            "feature_width": learned.feature_width(), "config": learned.config(), "config_hash": config_hash(),
            "data_hashes": data_hashes(folder, extra), "articles": len(ids), "gold_records": len(golds),
            "candidates": int(len(parsed.y)), "positive_candidates": int((parsed.y != 0).sum()),
            "temperature": cv["temperature"], "threshold": cv["threshold"], "cross_validation": cv,
            "rescore": {k: cv["rescored"][k] for k in ("a", "b", "threshold")},
            "combine": {"threshold": cv["combined"]["threshold"]},
            "second_annotator": sa, "train_seconds": round(time.perf_counter() - started, 1)}
    if not args.no_write:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        np.save(out / "weights.npy", weights)
        (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(meta, indent=1))
    else:
        m, r = cv["model"], cv["rules"]
        print(f"{len(ids)} articles, {len(golds)} gold, {meta['candidates']} candidates ({meta['positive_candidates']} positive)")
        for name, s in (("learned", m["folds"]), ("rescored", cv["rescored"]["folds"]), ("rules", r["folds"]),
                        ("combined", cv["combined"]["folds"]), ("combined held-back", cv["combined"]["held_back"]["folds"])):
            print(f"  {name} 5-fold: " + ", ".join(f"{k} {v['mean']:.3f} ± {v['sd']:.3f}" for k, v in s.items()))
        print(f"  model pooled P {m['pooled']['precision']} R {m['pooled']['recall']} F1 {m['pooled']['f1']}; "
              f"threshold {cv['threshold']}, temperature {cv['temperature']}, ECE {m['calibration']['ece']}")
        if sa.get("model"):
            print(f"  vs second annotator: model {sa['model']}, combined {sa['combined']}, rules {sa['rules']}")
        print(f"  {meta['train_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
