"""Event coding on the PLOVER gold-standard records (dev split): type accuracy, source and target
agreement, over-generation, against two root-verb baselines; cross-validated scores on plv.csv;
optionally the stage's throughput.

    python bench/events.py [--data DIR] [--plv DIR | --no-cv] [--json] [--throughput [--guardian DIR] [--repeat R]]

Two evaluations:
- plv.csv (default ../shared/data/plover-plv; 1,824 sentences, none from the gold records): k-fold
  cross-validation by sentence (redline/data/events/model.yaml: folds, seed) of the learned type
  classifier, trained on the other folds, and of the rules alone on the same folds; mean and sd over
  folds; plus the upstream split in `meta` (train on split=train, score split=test). YIELD (the older
  15-root label) counts as right when the coder says CONCEDE or RETREAT, PLOVER v2's two halves of it.
  Source (target) agreement: the primary event's source (target) shares a content word with the gold
  source (target) text, or has the country of an actor the sentence mentions inside that text. Every
  sentence counts; one where the rules code nothing is scored on its fall-back
  event (main clause, typed by the model, kept at `fallback_threshold`), else counts as a miss; the rules
  alone have no fall-back.
- the gold records (below): the shipped model, trained on all of plv.csv, and the rules alone. The
  classifier never saw them, but the rules were tuned on them earlier: a dev score, not an unseen one.

DIR holds `dev.json` (default ../shared/data/plover-gsr): a JSON array whose first object is a header,
then 163 human-coded English sentences, each with one gold event (`event`, PLOVER v0.5 labels) and its
`source` and `target` actor lists ({actorText, code, sector?}). v0.5 labels are mapped to v2 first:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; the other labels are
the same in both versions.

Each sentence is parsed, its actors found (`find_actors`, no publication date) and its events coded
(`code_events`). The coder lists a sentence's events main clause first; the first is our answer for the
sentence's gold event (the "primary" event).

Metrics (every denominator counts sentences; a sentence where we code nothing counts as a miss):
- type accuracy: the primary event's type equals the gold type, over all 163 sentences. `any-type
  recall` is the share where some coded event has the gold type.
- source agreement: over the sentences whose gold source list is non-empty, the share where the primary
  event's source shares an actor with the gold's. A predicted and a gold actor agree when the predicted
  country equals the gold code (CAMEO's ITL and JAP read as ITA and JPN; the gold's IGO, NGO and IMG codes,
  which are no country, agree with our igo_ngo or rebel sector), or when the gold gives a sector and ours
  maps to it (GOV, LEG, JUD, ELI -> government; MIL, COP -> military; REB, UAF, CRM, IMG -> rebel; OPP ->
  opposition; PTY -> party; JRN -> media; MED, REF, NGO, IGO -> igo_ngo; CVL, CIV, LAB, AGR, EDU, BUS ->
  civilian; the first three letters count, so "CVLalb" is CVL; "***" is no sector). Target agreement is
  the same over the sentences whose gold target list is non-empty. `given the type` repeats both over
  the sentences whose type is right.
- over-generation: every gold sentence has exactly one event, so there is no negative sentence to code
  wrongly; we count events coded beyond our answer for the gold event. It is the share of sentences where
  some coded event other than the primary one has a type the gold does not list. `strict` is the share
  of sentences where any coded event (the primary one included) has a type other than the gold's: it
  counts misclassifications as well as extra events. `extra per sentence` is the mean number of coded
  events beyond one.

Baselines, in the same run and with the same verb lexicon (`redline/data/events/triggers.yaml`):
- root-verb lexicon: the type of the sentence root's lemma (no event when the lexicon lacks it);
- root verb through the reporting verb: when the root is a reporting verb (`frames.yaml`), the lemma of
  the head of its clausal complement instead (or of a verb coordinated with it).

With `--throughput`, the 235 Guardian articles (`articles.jsonl`, field `text`; default
../shared/data/guardian-syria-2019) are parsed with `nlp.pipe` alone, with actors + quotes, and with
actors + quotes + events; the sides alternate for `--repeat` rounds, each keeping its best time, and the
ratios of articles per second are reported (full / spaCy alone, and events' own share).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

from redline.actors import find_actors  # noqa: E402
from redline.events import code_events, learned, rolechoice  # noqa: E402
from redline.events.groups import Participant  # noqa: E402
from redline.events.roles import Resolver  # noqa: E402
from redline.events.stage import _dictionary, _index  # noqa: E402
from redline.events.stage import every_fallback, rule_events  # noqa: E402
from redline.events.lexicon import event_lexicon  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402

V2_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_ALIASES = {"ITL": "ITA", "JAP": "JPN"}
NON_STATE_CODES = {"IGO": {"igo_ngo"}, "NGO": {"igo_ngo"}, "IMG": {"rebel"}}
SECTORS = {
    "GOV": "government", "LEG": "government", "JUD": "government", "ELI": "government",
    "MIL": "military", "COP": "military", "REB": "rebel", "UAF": "rebel", "CRM": "rebel", "IMG": "rebel",
    "OPP": "opposition", "PTY": "party", "JRN": "media", "MED": "igo_ngo", "REF": "igo_ngo", "NGO": "igo_ngo",
    "IGO": "igo_ngo", "CVL": "civilian", "CIV": "civilian", "LAB": "civilian", "AGR": "civilian",
    "EDU": "civilian", "BUS": "civilian",
}


def load_gold(folder: Path) -> list[dict]:
    """The gold records (header dropped), each with its v2 event label under `type`."""
    records = json.loads((folder / "dev.json").read_text(encoding="utf-8"))[1:]
    for record in records:
        record["type"] = V2_LABELS.get(record["event"], record["event"])
    return records


def gold_actors(value) -> list[dict]:
    """A gold source or target field as a list of actors (it may be "", None or a context word)."""
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def agrees(countries: list, sectors: list, gold: list[dict]) -> bool:
    """True when some predicted actor matches some gold actor by country code or sector."""
    for g in gold:
        code = CODE_ALIASES.get(g.get("code") or "", g.get("code") or "")
        wanted = SECTORS.get((g.get("sector") or "")[:3])
        for country, sector in zip(countries, sectors):
            if country and country == code:
                return True
            if sector and (sector == wanted or sector in NON_STATE_CODES.get(code, ())):
                return True
    return False


def root_baselines(doc, lex) -> tuple[str | None, str | None]:
    """The two baselines' types: the root verb's, and the root verb's through a reporting verb."""
    root = next(iter(doc.sents)).root
    plain = _verb_type(root, lex)
    verb = root
    if root.lemma_.lower() in lex.reporting:
        verb = next((c for c in root.children if c.dep_ == "ccomp"), None) or next(
            (c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"), root)
    return plain, _verb_type(verb, lex)


def _verb_type(tok, lex) -> str | None:
    """The lexicon type of a verb's lemma, None for reporting verbs and unknown words."""
    lemma = tok.lemma_.lower()
    if lemma in lex.reporting and lemma not in lex.verbs:
        return None
    sense = lex.verbs.get(lemma)
    return sense.type if sense is not None else None


def score(records: list[dict], *, learned_types: bool = True) -> dict:
    """Every metric of the docstring over the gold records (the shipped classifier's types unless
    `learned_types` is False: the rules alone)."""
    nlp, lex = load_pipeline(), event_lexicon()
    n = len(records)
    tally = {k: 0 for k in ("type", "any", "src", "src_n", "tgt", "tgt_n", "src_t", "src_tn", "tgt_t", "tgt_tn",
                            "over", "strict", "extra", "root", "root_reported")}
    confusion: dict[str, dict[str, int]] = {}
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        events = code_events(doc, find_actors(doc), learned=learned_types)
        gold, first = record["type"], events[0] if events else None
        predicted = first.type if first else None
        right = predicted == gold
        tally["type"] += right
        tally["any"] += any(e.type == gold for e in events)
        tally["over"] += any(e.type != gold for e in events[1:])
        tally["strict"] += any(e.type != gold for e in events)
        tally["extra"] += max(0, len(events) - 1)
        confusion.setdefault(gold, {}).setdefault(predicted or "-", 0)
        confusion[gold][predicted or "-"] += 1
        for side, key in (("source", "src"), ("target", "tgt")):
            wanted = gold_actors(record.get(side))
            if not wanted:
                continue
            ok = first is not None and agrees(getattr(first, side + "_country"), getattr(first, side + "_sector"), wanted)
            tally[key + "_n"] += 1
            tally[key] += ok
            if right:
                tally[key + "_tn"] += 1
                tally[key + "_t"] += ok
        plain, reported = root_baselines(doc, lex)
        tally["root"] += plain == gold
        tally["root_reported"] += reported == gold
    return {
        "sentences": n,
        "type_accuracy": tally["type"] / n,
        "any_type_recall": tally["any"] / n,
        "source_agreement": _ratio(tally["src"], tally["src_n"]),
        "target_agreement": _ratio(tally["tgt"], tally["tgt_n"]),
        "source_agreement_given_type": _ratio(tally["src_t"], tally["src_tn"]),
        "target_agreement_given_type": _ratio(tally["tgt_t"], tally["tgt_tn"]),
        "source_sentences": tally["src_n"],
        "target_sentences": tally["tgt_n"],
        "over_generation": tally["over"] / n,
        "over_generation_strict": tally["strict"] / n,
        "extra_events_per_sentence": tally["extra"] / n,
        "baseline_root_verb": tally["root"] / n,
        "baseline_root_verb_reported": tally["root_reported"] / n,
        "confusion": confusion,
    }


def _ratio(hits: int, total: int) -> float:
    """hits / total, 0 when there is nothing to count."""
    return hits / total if total else 0.0


# --- plv.csv: cross-validated scores (folds by sentence) ------------------------------------------------

@dataclass(slots=True)
class Sentence:
    """One plv.csv record, parsed: its gold label and sides, and what the rules coded in it."""

    label: str
    split: str
    source: str
    target: str
    doc: object
    actors: object
    found: list = field(default_factory=list)  # the rules' events (redline.events.stage.Found)


def load_plv(folder: Path) -> list[dict]:
    """The plv.csv records: text, label (15-root set), split (the upstream one), source and target text."""
    with (folder / "plv.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["split"] = next((p.split("=", 1)[1] for p in row["meta"].split("|") if p.startswith("split=")), "")
    return rows


def parse_plv(rows: list[dict]) -> list[Sentence]:
    """Every record parsed once, its actors found and its events coded by the rules (with the fall-back
    event of a sentence they code nothing in, when the config enables it: the rules alone score it as
    no event)."""
    nlp = load_pipeline()
    parsed = []
    fallback = every_fallback if learned.config()["fallback"] else None
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        actors = find_actors(doc)
        parsed.append(Sentence(row["label"], row["split"], row["source"], row["target"], doc, actors,
                               rule_events(doc, actors, fallback=fallback)))
    return parsed


def fold_of(n: int, folds: int, seed: int) -> np.ndarray:
    """A fold number per sentence: a seeded permutation dealt round-robin (folds by sentence)."""
    order = np.random.default_rng(seed).permutation(n)
    fold = np.empty(n, dtype=int)
    fold[order] = np.arange(n) % folds
    return fold


def design(parsed: list[Sentence]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows of each sentence's primary (first) rule event, their label indices, and which sentences
    have a row (a sentence where the rules code nothing has none and counts as a miss)."""
    labels = learned.config()["labels"]
    has = np.array([bool(s.found) for s in parsed])
    rows = [learned.features(s.doc, [_coded(s.found[0])]) for s in parsed if s.found]
    x = np.vstack(rows) if rows else np.zeros((0, learned.feature_width()), dtype=np.float32)
    y = np.array([labels.index(s.label) for s in parsed if s.found], dtype=int)
    return x, y, has


def _coded(found) -> learned.Coded:
    """The classifier's input for one rule event."""
    return learned.Coded(found.trigger, found.event.type, found.event.status, found.event.negated)


def train_model(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights from the config's settings."""
    cfg = learned.config()
    return learned.fit(x, y, len(cfg["labels"]), l2=float(cfg["l2"]), epochs=int(cfg["epochs"]),
                       rate=float(cfg["rate"]))


def predicted_types(parsed: list[Sentence], probs: np.ndarray, kept: frozenset[str] = frozenset()) -> list[str | None]:
    """Each sentence's primary type from the model's probabilities (None where the rules code nothing)."""
    labels, out, r = learned.config()["labels"], [], 0
    for s in parsed:
        if not s.found:
            out.append(None)
            continue
        out.append(learned.decide(labels, probs[r], _coded(s.found[0]), s.doc, kept))
        r += 1
    return out


def kept_rule_types(parsed: list[Sentence], probs: np.ndarray) -> frozenset[str]:
    """The rule types whose events the rules type at least as well as the model, on out-of-fold
    predictions (probs: one row per sentence with a rule event)."""
    model = predicted_types(parsed, probs)
    tally: dict[str, list[int]] = {}
    for s, t in zip(parsed, model):
        if s.found and not s.found[0].fallback:
            pair = tally.setdefault(_rule_type(s), [0, 0])
            pair[0] += type_right(s.label, _rule_type(s))
            pair[1] += type_right(s.label, t)
    return frozenset(k for k, (rules, learned_) in tally.items() if rules >= learned_)


def type_right(gold: str, predicted: str | None) -> bool:
    """A plv label is matched by the same type; YIELD by CONCEDE or RETREAT (its two v2 halves)."""
    return predicted == gold or (gold == "YIELD" and predicted in ("CONCEDE", "RETREAT"))


def side_agrees(s: Sentence, side: str, typed: bool = True, chosen: list[Participant] | None = None) -> bool:
    """True when the primary event's source (or target) names the gold side: a shared content word with
    the gold text, or the country of an actor mentioned inside the gold text's span of the sentence.
    `typed` False (a fall-back event left untyped: no event) never agrees. `chosen` replaces the rules'
    side (the role model's choice)."""
    if not s.found or not typed:
        return False
    return names_gold(s, side, chosen if chosen is not None else rule_side(s.found[0].event, side))


def rule_side(event, side: str) -> list[Participant]:
    """An event's source (or target) as participants (name, country, sector)."""
    names = getattr(event, side)
    sectors = getattr(event, side + "_sector") or [None] * len(names)
    return [Participant(n, c, k) for n, c, k in zip(names, getattr(event, side + "_country"), sectors)]


def names_gold(s: Sentence, side: str, participants: list[Participant]) -> bool:
    """True when some participant names the sentence's gold source (or target) text (see side_agrees)."""
    gold = getattr(s, side)
    gold_words = _words(gold)
    if any(_words(p.name) & gold_words for p in participants):
        return True
    return bool({p.country for p in participants if p.country} & _span_countries(s, gold))


def _words(text: str) -> set[str]:
    """The content words of a name, case-folded."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in (t.strip(".,'\"()").casefold() for t in text.replace("'s", " ").split())
            if w and w not in STOP_WORDS and (len(w) > 2 or w.isupper())}


def _span_countries(s: Sentence, gold: str) -> set[str]:
    """The countries of the actors the sentence mentions inside the gold text (found by its first place)."""
    start = s.doc.text.find(gold) if gold else -1
    if start < 0:
        return set()
    end = start + len(gold)
    actors = getattr(s.actors, "actors", s.actors) or []
    return {a.country for a in actors if a.country and any(b < end and e > start for b, e in a.mentions)}


def plv_scores(parsed: list[Sentence], types: list[str | None], chosen: list[dict] | None = None) -> dict:
    """Type accuracy, source and target agreement over some sentences (`chosen`: per sentence, the role
    model's participants by side; None: the rules' sides)."""
    n = len(parsed)
    return {
        "sentences": n,
        "type_accuracy": sum(type_right(s.label, t) for s, t in zip(parsed, types)) / n if n else 0.0,
        "source_agreement": _agreement(parsed, types, "source", chosen),
        "target_agreement": _agreement(parsed, types, "target", chosen),
    }


def _agreement(parsed: list[Sentence], types: list[str | None], side: str, chosen: list[dict] | None) -> float:
    """The share of sentences whose primary event, if typed, agrees with the gold side."""
    n = len(parsed)
    picks = chosen if chosen is not None else [{}] * n
    return sum(side_agrees(s, side, t is not None, c.get(side)) for s, t, c in zip(parsed, types, picks)) / n if n else 0.0


@dataclass
class RoleRows:
    """One side of one sentence's primary event for the role model: the candidates, their feature
    columns, which name the gold side, and the rules' choice."""

    sentence: int
    candidates: list
    rows: list[list[int]]
    right: list[bool]
    rule: list[Participant]
    event: rolechoice.EventView


def role_rows(parsed: list[Sentence]) -> dict[str, list[RoleRows]]:
    """The role model's rows of every sentence with a primary event, by side."""
    bits = int(rolechoice.config()["hash_bits"])
    dictionary, out = _dictionary(), {side: [] for side in rolechoice.SIDES}
    for i, s in enumerate(parsed):
        if not s.found:
            continue
        f = s.found[0]
        resolver = Resolver(_index(s.actors), dictionary, event_lexicon())
        sent, cache = s.doc[f.sentence[0]:f.sentence[1]], {}
        event = rolechoice.EventView.of(s.doc, sent, f.trigger, f.trigger.type, cache)
        rule = {side: rule_side(f.event, side) for side in rolechoice.SIDES}
        for side, other in zip(rolechoice.SIDES, reversed(rolechoice.SIDES)):
            cands = rolechoice.candidates(s.doc, sent, f.trigger, resolver, rule[side], cache)
            ruled, others = frozenset(p.key for p in rule[side]), rolechoice.marks(rule[other])
            rows = [rolechoice.columns(event, c, ruled, others, bits) for c in cands]
            out[side].append(RoleRows(i, cands, rows, [names_gold(s, side, c.participants) for c in cands], rule[side],
                                      event))
    return out


def train_roles(rows: list[RoleRows]) -> np.ndarray:
    """One side's weights from the config's settings, over the events where some candidate is right."""
    cfg = rolechoice.config()
    usable = [r for r in rows if any(r.right)]
    return rolechoice.fit([x for r in usable for x in r.rows], [g for g, r in enumerate(usable) for _ in r.rows],
                          [y for r in usable for y in r.right], int(cfg["hash_bits"]), l2=float(cfg["l2"]),
                          epochs=int(cfg["epochs"]), rate=float(cfg["rate"]))


def roles_model(weights: dict[str, np.ndarray]) -> rolechoice.RoleModel:
    """A role model from trained weights and the current config."""
    return rolechoice.RoleModel(weights, {"config": rolechoice.config()})


def role_choices(parsed: list[Sentence], data: dict[str, list[RoleRows]], model: rolechoice.RoleModel,
                 which: set[int]) -> dict[int, dict]:
    """The model's sides (by side) of the sentences in `which`, as the stage chooses them: the source
    first, then the target among the phrases that do not name it."""
    out: dict[int, dict] = {}
    for side, other in zip(rolechoice.SIDES, reversed(rolechoice.SIDES)):
        for r in data[side]:
            if r.sentence not in which:
                continue
            s, sides = parsed[r.sentence], out.setdefault(r.sentence, {})
            f = s.found[0]
            taken = frozenset(p.key for p in sides.get("source", [])) if side == "target" else frozenset()
            sides[side] = model.choose(side, r.event, r.candidates, r.rule, rule_side(f.event, other),
                                       taken).participants
    return out


def cross_validate(parsed: list[Sentence]) -> dict:
    """k-fold cross-validation by sentence: the learned types and sides (the role model) and the rules'
    on each held-out fold, mean and sample sd over folds; and the upstream split (train on `train`, score
    on `test`). The rule types the model must leave alone (`kept_rule_types`) are chosen on the
    out-of-fold predictions of all folds."""
    cfg = learned.config()
    x, y, has = design(parsed)
    row_of = np.cumsum(has) - 1
    fold = fold_of(len(parsed), int(cfg["folds"]), int(cfg["seed"]))
    probs = np.zeros((len(y), len(cfg["labels"])), dtype=np.float32)
    for k in range(int(cfg["folds"])):
        train_rows = [row_of[i] for i in range(len(parsed)) if fold[i] != k and has[i]]
        test_rows = [row_of[i] for i in range(len(parsed)) if fold[i] == k and has[i]]
        probs[test_rows] = learned.softmax(x[test_rows] @ train_model(x[train_rows], y[train_rows]))
    kept = kept_rule_types(parsed, probs)
    roles = role_rows(parsed)
    folds = {"learned": [], "rules": []}
    for k in range(int(cfg["folds"])):
        test = [i for i in range(len(parsed)) if fold[i] == k]
        chosen = _chosen_sides(parsed, roles, {i for i in range(len(parsed)) if fold[i] != k}, test)
        subset = [parsed[i] for i in test]
        folds["learned"].append(plv_scores(subset, predicted_types(subset, probs[[row_of[i] for i in test if has[i]]],
                                                                    kept), chosen))
        folds["rules"].append(plv_scores(subset, [_rule_type(s) for s in subset]))
    upstream_test = [i for i, s in enumerate(parsed) if s.split == "test"]
    upstream_train = [row_of[i] for i, s in enumerate(parsed) if s.split == "train" and has[i]]
    chosen = _chosen_sides(parsed, roles, {i for i, s in enumerate(parsed) if s.split == "train"}, upstream_test)
    return {
        "folds": int(cfg["folds"]),
        "kept_rule_types": sorted(kept),
        "learned": _spread(folds["learned"]),
        "rules": _spread(folds["rules"]),
        "per_fold": folds,
        "upstream_split": {
            "learned": _held_out(parsed, upstream_test, x, y, has, row_of, upstream_train, kept, chosen),
            "rules": plv_scores([parsed[i] for i in upstream_test], [_rule_type(parsed[i]) for i in upstream_test]),
        },
    }


def _chosen_sides(parsed: list[Sentence], roles: dict[str, list[RoleRows]], train: set[int],
                  test: list[int]) -> list[dict]:
    """The sides a role model trained on the `train` sentences chooses for the `test` ones, in order."""
    weights = {side: train_roles([r for r in rows if r.sentence in train]) for side, rows in roles.items()}
    picks = role_choices(parsed, roles, roles_model(weights), set(test))
    return [picks.get(i, {}) for i in test]


def _held_out(parsed, test, x, y, has, row_of, train_rows, kept: frozenset[str], chosen: list[dict]) -> dict:
    """Scores on the `test` sentences of a type model trained on `train_rows` (sides as `chosen`)."""
    w = train_model(x[train_rows], y[train_rows])
    subset = [parsed[i] for i in test]
    test_rows = [row_of[i] for i in test if has[i]]
    probs = learned.softmax(x[test_rows] @ w) if test_rows else np.zeros((0, len(learned.config()["labels"])))
    return plv_scores(subset, predicted_types(subset, probs, kept), chosen)


def _rule_type(s: Sentence) -> str | None:
    """The rules' primary type (None for no event, or only a fall-back one: the rules alone have none)."""
    return s.found[0].event.type if s.found and not s.found[0].fallback else None


def _spread(results: list[dict]) -> dict:
    """Mean and sample standard deviation of each metric over folds."""
    keys = [k for k in results[0] if k != "sentences"]
    return {k: {"mean": round(float(np.mean([r[k] for r in results])), 4),
                "sd": round(float(np.std([r[k] for r in results], ddof=1)), 4)} for k in keys}


Stage = Callable[[object, dict, dict], None]


def _stages(with_events: bool) -> list[Stage]:
    """The stages after spaCy: actors and quotes, and events when asked."""
    from redline.quotes import extract_quotes

    def actors(doc, record: dict, found: dict) -> None:
        """The actor stage."""
        found["actors"] = find_actors(doc, published=record.get("date"))

    def quotes(doc, record: dict, found: dict) -> None:
        """The quote stage."""
        found["quotes"] = extract_quotes(doc, found["actors"])

    def events(doc, record: dict, found: dict) -> None:
        """The event stage."""
        found["events"] = code_events(doc, found["actors"], published=record.get("date"))

    return [actors, quotes, events] if with_events else [actors, quotes]


def _timed(records: list[dict], stages: list[Stage]) -> float:
    """Seconds to parse every text and run the stages on each Doc."""
    nlp = load_pipeline()
    start = time.perf_counter()
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=32)):
        found: dict = {}
        for run in stages:
            run(doc, record, found)
    return time.perf_counter() - start


def throughput(folder: Path, repeat: int) -> dict:
    """Best seconds of spaCy alone, + actors + quotes, + actors + quotes + events; and the ratios."""
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    sides = {"spacy": [], "stages": _stages(False), "full": _stages(True)}
    _timed(records[:10], sides["full"])  # warm-up: model, lexicons, matchers
    best = dict.fromkeys(sides, float("inf"))
    for round_ in range(repeat):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        for side in order:
            best[side] = min(best[side], _timed(records, sides[side]))
    n = len(records)
    return {
        "articles": n,
        "spacy_per_s": n / best["spacy"],
        "actors_quotes_per_s": n / best["stages"],
        "full_per_s": n / best["full"],
        "ratio_full_vs_spacy": best["spacy"] / best["full"],
        "ratio_actors_quotes_vs_spacy": best["spacy"] / best["stages"],
        "ratio_events_stage": best["stages"] / best["full"],
        "events_ms_per_article": (best["full"] - best["stages"]) / n * 1000,
    }


def main() -> int:
    """Score (and time) and print the result, or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding dev.json (default ../shared/data/plover-gsr)")
    parser.add_argument("--plv", help="folder holding plv.csv (default ../shared/data/plover-plv)")
    parser.add_argument("--no-cv", action="store_true", help="skip the plv.csv cross-validation")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--throughput", action="store_true", help="also time the stage on the Guardian texts")
    parser.add_argument("--guardian", help="folder holding articles.jsonl (default ../shared/data/guardian-syria-2019)")
    parser.add_argument("--repeat", type=int, default=3, help="throughput rounds; each side keeps its best")
    args = parser.parse_args()
    folder = data_dir("plover-gsr", args.data)
    if folder is None:
        return 0
    gold = load_gold(folder)
    result = score(gold)
    result["rules_alone"] = {k: v for k, v in score(gold, learned_types=False).items() if k != "confusion"}
    plv = None if args.no_cv else data_dir("plover-plv", args.plv)
    if plv is not None:
        result["plv"] = cross_validate(parse_plv(load_plv(plv)))
    if args.throughput:
        texts = data_dir("guardian-syria-2019", args.guardian)
        if texts is not None:
            result["throughput"] = throughput(texts, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    _print(result)
    return 0


def _print(r: dict) -> None:
    """The human-readable report."""
    print(f"PLOVER gold, {r['sentences']} sentences")
    print(f"type accuracy            {r['type_accuracy']:.3f}   (any-type recall {r['any_type_recall']:.3f})")
    print(f"source agreement         {r['source_agreement']:.3f}   ({r['source_sentences']} sentences; "
          f"given the type {r['source_agreement_given_type']:.3f})")
    print(f"target agreement         {r['target_agreement']:.3f}   ({r['target_sentences']} sentences; "
          f"given the type {r['target_agreement_given_type']:.3f})")
    print(f"over-generation          {r['over_generation']:.3f}   (strict {r['over_generation_strict']:.3f}; "
          f"extra events per sentence {r['extra_events_per_sentence']:.2f})")
    print(f"baseline root verb       {r['baseline_root_verb']:.3f}")
    print(f"baseline root, reported  {r['baseline_root_verb_reported']:.3f}")
    a = r["rules_alone"]
    print(f"rules alone              type {a['type_accuracy']:.3f}, source {a['source_agreement']:.3f}, "
          f"target {a['target_agreement']:.3f}")
    if "plv" in r:
        _print_cv(r["plv"])
    if "throughput" in r:
        t = r["throughput"]
        print(f"throughput ({t['articles']} articles): spaCy {t['spacy_per_s']:.1f}/s, + actors + quotes "
              f"{t['actors_quotes_per_s']:.1f}/s, + events {t['full_per_s']:.1f}/s")
        print(f"  full / spaCy {t['ratio_full_vs_spacy']:.3f}; actors + quotes / spaCy "
              f"{t['ratio_actors_quotes_vs_spacy']:.3f}; events stage keeps {t['ratio_events_stage']:.3f} "
              f"({t['events_ms_per_article']:.1f} ms per article)")


def _print_cv(cv: dict) -> None:
    """The plv.csv cross-validation report."""
    print(f"plv.csv, {cv['folds']}-fold cross-validation by sentence (mean +- sd over folds); rule types kept: "
          f"{', '.join(cv['kept_rule_types']) or '-'}")
    for name in ("learned", "rules"):
        m = cv[name]
        print(f"  {name:8s} type {m['type_accuracy']['mean']:.3f} +- {m['type_accuracy']['sd']:.3f}, "
              f"source {m['source_agreement']['mean']:.3f} +- {m['source_agreement']['sd']:.3f}, "
              f"target {m['target_agreement']['mean']:.3f} +- {m['target_agreement']['sd']:.3f}")
    for name, m in cv["upstream_split"].items():
        print(f"  upstream split (train -> test, {m['sentences']} sentences) {name}: type {m['type_accuracy']:.3f}, "
              f"source {m['source_agreement']:.3f}, target {m['target_agreement']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
