"""The learned reported-speech detector: which candidate attributions from the parse are real ones.

The rules (`reported`, `nominal`) offer candidates: a cue with its content span and speaker. With the
detector on, verbs outside the cue lexicon that govern a clause, an infinitive or an object are offered
too ("broad" candidates: "reserved his passion for ...", "doubled down on ..."), and nouns with a source
of their own and a content phrase ("Trump's criticism of the deal"); a token may offer two readings, of
which the model keeps the more probable. A logistic regression over
hashed features read off the already-parsed doc (cue lemma and lexicon lists, dependency labels of cue,
content root and speaker, negation, modality, content length, quote marks) gives each candidate the
probability that it is a gold attribution; those at or above the threshold are kept. Nothing is parsed
again, so the detector costs little beside spaCy.

Most verbs are no attribution, so a cheap learned gate runs first: a second logistic regression over
features of the verb token alone (lemma, dependency, tag, head, neighbours, which content children it
has), computed for every token at once on arrays of the parse. Only verbs the gate passes are built into
broad candidates and scored by the full model; its threshold is set in training to keep a fixed share
(`gate_recall`) of the broad candidates that are gold attributions.

Where a kept content ends before its sentence does, a third logistic regression (the boundary model,
over the first word the longer reading would add, the cue and both lengths) decides whether it runs on
to the sentence's end ("said the attention helped Clinton, who does not need to ..."); it never runs
over another kept attribution's cue.

The model is trained by `make train` (bench/train_quotes.py) on PolNeAR train and ships in
`redline/data/models/quotes/` (weights.npy and meta.json: config, data hashes, cross-validated scores).
Without a shipped model the rules alone decide.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IS_QUOTE, LEMMA, LOWER, TAG
from spacy.tokens import Doc

from redline.datafiles import load_data_yaml
from redline.features import hashed_columns

from .boundary import Sentences, sentence_reading
from .candidate import Candidate
from .lexicon import CueLexicon, cue_lexicon

SHIPPED = "shipped"  # find_quotes' default: the shipped detector, or the rules when none ships
RULES_ONLY = "rules"  # the rules alone, no learned filter and no broad candidates
MODEL_PARTS = ("models", "quotes")
_LISTS = ("speech", "attitude", "intention", "object_content", "object_speaker")


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """The detector's configuration (`redline/data/quotes_model.yaml`)."""
    return dict(load_data_yaml("quotes_model.yaml"))


def _bucket(n: int) -> int:
    """A length on a log-2 scale (0, 1, 2-3, 4-7, ...)."""
    return int(math.log2(n)) + 1 if n > 0 else 0


def candidate_features(doc: Doc, c: Candidate, lexicon: CueLexicon, marks: np.ndarray | None = None) -> list[str]:
    """The named features of one candidate, all read from the parse (`marks`: per token, whether it is
    a quote mark, when the caller has it for the whole doc)."""
    cue = doc[c.cue.token] if c.cue is not None else None
    if cue is None:
        return ["nocue"]
    lemma, rule = c.cue.text, c.rule
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else cue
    head = cue.head
    rdep, cdep_name, cpos, ctag, hlemma = root.dep_, cue.dep_, cue.pos_, cue.tag_, head.lemma_.lower()
    cdep = rdep if root.head.i == cue.i else f"far:{rdep}"
    side = "after" if c.start >= c.cue.end else "before" if c.end <= c.cue.start else "around"
    clen = _bucket(len(span) if span is not None else 0)
    rlemma = root.lemma_.lower()
    names = [
        f"rule={rule}", f"lemma={lemma}", f"lemma={lemma}|rule={rule}", f"cdep={cdep}", f"lemma={lemma}|cdep={cdep}",
        f"cuepos={cpos}", f"cuedep={cdep_name}", f"cuetag={ctag}", f"cuedep={cdep_name}|cdep={cdep}",
        f"lemma={lemma}|cuedep={cdep_name}", f"side={side}", f"side={side}|cdep={cdep}",
        f"head={hlemma}|cuedep={cdep_name}", f"prev={doc[cue.i - 1].lower_ if cue.i else '^'}",
        f"clen={clen}", f"clen={clen}|cdep={cdep}", f"croot={rlemma}", f"crootpos={root.pos_}",
        f"lemma={lemma}|side={side}", f"lemma={lemma}|croot={rlemma}", f"lemma={lemma}|head={hlemma}",
        f"next={doc[cue.i + 1].lower_ if cue.i + 1 < len(doc) else '$'}",
    ]
    if c.variant:  # which reading of its token a broad candidate is, and with what
        names += [f"var={c.variant}", f"var={c.variant}|cuepos={cpos}", f"var={c.variant}|cdep={cdep}",
                  f"var={c.variant}|lemma={lemma}", f"var={c.variant}|clen={clen}"]
    lists = [name for name in _LISTS if lemma in getattr(lexicon, name)]
    names += [f"list={name}" for name in lists]
    names += [f"list={name}|cdep={cdep}" for name in lists]
    for child in cue.children:
        dep = child.dep_
        if dep in ("neg", "aux", "auxpass", "prt", "mark"):
            names.append(f"child={dep}")
        if child.tag_ == "MD":
            names.append(f"modal={child.lower_}")
    if span is not None:
        if marks[span.start : span.end].any() if marks is not None else any(t.is_quote for t in span):
            names.append("quoted")
        if span[0].lower_ == "that":
            names.append("that")
    names += _speaker_features(doc, c, lexicon)
    return names


