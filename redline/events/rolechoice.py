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
(`redline/data/events/roles.yaml`). plv.csv labels only main events, so two guards keep the rules' answer
for the clause itself: the rules' choice stands when it is the clause's own argument (`keep_own`), and an
empty side is filled only from the clause's own phrases (`fill_own_only`). The target is chosen after the
source and never repeats it. Without the shipped model (`redline/data/models/events/roles.npz`) the
rules' choice stands. Trained by `bench/train_events.py` (`make train`) on plv.csv.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from redline.adam import adam
from redline.datafiles import load_data_yaml
from redline.features import hashed_columns

from .groups import Participant
from .tree import is_passive
from .trigger import Trigger

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "events"
SIDES = ("source", "target")
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
# A modifier or later conjunct inside a phrase that itself names a participant ("Fijian" in "Fijian
# rebels") is no candidate of its own: the phrase is.
_INNER = frozenset({"compound", "amod", "nmod", "flat", "conj"})  # "Azerbaijan" in "Armenia and Azerbaijan"


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


@dataclass(slots=True)
class SentenceView:
    """One sentence's parse as plain lists (reading spaCy tokens one by one is the slow part): for each
    token from `start`, its head's index, dependency label, POS, entity type, lower form and lemma."""

    start: int
    heads: list[int]
    deps: list[str]
    pos: list[str]
    ents: list[str]
    lower: list[str]
    lemmas: list[str]
    chains: dict[int, list[int]] = field(default_factory=dict)
    paths: dict[tuple[int, int], str] = field(default_factory=dict)
    near: dict[int, list[int]] = field(default_factory=dict)  # clause head -> its nearby nominal tokens

    @classmethod
    def of(cls, sent) -> SentenceView:
        """The view of a spaCy sentence span."""
        tokens = list(sent)
        return cls(sent.start, [t.head.i for t in tokens], [t.dep_ for t in tokens], [t.pos_ for t in tokens],
                   [t.ent_type_ for t in tokens], [t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens])

    def chain(self, i: int) -> list[int]:
        """Token `i` and its ancestors up to the sentence root, nearest first."""
        found = self.chains.get(i)
        if found is None:
            found = [i]
            while len(found) < 40:
                head = self.heads[found[-1] - self.start]
                if head == found[-1]:
                    break
                found.append(head)
            self.chains[i] = found
        return found

    def nearby(self, anchor: int) -> list[int]:
        """The noun, pronoun and nationality tokens within a short dependency path of a clause head."""
        found = self.near.get(anchor)
        if found is None:
            up, down = int(config()["candidate_path"]["up"]), int(config()["candidate_path"]["down"])
            found = self.near[anchor] = [
                self.start + k for k, pos in enumerate(self.pos)
                if (pos in _NOMINAL_POS or self.ents[k] == "NORP") and self.start + k != anchor
                and self.steps(self.start + k, anchor, up, down)]
        return found

    def steps(self, a: int, b: int, up: int, down: int) -> bool:
        """True when the path from `a` to `b` goes at most `up` steps up and `down` steps down."""
        chain_a, chain_b = self.chain(a), self.chain(b)
        at_b = {t: k for k, t in enumerate(chain_b)}
        return next((k <= up and at_b[t] <= down for k, t in enumerate(chain_a) if t in at_b), False)

    def path(self, a: int, b: int) -> str:
        """The dependency labels from token `a` up to the lowest common ancestor, then down to `b`
        ("nsubj>" is a subject of b itself; "pobj^prep>" an object of one of b's prepositions); "long"
        past 4 steps up or 3 down."""
        found = self.paths.get((a, b))
        if found is None:
            found = self.paths[(a, b)] = self._path(a, b)
        return found

    def _path(self, a: int, b: int) -> str:
        """`path`, computed."""
        up, down = self.chain(a), self.chain(b)
        down_at = {t: k for k, t in enumerate(down)}
        for k, t in enumerate(up):
            if t in down_at:
                if k > 4 or down_at[t] > 3:
                    return "long"
                ups = [self.deps[u - self.start] for u in up[:k]]
                downs = [self.deps[d - self.start] for d in reversed(down[:down_at[t]])]
                return "^".join(ups) + ">" + ">".join(downs)
        return "none"


def _view(sent, cache: dict) -> SentenceView:
    """The sentence's view, cached with the article's phrases."""
    key = ("view", sent.start)
    if key not in cache:
        cache[key] = SentenceView.of(sent)
    return cache[key]


def candidates(doc, sent, trigger: Trigger, resolver, rule: list[Participant], cache: dict | None = None) -> list[Candidate]:
    """The candidates of one side: each phrase of the sentence naming a participant within a short
    dependency path of the trigger's clause head (not the trigger's own words, nor a modifier of a phrase
    that names one), then the rules' choice when no phrase gives exactly it. `cache` (token -> its
    participants, and the sentence views) is shared by the events of an article."""
    cache = {} if cache is None else cache
    view = _view(sent, cache)
    found: list[Candidate] = []
    for i in view.nearby(trigger.anchor):  # far tokens are no side (and resolving them is the costly part)
        if i == trigger.word:
            continue
        k = i - view.start
        head = view.heads[k]
        if view.deps[k] in _INNER and head != i and _named(doc, head, resolver, cache):
            continue
        named = _named(doc, i, resolver, cache)
        if named:
            found.append(Candidate(i, named))
    ruled = frozenset(p.key for p in rule)
    if ruled and all(c.keys != ruled for c in found):
        found.append(Candidate(None, list(rule)))
    return found


