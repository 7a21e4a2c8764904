"""The learned source/target choice: which phrase of the sentence is an event's source, which its target.

The rules (`roles.py`) read the sides from the trigger's clause; they often pick nothing, or the wrong
phrase, when the parse is unusual ("militias ... supported by US troops"). Here every phrase of the
sentence that names a participant (an article actor or a group with a country or sector, resolved as the
rules resolve their own choice) is a candidate, and a linear model per side scores each from hashed
features: the dependency path to the trigger, the voice, the side of the trigger and the distance, the
entity type and sector, the trigger's type and lemma, and whether the rules chose it (the rules are
features, and their choice is a candidate of its own). The sentence's candidates compete in a softmax.

The best candidate replaces the rules' choice when the rules chose something else; where the rules chose
nothing it is taken when its probability reaches the config's `fill_threshold`
(`redline/data/events/roles.yaml`). Without the shipped model (`redline/data/models/events/roles.npz`)
the rules' choice stands. Trained by `bench/train_events.py` (`make train`) on plv.csv.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from redline.datafiles import load_data_yaml

from .groups import Participant
from .tree import is_passive
from .trigger import Trigger

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "events"
SIDES = ("source", "target")
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
# A modifier inside a phrase that itself names a participant ("Fijian" in "Fijian rebels") is no
# candidate of its own: the phrase is.
_INNER = frozenset({"compound", "amod", "nmod", "flat"})


@lru_cache(maxsize=1)
def config() -> dict:
    """The role model's configuration (`redline/data/events/roles.yaml`)."""
    return load_data_yaml("events", "roles.yaml")


@dataclass(slots=True)
class Candidate:
    """One phrase that could fill a side: its head token (None for the rules' own choice when no phrase
    of the sentence gives the same participants) and the participants it names."""

    token: int | None
    participants: list[Participant]

    @property
    def keys(self) -> frozenset[str]:
        """The participants' keys."""
        return frozenset(p.key for p in self.participants)


def candidates(doc, sent, trigger: Trigger, resolver, rule: list[Participant], cache: dict | None = None) -> list[Candidate]:
    """The candidates of one side: each phrase of the sentence naming a participant (the trigger's own
    words and the modifiers of a phrase that names one excepted), then the rules' choice when no phrase gives exactly it. `cache` (token -> its
    participants) is shared by the events of one sentence."""
    cache = {} if cache is None else cache
    found: list[Candidate] = []
    skip = {trigger.word, trigger.anchor}
    for tok in sent:
        if tok.i in skip or not (tok.pos_ in _NOMINAL_POS or tok.ent_type_ == "NORP"):
            continue
        named = _named(tok, resolver, cache)
        if named and not (tok.dep_ in _INNER and tok.head.i != tok.i and _named(tok.head, resolver, cache)):
            found.append(Candidate(tok.i, named))
    ruled = frozenset(p.key for p in rule)
    if ruled and all(c.keys != ruled for c in found):
        found.append(Candidate(None, list(rule)))
    return found


def _named(tok, resolver, cache: dict) -> list[Participant]:
    """The participants the phrase headed by `tok` names (cached by token)."""
    if tok.i not in cache:
        cache[tok.i] = resolver.phrase(tok) if tok.pos_ in _NOMINAL_POS or tok.ent_type_ == "NORP" else []
    return cache[tok.i]


