"""Train the reported-speech detector on PolNeAR train and ship it (seeded, deterministic; minutes on 2 cores).

    python bench/train_quotes.py [--data DIR] [--out DIR] [--no-cv]

Every candidate the parse offers (the rules' and the broad ones, see redline/quotes/detector.py) is
labelled by whether its content overlap-matches a gold content of its article (at least half the word
tokens of the longer one shared, as in bench/quotes.py). A logistic regression over the hashed features
is fitted by full-batch Adam from zero weights (no randomness). The gate (a logistic regression over the
cue verb's own features, which decides which verbs become broad candidates at all) is fitted the same way
on the broad candidates' tokens, and its threshold set to keep `gate_recall` of the gold ones. The
boundary model (which end a content takes: where the parse's clause ends, or the end of its sentence)
is fitted the same way on the candidates for which exactly one of the two ends matches a gold content.
The script then cross-validates the whole pipeline on train (folds by article, seeded; bench/quotes.py's
metrics), fits on all of train, scores the shipped model on dev (never developed on) and writes
`weights.npy`, `gate.npy`, `boundary.npy` and `meta.json` (config, the gate threshold, SHA-256 of the
config, weights and training data, the scores) to redline/data/models/quotes/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

import quotes as bench  # noqa: E402

from redline.quotes.detector import (  # noqa: E402
    Detector, boundary_rows, config, feature_rows, gate_columns, load_detector, sigmoid,
)
from redline.quotes.boundary import Sentences, sentence_reading  # noqa: E402
from redline.quotes.lexicon import cue_lexicon  # noqa: E402
from redline.quotes.marks import RegionIndex, pair_marks  # noqa: E402
from redline.quotes.reported import reported_candidates  # noqa: E402

OUT = ROOT / "redline" / "data" / "models" / "quotes"


@dataclass(frozen=True, slots=True)
class Labelled:
    """One article's candidates as training rows: hashed feature rows and labels (1: matches a gold
    content), and for its broad candidates the gate's columns and labels."""

    rows: list[list[int]]
    labels: list[int]
    gate_rows: list[list[int]]
    gate_labels: list[int]
    boundary_rows: list[list[int]]
    boundary_labels: list[int]


_LABELLED: dict[tuple[str, int, int, int], Labelled] = {}  # per article name and bits: the folds reuse the rows


def labelled(text: bench.Text, doc, bits: int, gate_bits: int, boundary_bits: int) -> Labelled:
    """An article's training rows (computed once per run: every fold and the final fit reuse them)."""
    key = (text.name, bits, gate_bits, boundary_bits)
    if key not in _LABELLED:
        rows, labels, found = labelled_rows(text, doc, bits)
        gate = gate_columns(doc, gate_bits)
        broad: dict[int, int] = {}  # per broad cue token: 1 when any of its readings is gold
        for c, y in zip(found, labels):
            if not c.rule:
                broad[c.cue.token] = max(broad.get(c.cue.token, 0), y)
        whole, sentences = doc.text, Sentences.of(doc)
        for c in found:
            sentence_reading(doc, whole, c, sentences)
        longer = [(c, y) for c, y in zip(found, labels) if c.longer_end > c.end]
        longer_labels = [matches(text, doc, (c.start, c.longer_end)) for c, _ in longer]
        informative = [(c, z) for (c, y), z in zip(longer, longer_labels) if y != z]  # one of the two ends is right
        _LABELLED[key] = Labelled(rows, labels, [gate[i].tolist() + [1 << gate_bits] for i in broad],
                                  list(broad.values()), boundary_rows(doc, [c for c, _ in informative], boundary_bits),
                                  [z for _, z in informative])
    return _LABELLED[key]


def labelled_rows(text: bench.Text, doc, bits: int) -> tuple[list[list[int]], list[int], list]:
    """The hashed feature rows of one article's candidates, their labels (1: matches a gold content)
    and the candidates."""
    lexicon = cue_lexicon()
    found = list(reported_candidates(doc, doc.text, lexicon, RegionIndex(pair_marks(doc.text)), broad=True))
    labels = [matches(text, doc, (c.start, c.end)) for c in found]
    return feature_rows(doc, found, bits, lexicon), labels, found


def matches(text: bench.Text, doc, span: tuple[int, int]) -> int:
    """1 when the content span overlap-matches a gold content of the article (bench/quotes.py's rule)."""
    if text.name not in _GOLD:
        _GOLD.clear()
        _GOLD[text.name] = [bench.word_tokens(doc, g.content) for g in text.gold]
    tokens = bench.word_tokens(doc, [span])
    return int(any(tokens and 2 * len(tokens & g) >= max(len(tokens), len(g)) for g in _GOLD[text.name] if g))


_GOLD: dict[str, list[frozenset[int]]] = {}  # the gold contents' tokens of the article being labelled


def design(rows: list[list[int]], bits: int) -> sparse.csr_matrix:
    """The binary design matrix of hashed feature rows."""
    indptr = np.cumsum([0] + [len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    return sparse.csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr), shape=(len(rows), (1 << bits) + 1))


