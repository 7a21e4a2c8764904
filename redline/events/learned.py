"""The learned event-type classifier: the rules find an event's trigger and roles, a softmax model over
features of the already-parsed sentence gives its PLOVER type.

Features (one row per coded event, all read from the Doc the pipeline parsed, nothing re-parsed):
- dense: spaCy's tok2vec vectors (`doc.tensor`) of the trigger word, its clause head and the sentence mean;
- hashed: the rules' type, mode and status, the trigger's and clause head's lemmas (alone and with the
  rules' type), the clause head's dependents (relation + lemma), the content word, and the sentence's
  content lemmas.

The model is trained on plv.csv's 15-root labels (YIELD = PLOVER v2's CONCEDE and RETREAT); a YIELD
prediction is split back into CONCEDE or RETREAT by the rule in `redline/data/events/model.yaml`. Weights
and meta (config, data hash, cross-validated scores) ship in `redline/data/models/events/`; nothing is
downloaded. Without the shipped model the rules' types stand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from redline.adam import adam
from redline.datafiles import load_data_yaml
from redline.doctable import token_table
from redline.features import hashed_columns

from .fallback import UNTYPED
from .trigger import Trigger

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "events"
TENSOR_WIDTH = 96  # the English small pipeline's tok2vec width (doc.tensor)
DENSE = 3 * TENSOR_WIDTH + 1  # trigger, clause head and sentence vectors, then the bias
_CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "prep", "agent", "xcomp", "ccomp", "dative", "neg", "aux",
                       "auxpass", "advmod", "attr", "acomp", "conj", "advcl"})


@lru_cache(maxsize=1)
def config() -> dict:
    """The classifier's configuration (`redline/data/events/model.yaml`)."""
    return load_data_yaml("events", "model.yaml")


@dataclass(frozen=True, slots=True)
class Coded:
    """What the rules said about one event, the input of the features: its trigger and readings."""

    trigger: Trigger
    rule_type: str
    status: str
    negated: bool
    sentence: tuple[int, int] | None = None  # the sentence's token bounds, when the caller knows them


def feature_width() -> int:
    """Columns per row: the dense features (bias last among them), then the hashed ones."""
    return DENSE + (1 << int(config()["hash_bits"]))


@dataclass(slots=True)
class Rows:
    """The feature rows of some coded events, kept sparse: the dense columns (vectors and bias) as a
    matrix, the hashed ones as the set column indices of each row (every hashed feature is 0 or 1)."""

    dense: np.ndarray
    hashed: list[list[int]]

    def matrix(self) -> np.ndarray:
        """The full feature matrix (dense columns, then the hashed ones), as training reads it."""
        rows = np.zeros((len(self.hashed), feature_width()), dtype=np.float32)
        rows[:, :DENSE] = self.dense
        for r, columns in enumerate(self.hashed):
            rows[r, columns] = 1.0
        return rows

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """The rows times the weights, without building the (mostly zero) full matrix."""
        out = self.dense @ weights[:DENSE]
        for r, columns in enumerate(self.hashed):
            out[r] += weights[columns].sum(axis=0)
        return out


def features(doc, coded: list[Coded]) -> np.ndarray:
    """One feature row per coded event of a parsed Doc."""
    return rows_of(doc, coded).matrix()


def rows_of(doc, coded: list[Coded]) -> Rows:
    """The sparse feature rows of the coded events of a parsed Doc."""
    dense = np.zeros((len(coded), DENSE), dtype=np.float32)
    hashed: list[list[int]] = []
    tensor = doc.tensor if _has_tensor(doc) else None
    bits = int(config()["hash_bits"])
    sentence_vectors: dict[int, np.ndarray] = {}
    sentence_names: dict[int, list[str]] = {}
    for r, c in enumerate(coded):
        word, anchor = doc[c.trigger.word], doc[c.trigger.anchor]
        sent = doc[c.sentence[0]:c.sentence[1]] if c.sentence is not None else word.sent
        if sent.start not in sentence_names:
            words = token_table(doc)
            sentence_names[sent.start] = [f"x={words.lemma[i]}" for i in range(sent.start, sent.end)
                                          if words.pos[i] in _CONTENT_POS]
            if tensor is not None:
                sentence_vectors[sent.start] = _unit(tensor[sent.start:sent.end].mean(axis=0))
        if tensor is not None:
            dense[r, :TENSOR_WIDTH] = _unit(tensor[word.i])
            dense[r, TENSOR_WIDTH:2 * TENSOR_WIDTH] = _unit(tensor[anchor.i])
            dense[r, 2 * TENSOR_WIDTH:3 * TENSOR_WIDTH] = sentence_vectors[sent.start]
        dense[r, DENSE - 1] = 1.0
        names = _names(doc, c, word, anchor) + sentence_names[sent.start]
        hashed.append(hashed_columns(names, bits, DENSE))
    return Rows(dense, hashed)