def _chain(tok) -> list:
    """The token and its ancestors up to the root, nearest first."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def dependency_path(a, b) -> str:
    """The dependency labels from token `a` up to the lowest common ancestor, then down to `b`
    ("nsubj>" is a subject of b itself; "pobj^prep>" an object of one of b's prepositions)."""
    up, down = _chain(a), _chain(b)
    down_at = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in down_at:
            ups = [u.dep_ for u in up[:k]]
            downs = [d.dep_ for d in reversed(down[:down_at[t.i]])]
            if len(ups) > 4 or len(downs) > 3:
                return "long"
            return "^".join(ups) + ">" + ">".join(downs)
    return "none"


def features(doc, trigger: Trigger, rule_type: str, cand: Candidate, rule: frozenset[str],
             other: frozenset[str]) -> list[str]:
    """The hashed feature names of one candidate (`rule`: the keys the rules chose for this side,
    `other`: for the other side)."""
    keys = cand.keys
    chose = "rule" if keys and keys <= rule else ("part" if keys & rule else "no")
    names = [f"chose={chose}", f"rn={not rule}", f"other={bool(keys & other)}", f"np={min(len(keys), 3)}",
             f"t={rule_type}", f"tc={rule_type}|{chose}"]
    sector = next((p.sector for p in cand.participants if p.sector), None)
    names += [f"sec={sector}", f"ctry={any(p.country for p in cand.participants)}",
              f"act={any(p.actor for p in cand.participants)}"]
    if cand.token is None:
        return names + ["rulecand", f"rulecand|{rule_type}"]
    tok, anchor, word = doc[cand.token], doc[trigger.anchor], doc[trigger.word]
    path = dependency_path(tok, anchor)
    one = tok.dep_ + (f":{tok.head.lower_}" if tok.dep_ == "pobj" else "")
    passive = is_passive(anchor)
    side = "L" if tok.i < anchor.i else "R"
    gap = abs(tok.i - anchor.i)
    lemma = word.lemma_.lower()
    names += [f"p={path}", f"tp={rule_type}|{path}", f"d={one}", f"td={rule_type}|{one}", f"pv={passive}|{one}",
              f"pp={passive}|{path}", f"s={side}|{passive}", f"ts={rule_type}|{side}|{passive}",
              f"g={min(gap, 8) if gap < 8 else 8 + (gap >= 15)}", f"e={tok.ent_type_}", f"pos={tok.pos_}",
              f"wd={lemma}|{one}", f"cp={chose}|{path}", f"m={trigger.mode}|{one}", f"n={trigger.noun}|{path}",
              f"h={tok.head.lemma_.lower()}|{one}"]
    if word.i != anchor.i:
        names.append(f"wp={dependency_path(tok, word)}")
    return names


def hashed(names: list[str], bits: int) -> list[int]:
    """The column indices of some feature names (0/1 features; a repeat counts once)."""
    mask = (1 << bits) - 1
    return sorted({zlib.crc32(n.encode("utf-8")) & mask for n in names} | {mask + 1})  # the last column: bias


def width(bits: int) -> int:
    """Columns of a model with `bits` hash bits: the hashed ones and the bias."""
    return (1 << bits) + 1


@dataclass(slots=True)
class Choice:
    """A side as chosen: its participants, and whether the model changed the rules' choice."""

    participants: list[Participant]
    changed: bool


class RoleModel:
    """The shipped role scorer: one weight vector per side."""

    def __init__(self, weights: dict[str, np.ndarray], meta: dict) -> None:
        self.weights = weights
        self.meta = meta
        self.bits = int(meta["config"]["hash_bits"])

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> RoleModel:
        """The model saved in a folder (roles.npz and roles.json)."""
        meta = json.loads((folder / "roles.json").read_text(encoding="utf-8"))
        with np.load(folder / "roles.npz") as data:
            return cls({side: data[side] for side in SIDES}, meta)

    def probabilities(self, side: str, rows: list[list[int]]) -> np.ndarray:
        """The softmax over one event's candidates for a side."""
        w = self.weights[side]
        z = np.array([w[r].sum() for r in rows], dtype=np.float64)
        e = np.exp(z - z.max())
        return e / e.sum()

    def choose(self, side: str, doc, trigger: Trigger, rule_type: str, cands: list[Candidate],
               rule: list[Participant], other: list[Participant], taken: frozenset[str] = frozenset()) -> Choice:
        """One side of an event: the best candidate, or the rules' choice (see the module docstring).
        `other` is the rules' other side (a feature); `taken` the keys the other side was given, which
        this side may not repeat (an event's target is not its source)."""
        ruled = frozenset(p.key for p in rule)
        others = frozenset(p.key for p in other)
        allowed = [c for c in cands if not c.keys <= taken]
        if not allowed:
            return Choice([p for p in rule if p.key not in taken], False)
        rows = [hashed(features(doc, trigger, rule_type, c, ruled, others), self.bits) for c in allowed]
        probs = self.probabilities(side, rows)
        best = int(np.argmax(probs))
        pick = allowed[best]
        if pick.keys == ruled or not ruled and float(probs[best]) < float(self.meta["config"]["fill_threshold"][side]):
            return Choice([p for p in rule if p.key not in taken], False)
        return Choice([p for p in pick.participants if p.key not in taken], True)


def choose_roles(model: RoleModel, doc, sent, trigger: Trigger, rule_type: str, resolver,
                 source: list[Participant], target: list[Participant],
                 cache: dict | None = None) -> tuple[list[Participant], list[Participant]]:
    """An event's source and target as the model chooses them from the rules' (the source first; the
    target is then chosen among the phrases that do not name it)."""
    cache = {} if cache is None else cache
    new_source = model.choose("source", doc, trigger, rule_type,
                              candidates(doc, sent, trigger, resolver, source, cache), source, target).participants
    new_target = model.choose("target", doc, trigger, rule_type,
                              candidates(doc, sent, trigger, resolver, target, cache), target, source,
                              frozenset(p.key for p in new_source)).participants
    return new_source, new_target


def fit(rows: list[list[int]], groups: list[int], right: list[bool], bits: int, *, l2: float, epochs: int,
        rate: float) -> np.ndarray:
    """Weights of the grouped softmax: `rows` are the candidates' columns, `groups` the event each belongs
    to (consecutive), `right` whether it agrees with the gold side; the loss is minus the log of the
    probability of the right candidates. Full-batch Adam from zero (deterministic); sparse products only."""
    from scipy import sparse

    n = len(rows)
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64)
    ptr = np.zeros(n + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    x = sparse.csr_matrix((np.ones(len(cols), dtype=np.float64), cols, ptr), shape=(n, width(bits)))
    xt = x.T.tocsr()
    g = np.asarray(groups)
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    y = np.asarray(right, dtype=np.float64)
    w = np.zeros(width(bits))
    m, v = np.zeros_like(w), np.zeros_like(w)
    penalty = np.full(width(bits), l2)
    penalty[-1] = 0.0
    for step in range(1, epochs + 1):
        z = x @ w
        z -= np.repeat(np.maximum.reduceat(z, starts), np.diff(np.r_[starts, n]))
        e = np.exp(z)
        total = np.repeat(np.add.reduceat(e, starts), np.diff(np.r_[starts, n]))
        p = e / total
        good = np.repeat(np.add.reduceat(p * y, starts), np.diff(np.r_[starts, n]))
        q = p * y / good  # the posterior over the right candidates
        grad = xt @ (p - q) / len(starts) + penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


@lru_cache(maxsize=1)
def shipped_roles() -> RoleModel | None:
    """The role model shipped with the package, or None when it is absent (the rules' sides stand)."""
    if not (MODEL_DIR / "roles.npz").exists():
        return None
    return RoleModel.load()