def _named(doc, i: int, resolver, cache: dict) -> list[Participant]:
    """The participants the phrase headed by token `i` names (cached by token)."""
    if i not in cache:
        tok = doc[i]
        cache[i] = resolver.phrase(tok) if tok.pos_ in _NOMINAL_POS or tok.ent_type_ == "NORP" else []
    return cache[i]  # (the resolver memoises phrases too: this saves the token lookups)


@dataclass(slots=True)
class EventView:
    """What the features read of one event: its sentence view, trigger, rule type and voice, and the
    columns of each candidate token that do not depend on the side (computed once for both sides)."""

    view: SentenceView
    trigger: Trigger
    rule_type: str
    passive: bool
    static: dict[int, list[int]]  # token -> its side-free columns

    @classmethod
    def of(cls, doc, sent, trigger: Trigger, rule_type: str, cache: dict | None = None) -> EventView:
        """The view of an event read in `sent`."""
        return cls(_view(sent, {} if cache is None else cache), trigger, rule_type,
                   is_passive(doc[trigger.anchor]), {})


def marks(participants: list[Participant]) -> frozenset[str]:
    """What the features know of a side: its participants' keys, and their countries (marked by a NUL,
    which no key holds)."""
    return frozenset(p.key for p in participants) | frozenset(f"\0{p.country}" for p in participants if p.country)


def features(event: EventView, cand: Candidate, rule: frozenset[str], other: frozenset[str]) -> list[str]:
    """The feature names of one candidate (`rule`: the keys the rules chose for this side, `other`: the
    `marks` of the rules' other side)."""
    return _side_names(event, cand, rule, other) + (_static(event, cand.token) if cand.token is not None else [])


def columns(event: EventView, cand: Candidate, rule: frozenset[str], other: frozenset[str], bits: int) -> list[int]:
    """The hashed columns of `features` (the side-free part of a token's computed once per event)."""
    side = _side_columns(event, cand, rule, other, bits)
    if cand.token is None:
        return side
    if cand.token not in event.static:
        event.static[cand.token] = hashed(_static(event, cand.token), bits)
    return sorted(set(event.static[cand.token]).union(side))


_SIDE_COLUMNS: dict[tuple, list[int]] = {}  # what the side-dependent names are made of -> their columns


def _side_columns(event: EventView, cand: Candidate, rule: frozenset[str], other: frozenset[str],
                  bits: int) -> list[int]:
    """The hashed columns of the side-dependent names, cached by what they are made of (few combinations)."""
    keys = cand.keys
    key = (bits, event.rule_type, "rule" if keys and keys <= rule else ("part" if keys & rule else "no"), not rule,
           bool(keys & other), _same_country(cand, other), min(len(keys), 3), next((p.sector for p in cand.participants if p.sector), None),
           any(p.country for p in cand.participants), any(p.actor for p in cand.participants),
           None if cand.token is None else event.view.path(cand.token, event.trigger.anchor))
    found = _SIDE_COLUMNS.get(key)
    if found is None:
        if len(_SIDE_COLUMNS) > 100_000:
            _SIDE_COLUMNS.clear()
        found = _SIDE_COLUMNS[key] = hashed(_side_names(event, cand, rule, other), bits)
    return found


def _side_names(event: EventView, cand: Candidate, rule: frozenset[str], other: frozenset[str]) -> list[str]:
    """The names that depend on the side: the rules' choice, the participants, the path with the choice."""
    keys, rule_type = cand.keys, event.rule_type
    chose = "rule" if keys and keys <= rule else ("part" if keys & rule else "no")
    names = [f"chose={chose}", f"rn={not rule}", f"other={bool(keys & other)}", f"np={min(len(keys), 3)}",
             f"oc={_same_country(cand, other)}", f"toc={rule_type}|{_same_country(cand, other)}",
             f"t={rule_type}", f"tc={rule_type}|{chose}"]
    sector = next((p.sector for p in cand.participants if p.sector), None)
    names += [f"sec={sector}", f"ctry={any(p.country for p in cand.participants)}",
              f"act={any(p.actor for p in cand.participants)}"]
    if cand.token is None:
        return names + ["rulecand", f"rulecand|{rule_type}"]
    return names + [f"cp={chose}|{event.view.path(cand.token, event.trigger.anchor)}"]


def _same_country(cand: Candidate, other: frozenset[str]) -> bool:
    """True when the candidate names a country the other side's marks hold."""
    return any(f"\0{p.country}" in other for p in cand.participants if p.country)


