"""The learned reported-speech detector: which candidate attributions from the parse are real ones.

The rules (`reported`, `nominal`) offer candidates: a cue with its content span and speaker. With the
detector on, verbs outside the cue lexicon that govern a clause, an infinitive or an object are offered
too ("broad" candidates: "reserved his passion for ...", "doubled down on ..."). A logistic regression over
hashed features read off the already-parsed doc (cue lemma and lexicon lists, dependency labels of cue,
content root and speaker, negation, modality, content length, quote marks) gives each candidate the
probability that it is a gold attribution; those at or above the threshold are kept. Nothing is parsed
again, so the detector costs little beside spaCy.

The model is trained by `make train` (bench/train_quotes.py) on PolNeAR train and ships in
`redline/data/models/quotes/` (weights.npy and meta.json: config, data hashes, cross-validated scores).
Without a shipped model the rules alone decide.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc

from redline.datafiles import load_data_yaml

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


def candidate_features(doc: Doc, c: Candidate, lexicon: CueLexicon) -> list[str]:
    """The named features of one candidate, all read from the parse."""
    cue = doc[c.cue.token] if c.cue is not None else None
    if cue is None:
        return ["nocue"]
    lemma = c.cue.text
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else cue
    cdep = root.dep_ if root.head.i == cue.i else f"far:{root.dep_}"
    side = "after" if c.start >= c.cue.end else "before" if c.end <= c.cue.start else "around"
    names = [
        f"rule={c.rule}", f"lemma={lemma}", f"lemma={lemma}|rule={c.rule}", f"cdep={cdep}", f"lemma={lemma}|cdep={cdep}",
        f"cuepos={cue.pos_}", f"cuedep={cue.dep_}", f"cuetag={cue.tag_}", f"cuedep={cue.dep_}|cdep={cdep}",
        f"lemma={lemma}|cuedep={cue.dep_}", f"side={side}", f"side={side}|cdep={cdep}",
        f"head={cue.head.lemma_.lower()}|cuedep={cue.dep_}", f"prev={doc[cue.i - 1].lower_ if cue.i else '^'}",
        f"clen={_bucket(len(span) if span is not None else 0)}", f"clen={_bucket(len(span) if span is not None else 0)}|cdep={cdep}",
        f"croot={root.lemma_.lower()}", f"crootpos={root.pos_}",
    ]
    names += [f"lemma={lemma}|side={side}", f"lemma={lemma}|croot={root.lemma_.lower()}",
              f"lemma={lemma}|head={cue.head.lemma_.lower()}", f"next={doc[cue.i + 1].lower_ if cue.i + 1 < len(doc) else '$'}"]
    names += [f"list={name}" for name in _LISTS if lemma in getattr(lexicon, name)]
    names += [f"list={name}|cdep={cdep}" for name in _LISTS if lemma in getattr(lexicon, name)]
    names += [f"child={child.dep_}" for child in cue.children if child.dep_ in ("neg", "aux", "auxpass", "prt", "mark")]
    names += [f"modal={child.lower_}" for child in cue.children if child.tag_ == "MD"]
    if span is not None and any(t.is_quote for t in span):
        names.append("quoted")
    if span is not None and span[0].lower_ == "that":
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
    mask = (1 << bits) - 1
    rows = []
    for c in candidates:
        cols = {zlib.crc32(name.encode("utf-8")) & mask for name in candidate_features(doc, c, lexicon)}
        rows.append(sorted(cols) + [1 << bits])
    return rows


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

    def probabilities(self, doc: Doc, candidates: list[Candidate]) -> np.ndarray:
        """P(gold attribution) for each candidate."""
        rows = feature_rows(doc, candidates, self.bits)
        return np.array([sigmoid(self.weights[row].sum()) for row in rows], dtype=np.float64)

    def select(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates the model keeps, in their order."""
        if not candidates:
            return []
        probs = self.probabilities(doc, candidates)
        floor = self.threshold if self.rule_threshold is None else self.rule_threshold
        return [c for c, p in zip(candidates, probs) if p >= (floor if c.rule else self.threshold)]


def load_detector(meta: dict, weights: np.ndarray) -> Detector:
    """A detector from its meta (config) and weights, checking that they fit each other."""
    cfg = meta["config"]
    bits = int(cfg["hash_bits"])
    if weights.shape != ((1 << bits) + 1,):
        raise ValueError(f"quotes model weights have shape {weights.shape}, expected {((1 << bits) + 1,)}")
    return Detector(weights.astype(np.float64), bits, float(cfg["threshold"]), bool(cfg.get("broad", True)),
                    _optional_float(cfg.get("rule_threshold")))


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
    return load_detector(json.loads(meta_file.read_text(encoding="utf-8")), weights)


def resolve(detector: Detector | str | None) -> Detector | None:
    """The detector a `find_quotes` call asks for: SHIPPED, RULES_ONLY (None) or a Detector."""
    if detector == SHIPPED:
        return shipped_detector()
    if detector == RULES_ONLY or detector is None:
        return None
    return detector