def fit(x: sparse.csr_matrix, y: np.ndarray, *, l2: float, epochs: int, rate: float) -> np.ndarray:
    """Logistic regression by full-batch Adam from zero weights; L2 on all but the bias (last column)."""
    n, d = x.shape
    w = np.zeros(d)
    m = np.zeros(d)
    v = np.zeros(d)
    mask = np.ones(d)
    mask[-1] = 0.0
    xt = x.T.tocsr()
    for step in range(1, epochs + 1):
        grad = xt @ (sigmoid(x @ w) - y) / n + l2 * w * mask
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def fit_detector(texts: list[bench.Text], docs: list) -> Detector:
    """A detector trained on the articles (the config from redline/data/quotes_model.yaml)."""
    cfg = config()
    bits, gate_bits, boundary_bits = int(cfg["hash_bits"]), int(cfg["gate_bits"]), int(cfg["boundary_bits"])
    rows, labels, gate_rows, gate_labels, boundary_rows_, boundary_labels = [], [], [], [], [], []
    for text, doc in zip(texts, docs):
        found = labelled(text, doc, bits, gate_bits, boundary_bits)
        rows += found.rows
        labels += found.labels
        gate_rows += found.gate_rows
        gate_labels += found.gate_labels
        boundary_rows_ += found.boundary_rows
        boundary_labels += found.boundary_labels
    options = {"l2": float(cfg["l2"]), "epochs": int(cfg["epochs"]), "rate": float(cfg["rate"])}
    weights = fit(design(rows, bits), np.array(labels, dtype=np.float64), **options)
    gate_x, gate_y = design(gate_rows, gate_bits), np.array(gate_labels, dtype=np.float64)
    gate = fit(gate_x, gate_y, **options)
    boundary = fit(design(boundary_rows_, boundary_bits), np.array(boundary_labels, dtype=np.float64), **options)
    return load_detector({"config": cfg, "gate_threshold": gate_threshold(sigmoid(gate_x @ gate), gate_y, cfg)},
                         weights, gate, boundary)


def gate_threshold(probabilities: np.ndarray, labels: np.ndarray, cfg: dict) -> float:
    """The gate's threshold: the highest that keeps `gate_recall` of the gold broad candidates it was fitted on."""
    positives = np.sort(probabilities[labels > 0])
    if not len(positives):
        return 0.0
    return float(positives[int(np.floor((1.0 - float(cfg["gate_recall"])) * len(positives)))])


def data_hash(folder: Path, split: str) -> str:
    """SHA-256 over the split's texts and annotation files, in file-name order."""
    digest = hashlib.sha256()
    for sub in ("text", "attributions"):
        for path in sorted((folder / split / sub).iterdir()):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _rounded(scores: dict) -> dict:
    """Scores rounded to 4 places for the meta file."""
    if isinstance(scores, dict):
        return {k: _rounded(v) for k, v in scores.items()}
    return round(scores, 4) if isinstance(scores, float) else scores


def main() -> int:
    """Cross-validate, fit on all of train, score on dev, write the model and its meta."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="PolNeAR folder (default ../shared/data/polnear)")
    parser.add_argument("--out", default=str(OUT), help="where to write weights.npy and meta.json")
    parser.add_argument("--cache", default=str(bench.DEFAULT_CACHE), help="parsed-document cache ('' for none)")
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation (the meta then has none)")
    args = parser.parse_args()
    folder = data_dir("polnear", args.data)
    if folder is None:
        return 0
    cache = Path(args.cache) if args.cache else None
    started = time.time()
    cfg = config()
    texts = bench.load_split(folder, "train")
    docs = bench.parsed(texts, cache)
    print(f"parsed {len(texts)} train articles in {time.time() - started:.0f}s", file=sys.stderr)
    cv = None if args.no_cv else bench.cross_validate(texts, docs, int(cfg["folds"]), fit_detector, int(cfg["seed"]))
    detector = fit_detector(texts, docs)
    dev_texts = bench.load_split(folder, "dev")
    dev = bench.as_scores(bench.tally(dev_texts, bench.parsed(dev_texts, cache), bench.systems(detector)))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "weights.npy", detector.weights.astype(np.float32))
    np.save(out / "gate.npy", detector.gate.astype(np.float32))
    np.save(out / "boundary.npy", detector.boundary.astype(np.float32))
    meta = {
        "config": cfg,
        "config_hash": hashlib.sha256(json.dumps(cfg, sort_keys=True).encode()).hexdigest(),
        "train_data_sha256": data_hash(folder, "train"),
        "dev_data_sha256": data_hash(folder, "dev"),
        "weights_sha256": hashlib.sha256((out / "weights.npy").read_bytes()).hexdigest(),
        "gate_sha256": hashlib.sha256((out / "gate.npy").read_bytes()).hexdigest(),
        "boundary_sha256": hashlib.sha256((out / "boundary.npy").read_bytes()).hexdigest(),
        "gate_threshold": detector.gate_threshold,
        "articles": len(texts),
        "cross_validation": _rounded(cv) if cv is not None else None,
        "dev_never_developed_on": _rounded({name: dev[name]["all"] for name in dev}),
        "seconds": round(time.time() - started),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({"cv": meta["cross_validation"] and {k: v["all"] for k, v in cv.items() if isinstance(v, dict)},
                      "dev": meta["dev_never_developed_on"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