def _static(event: EventView, i: int) -> list[str]:
    """The names of a candidate token that do not depend on the side (the first is its path)."""
    view, trigger, rule_type, passive = event.view, event.trigger, event.rule_type, event.passive
    k, anchor, word = i - view.start, trigger.anchor, trigger.word
    path = view.path(i, anchor)
    dep = view.deps[k]
    one = dep + (f":{view.lower[view.heads[k] - view.start]}" if dep == "pobj" else "")
    side = "L" if i < anchor else "R"
    gap = abs(i - anchor)
    lemma = view.lemmas[word - view.start]
    names = [f"p={path}", f"tp={rule_type}|{path}", f"d={one}", f"td={rule_type}|{one}", f"pv={passive}|{one}",
             f"pp={passive}|{path}", f"s={side}|{passive}", f"ts={rule_type}|{side}|{passive}",
             f"g={gap if gap < 8 else 8 + (gap >= 15)}", f"e={view.ents[k]}", f"pos={view.pos[k]}",
             f"wd={lemma}|{one}", f"m={trigger.mode}|{one}", f"n={trigger.noun}|{path}",
             f"h={view.lemmas[view.heads[k] - view.start]}|{one}"]
    if word != anchor:
        names.append(f"wp={view.path(i, word)}")
    return names


def hashed(names: list[str], bits: int) -> list[int]:
    """The column indices of some feature names (0/1 features; a repeat counts once), the bias last."""
    return hashed_columns(names, bits) + [1 << bits]


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
        """The softmax over one event's candidates for a side (one gather and one segmented sum)."""
        starts = np.cumsum([0] + [len(r) for r in rows[:-1]])
        z = np.add.reduceat(self.weights[side][[c for r in rows for c in r]].astype(np.float64), starts)
        e = np.exp(z - z.max())
        return e / e.sum()

    def choose(self, side: str, event: EventView, cands: list[Candidate], rule: list[Participant],
               other: list[Participant], taken: frozenset[str] = frozenset()) -> Choice:
        """One side of an event: the best candidate, or the rules' choice (see the module docstring).
        `other` is the rules' other side (a feature); `taken` the keys the other side was given, which
        this side may not repeat (an event's target is not its source)."""
        ruled = frozenset(p.key for p in rule)
        cfg = self.meta["config"]
        unchanged = Choice([p for p in rule if p.key not in taken], False)
        allowed = [c for c in cands if not c.keys <= taken]
        if not allowed or cfg["keep_own"] and any(c.keys == ruled and _own(event, c) for c in allowed):
            return unchanged  # nothing to choose, or the rules read the clause's own argument: it stands
        probs = self.probabilities(side, [columns(event, c, ruled, marks(other), self.bits) for c in allowed])
        if not ruled and cfg["fill_own_only"]:  # the clause's own phrases only, at their probability among all
            probs = np.where([_own(event, c) for c in allowed], probs, 0.0)
        best = int(np.argmax(probs))
        pick = allowed[best]
        if pick.keys == ruled or not ruled and float(probs[best]) < float(cfg["fill_threshold"][side]):
            return unchanged
        return Choice([p for p in pick.participants if p.key not in taken], True)


def _own(event: EventView, cand: Candidate) -> bool:
    """True for a phrase inside the trigger's own clause (its path to the clause head only goes up)."""
    return cand.token is not None and event.view.path(cand.token, event.trigger.anchor).endswith(">")


def choose_roles(model: RoleModel, doc, sent, trigger: Trigger, rule_type: str, resolver,
                 source: list[Participant], target: list[Participant],
                 cache: dict | None = None) -> tuple[list[Participant], list[Participant]]:
    """An event's source and target as the model chooses them from the rules' (the source first; the
    target is then chosen among the phrases that do not name it)."""
    cache = {} if cache is None else cache
    event = EventView.of(doc, sent, trigger, rule_type, cache)
    new_source = model.choose("source", event, candidates(doc, sent, trigger, resolver, source, cache), source,
                              target).participants
    new_target = model.choose("target", event, candidates(doc, sent, trigger, resolver, target, cache), target,
                              source, frozenset(p.key for p in new_source)).participants
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
    penalty = np.full(width(bits), l2)
    penalty[-1] = 0.0

    def gradient(w: np.ndarray) -> np.ndarray:
        """The grouped loss's gradient (sparse products only) plus the L2 penalty's."""
        z = x @ w
        z -= np.repeat(np.maximum.reduceat(z, starts), np.diff(np.r_[starts, n]))
        e = np.exp(z)
        total = np.repeat(np.add.reduceat(e, starts), np.diff(np.r_[starts, n]))
        p = e / total
        good = np.repeat(np.add.reduceat(p * y, starts), np.diff(np.r_[starts, n]))
        q = p * y / good  # the posterior over the right candidates
        return xt @ (p - q) / len(starts) + penalty * w

    return adam(gradient, np.zeros(width(bits)), epochs=epochs, rate=rate)


@lru_cache(maxsize=1)
def shipped_roles() -> RoleModel | None:
    """The role model shipped with the package, or None when it is absent (the rules' sides stand)."""
    if not (MODEL_DIR / "roles.npz").exists():
        return None
    return RoleModel.load()