def _speaker_features(doc: Doc, c: Candidate, lexicon: CueLexicon) -> list[str]:
    """Features of the candidate's speaker phrase: none, pronoun, entity type, head part of speech."""
    if c.speaker is None:
        return ["spk=none", f"spk=none|lemma={c.cue.text}"]
    span = doc.char_span(c.speaker.start, c.speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return ["spk=odd"]
    head = span.root
    kind = "pron" if head.lower_ in lexicon.pronouns else head.ent_type_ or head.pos_
    return [f"spk={kind}", f"spkdep={head.dep_}", f"spk={kind}|lemma={c.cue.text}",
            f"spklemma={head.lemma_.lower()}" if head.pos_ != "PROPN" else "spklemma=PROPN"]


def feature_rows(doc: Doc, candidates: list[Candidate], bits: int, lexicon: CueLexicon | None = None
                 ) -> list[list[int]]:
    """The hashed feature columns of each candidate (the bias column, 2**bits, last)."""
    lexicon = lexicon or cue_lexicon()
    rows = []
    marks = doc.to_array([IS_QUOTE]).reshape(-1).astype(bool)
    for c in candidates:
        rows.append(hashed_columns(candidate_features(doc, c, lexicon, marks), bits) + [1 << bits])
    return rows


def boundary_features(doc: Doc, c: Candidate) -> list[str]:
    """What the boundary model reads to choose between a candidate's content and its run to the sentence
    end: the cue, the first word the longer reading adds (its dependency, part of speech, word, and its
    head's relation to the content), whether a comma comes first, and both lengths."""
    added = doc[c.added]
    lemma = c.cue.text if c.cue is not None else ""
    before = doc[c.added - 1].text if c.added else "^"
    head = added.head
    where = "in" if c.start <= head.idx < c.end else "cue" if c.cue is not None and head.i == c.cue.token else "out"
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    n = len(span) if span is not None else 0
    more = _bucket(len(doc.char_span(c.end, c.longer_end, alignment_mode="expand") or ()))
    dep, pos = added.dep_, added.pos_
    return [f"b:dep={dep}", f"b:pos={pos}", f"b:word={added.lower_}", f"b:dep={dep}|head={where}",
            f"b:before={before}", f"b:before={before}|dep={dep}", f"b:lemma={lemma}", f"b:lemma={lemma}|dep={dep}",
            f"b:len={_bucket(n)}", f"b:more={more}", f"b:len={_bucket(n)}|more={more}", f"b:rule={c.rule}",
            f"b:var={c.variant}", f"b:dep={dep}|more={more}", f"b:headdep={head.dep_}|dep={dep}"]


def boundary_rows(doc: Doc, candidates: list[Candidate], bits: int) -> list[list[int]]:
    """The hashed boundary feature columns of each candidate with a longer reading (the bias last)."""
    return [hashed_columns(boundary_features(doc, c), bits) + [1 << bits] for c in candidates]


# What the gate reads of each token: the first six are attributes of the token or a neighbour, the rest
# say whether it has a child with that dependency label (the children a broad candidate takes content from).
_GATE_KIDS = ("ccomp", "xcomp", "dobj", "prep", "nsubjpass", "nsubj")
_GATE_MIX = np.uint64(0x9E3779B97F4A7C15)  # the 64-bit golden-ratio constant: spreads the template number


def _gate_values(doc: Doc) -> list[np.ndarray]:
    """Per template, each token's value (a string id or a combination of ids) before hashing."""
    n = len(doc)
    table = doc.to_array([LEMMA, DEP, TAG, HEAD, LOWER]).astype(np.uint64)
    lemma, dep, tag, lower = table[:, 0], table[:, 1], table[:, 2], table[:, 4]
    index = np.arange(n)
    heads = index + table[:, 3].view(np.int64)
    edge = np.array([0], dtype=np.uint64)  # the id of "no neighbour"
    prev = np.concatenate([edge, lower[:-1]])
    nxt = np.concatenate([lower[1:], edge])
    values = [lemma, dep, tag, lemma[heads], prev, nxt, lemma * np.uint64(31) + dep]  # 7 templates, then 2 per kid
    strings = doc.vocab.strings
    for label in _GATE_KIDS:
        kid = np.zeros(n, dtype=np.uint64)
        has = (dep == np.uint64(strings[label])) & (heads != index)
        kid[heads[has]] = 1
        values += [kid, (lemma + np.uint64(1)) * kid]
    return values


def gate_columns(doc: Doc, bits: int) -> np.ndarray:
    """Per token, the hashed gate feature columns (one per template; the bias column 2**bits is implied).

    Templates: lemma, dependency, tag, head lemma, previous and next lower-case word, lemma with
    dependency, and for each label in `_GATE_KIDS` whether a child has it, alone and with the lemma."""
    n = len(doc)
    if n == 0:
        return np.zeros((0, len(_GATE_KIDS) * 2 + 7), dtype=np.int64)
    with np.errstate(over="ignore"):  # the hashing wraps around 2**64 on purpose
        values = _gate_values(doc)
        cols = [((v ^ (np.uint64(k + 1) * _GATE_MIX)) * _GATE_MIX) >> np.uint64(64 - bits) for k, v in enumerate(values)]
    return np.stack(cols, axis=1).astype(np.int64).reshape(n, len(values))


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, stable for large |z|."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


@dataclass(slots=True)
class Detector:
    """A trained candidate scorer: weights over hashed features, and the keep threshold."""

    weights: np.ndarray
    bits: int
    threshold: float
    broad: bool = True
    rule_threshold: float | None = None  # a rules' candidate needs only this (None: the same threshold)
    gate: np.ndarray | None = None  # the gate's weights (2**gate_bits + 1, bias last); None: every verb passes
    gate_bits: int = 0
    gate_threshold: float = 0.0
    boundary: np.ndarray | None = None  # the boundary model's weights (2**boundary_bits + 1); None: keep every end
    boundary_bits: int = 0
    boundary_logit: float = 0.0  # run on only where the boundary model's log-odds reach this

    def broad_tokens(self, doc: Doc) -> np.ndarray | bool:
        """Which tokens may be offered as broad candidates: the gate's verdict per token (True for all
        without a gate, False when the detector takes no broad candidates)."""
        if not self.broad:
            return False
        if self.gate is None:
            return True
        cols = gate_columns(doc, self.gate_bits)
        return sigmoid(self.gate[cols].sum(axis=1) + self.gate[-1]) >= self.gate_threshold

    def probabilities(self, doc: Doc, candidates: list[Candidate]) -> np.ndarray:
        """P(gold attribution) for each candidate."""
        rows = feature_rows(doc, candidates, self.bits)
        return sigmoid(np.array([self.weights[row].sum() for row in rows], dtype=np.float64))

    def select(self, doc: Doc, candidates: list[Candidate], text: str | None = None) -> list[Candidate]:
        """The candidates the model keeps, in their order."""
        if not candidates:
            return []
        probs = self.probabilities(doc, candidates)
        floor = self.threshold if self.rule_threshold is None else self.rule_threshold
        best: dict[tuple[int, bool], float] = {}  # per cue token, the most probable of its readings
        for c, p in zip(candidates, probs):
            key = (c.cue.token if c.cue is not None else -1 - c.start, c.rule)
            best[key] = max(best.get(key, 0.0), float(p))
        kept = []
        for c, p in zip(candidates, probs):
            key = (c.cue.token if c.cue is not None else -1 - c.start, c.rule)
            if p >= (floor if c.rule else self.threshold) and p >= best[key]:
                kept.append(c)
                best[key] = 2.0  # one reading per token, even when two tie
        self.extend(doc, kept, text)
        return kept

    def extend(self, doc: Doc, candidates: list[Candidate], text: str | None = None) -> None:
        """Run on to the sentence's end the contents the boundary model says end there (in place)."""
        if self.boundary is None:
            return
        text = doc.text if text is None else text  # spaCy rebuilds doc.text on every access
        sentences = Sentences.of(doc)
        for c in candidates:
            sentence_reading(doc, text, c, sentences)
        longer = [c for c in candidates if c.longer_end > c.end]
        if not longer:
            return
        rows = boundary_rows(doc, longer, self.boundary_bits)
        cues = sorted(c.cue.start for c in candidates if c.cue is not None)
        for c, row in zip(longer, rows):
            swallows = any(c.end <= cue < c.longer_end for cue in cues)  # another attribution's cue: keep both
            if not swallows and self.boundary[row].sum() >= self.boundary_logit:
                c.end = c.longer_end


def load_detector(meta: dict, weights: np.ndarray, gate: np.ndarray | None = None,
                  boundary: np.ndarray | None = None) -> Detector:
    """A detector from its meta (config, and the gate threshold learned in training), its weights, its
    gate's and its boundary model's weights, checking that they fit each other."""
    cfg = meta["config"]
    bits = int(cfg["hash_bits"])
    if weights.shape != ((1 << bits) + 1,):
        raise ValueError(f"quotes model weights have shape {weights.shape}, expected {((1 << bits) + 1,)}")
    gate_bits, boundary_bits = int(cfg.get("gate_bits", 0)), int(cfg.get("boundary_bits", 0))
    for name, array, size in (("gate", gate, gate_bits), ("boundary", boundary, boundary_bits)):
        if array is not None and array.shape != ((1 << size) + 1,):
            raise ValueError(f"quotes {name} weights have shape {array.shape}, expected {((1 << size) + 1,)}")
    return Detector(weights.astype(np.float64), bits, float(cfg["threshold"]), bool(cfg.get("broad", True)),
                    _optional_float(cfg.get("rule_threshold")),
                    gate.astype(np.float64) if gate is not None else None, gate_bits,
                    float(meta.get("gate_threshold", 0.0)),
                    boundary.astype(np.float64) if boundary is not None else None, boundary_bits,
                    float(cfg.get("boundary_logit", 0.0)))


def _optional_float(value: Any) -> float | None:
    """A number from the config, or None when it is not set."""
    return None if value is None else float(value)


@lru_cache(maxsize=1)
def shipped_detector() -> Detector | None:
    """The detector shipped in redline/data/models/quotes/, or None when the package has none."""
    folder = resources.files("redline.data")
    for part in MODEL_PARTS:
        folder = folder.joinpath(part)
    meta_file, weights_file = folder.joinpath("meta.json"), folder.joinpath("weights.npy")
    if not (meta_file.is_file() and weights_file.is_file()):
        return None
    with weights_file.open("rb") as handle:
        weights = np.load(handle)
    optional = {}
    for name in ("gate.npy", "boundary.npy"):  # the optional parts, keyword arguments of load_detector
        part = folder.joinpath(name)
        if part.is_file():
            with part.open("rb") as handle:
                optional[name.removesuffix(".npy")] = np.load(handle)
    return load_detector(json.loads(meta_file.read_text(encoding="utf-8")), weights, **optional)


def resolve(detector: Detector | str | None) -> Detector | None:
    """The detector a `find_quotes` call asks for: SHIPPED, RULES_ONLY (None) or a Detector."""
    if detector == SHIPPED:
        return shipped_detector()
    if detector == RULES_ONLY or detector is None:
        return None
    return detector