def _names(doc, c: Coded, word, anchor) -> list[str]:
    """The hashed feature names of one coded event, but for its sentence's content lemmas (`x=`)."""
    rule = c.rule_type
    lemma, head = word.lemma_.lower(), anchor.lemma_.lower()
    names = [f"r={rule}", f"m={c.trigger.mode}", f"s={c.status}", f"n={c.negated}", f"w={lemma}",
             f"a={head}", f"rw={rule}|{lemma}", f"ra={rule}|{head}", f"noun={c.trigger.noun}",
             f"fut={c.trigger.future}", f"plan={c.trigger.planned}", f"cond={c.trigger.conditional_threat}"]
    if c.trigger.content is not None:
        content = doc[c.trigger.content].lemma_.lower()
        names += [f"c={content}", f"rc={rule}|{content}"]
    for child in anchor.children:
        if child.dep_ in _ARG_DEPS:
            names.append(f"d={child.dep_}|{child.lemma_.lower()}")
            if child.dep_ == "prep":
                names += [f"po={child.lower_}|{o.lemma_.lower()}" for o in child.children if o.dep_ == "pobj"]
    if word.i != anchor.i:
        names += [f"wd={child.dep_}|{child.lemma_.lower()}" for child in word.children if child.dep_ in _ARG_DEPS]
    return names


def _has_tensor(doc) -> bool:
    """True when the Doc carries tok2vec vectors of the expected width."""
    tensor = getattr(doc, "tensor", None)
    return tensor is not None and tensor.shape == (len(doc), TENSOR_WIDTH)


def _unit(v: np.ndarray) -> np.ndarray:
    """A vector scaled to length one (zero stays zero)."""
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, classes: int, *, l2: float, epochs: int, rate: float) -> np.ndarray:
    """Softmax regression weights (features x classes) by full-batch Adam; deterministic."""
    onehot = np.eye(classes, dtype=np.float32)[y]
    penalty = np.full((x.shape[1], 1), l2, dtype=np.float32)
    penalty[DENSE - 1] = 0.0  # the bias is not penalised

    def gradient(w: np.ndarray) -> np.ndarray:
        """The mean cross-entropy's gradient plus the L2 penalty's."""
        return x.T @ (softmax(x @ w) - onehot) / len(y) + penalty * w

    return adam(gradient, np.zeros((x.shape[1], classes), dtype=np.float32), epochs=epochs, rate=rate)


class TypeModel:
    """The shipped classifier: weights and meta, and the type it gives a coded event."""

    def __init__(self, weights: np.ndarray, meta: dict) -> None:
        self.weights = weights
        self.meta = meta
        self.labels: list[str] = list(meta["config"]["labels"])

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> TypeModel:
        """The model saved in a folder (weights.npy and meta.json)."""
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return cls(np.load(folder / "weights.npy"), meta)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per feature row."""
        return softmax(x @ self.weights)

    def types(self, doc, coded: list[Coded]) -> list[str | None]:
        """The PLOVER v2 type of each coded event: the model's, or the rules' where they are kept; None for
        a fall-back event the model is unsure of."""
        if not coded:
            return []
        probs = softmax(rows_of(doc, coded).scores(self.weights))
        kept = frozenset(self.meta.get("kept_rule_types", ()))
        return [decide(self.labels, row, c, doc, kept) for row, c in zip(probs, coded)]


def decide(labels: list[str], row: np.ndarray, c: Coded, doc, kept: frozenset[str] = frozenset()) -> str | None:
    """One event's type from the model's probabilities and the rules' type: the rules' type stands for
    the config's `kept_rule_types`, for `kept` (the rule types cross-validation found the rules better
    on), for an event noun with no verb of its own (`keep_noun_events`) and when the model is unsure.
    A fall-back event (UNTYPED) takes the model's type when it reaches `fallback_threshold`, else None."""
    cfg = config()
    best = int(np.argmax(row))
    if c.rule_type == UNTYPED:
        return split_yield(labels[best], c, doc) if float(row[best]) >= float(cfg["fallback_threshold"]) else None
    if c.rule_type in cfg["kept_rule_types"] or c.rule_type in kept or (c.trigger.noun and cfg["keep_noun_events"]):
        return c.rule_type
    if float(row[best]) < float(cfg["threshold"]):
        return c.rule_type
    return split_yield(labels[best], c, doc)


def split_yield(label: str, c: Coded, doc) -> str:
    """A v2 type from a 15-root label: YIELD is CONCEDE or RETREAT (see model.yaml)."""
    if label != "YIELD":
        return label
    if c.rule_type in ("CONCEDE", "RETREAT"):
        return c.rule_type
    retreat = set(config()["retreat_lemmas"])
    anchor = doc[c.trigger.anchor]
    words = {doc[c.trigger.word].lemma_.lower(), anchor.lemma_.lower()} | {t.lemma_.lower() for t in anchor.children}
    return "RETREAT" if words & retreat else "CONCEDE"


def to_label(v2_type: str) -> str:
    """The 15-root training label of a v2 type (CONCEDE and RETREAT are YIELD)."""
    return "YIELD" if v2_type in ("CONCEDE", "RETREAT") else v2_type


@lru_cache(maxsize=1)
def shipped_model() -> TypeModel | None:
    """The model shipped with the package, or None when it is absent (the rules' types then stand)."""
    if not (MODEL_DIR / "weights.npy").exists():
        return None
    return TypeModel.load()
