"""Quote attribution on PolNeAR: cross-validated scores on train, and the score on dev (never developed on).

    python bench/quotes.py [--data DIR] [--folds 5] [--splits cv,dev] [--json] [--cache DIR]

DIR holds PolNeAR's `train/` and `dev/` folders, each with `text/*.txt` and `attributions/*.ann`
(default ../shared/data/polnear).

Splits and what they mean:
- `train` (840 articles) is the development set. Its score is cross-validated: the articles are dealt
  into `--folds` folds by a seeded shuffle of their names (no article in two folds); the learned detector
  is trained on the other folds and scored on each, and the mean and standard deviation over the folds
  are reported. The rule-only system is scored on the same folds (it learns nothing, but was written
  while reading train articles since this turn).
- `dev` (84 articles, 2,193 attributions) is not developed on from this turn. The rules were tuned on it
  before, so the rule-only number there is a dev score, not an unseen one; the learned detector never saw
  it (shipped model, trained on all of train).
Where a text carries several annotators' copies (`NAME_ANNOTATOR.ann`), the gold is the copy whose file
name sorts first (the same rule on both splits).

An attribution is one cue: redline quotes that share a cue (a quotation and its continuation after the
tag) are scored as one prediction, like PolNeAR's discontinuous content. Metrics, all on spaCy tokens of
the text with punctuation and spaces left out (so boundary commas and quote marks do not count):
- exact: a predicted content matches a gold one when their token sets are equal;
- overlap: when they share at least half the tokens of the longer one. Matching is one-to-one (greedy,
  largest shared token count first); P = matched / predicted, R = matched / gold.
- speaker accuracy, on overlap-matched pairs: the predicted speaker span contains the gold source's head
  token, the syntactic head (spaCy `Span.root`) of the gold Source span; a gold attribution with no
  source counts as right only when we predict no speaker.
- speaker name accuracy ("the speaker given as the name the gold source ends in"), on overlap-matched
  pairs whose gold Source span ends in a proper noun: the speaker redline outputs (the actor's canonical
  name after resolution, else the speaker phrase) ends in that word.
- cue F1: a predicted cue matches a gold Cue span it overlaps (one-to-one, in text order).
A gold content with no word token is left out. Scores are reported for gold contents with quote marks,
without, and overall; a prediction falls in the "with marks" group when its content (or the character
either side of it) holds a double quote mark.

Systems: `redline` (the pipeline as shipped: rules plus the learned detector), `rules` (the rules alone),
and `textacy-like`, which re-implements textacy's `direct_quotations` rule in this file: quote-mark tokens
paired in order (a document with an odd count yields nothing), quotations under 4 tokens or all in title
case dropped, the nearest reporting verb (textacy's list) in the adjacent sentences with a nominal
subject as cue and speaker.

Parsed documents are cached as spaCy DocBins under --cache (default /tmp/quotes/, never the repo), keyed
by the texts' SHA-256 and the spaCy model's name and version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

from redline.actors import find_actors  # noqa: E402
from redline.nlp import load_pipeline  # noqa: E402
from redline.quotes import attribute, find_quotes  # noqa: E402
from redline.quotes.detector import RULES_ONLY, Detector, shipped_detector  # noqa: E402

MARKS = frozenset('"“”„‟«»')
# textacy 0.13 `constants.REPORTING_VERBS`: the baseline's own lexicon, kept verbatim.
TEXTACY_REPORTING_VERBS = frozenset(
    "according accuse acknowledge add admit agree allege announce argue ask assert believe blame charge cite "
    "claim complain concede conclude confirm contend criticize declare decline deny describe disagree disclose "
    "estimate explain fear hope insist maintain mention note observe order predict promise recall recommend "
    "reply report say state stress suggest tell testify think urge warn worry write".split()
)
GROUPS = ("quoted", "unquoted", "all")
SEED = 13
DEFAULT_CACHE = Path("/tmp/quotes")
METRICS = ("overlap_p", "overlap_r", "overlap_f1", "exact_f1", "speaker_acc", "speaker_name_acc", "cue_p", "cue_r",
           "cue_f1")


@dataclass(slots=True)
class Attribution:
    """One gold or predicted attribution: content fragments, the source's span(s), the cue's span(s)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    name: str | None = None  # the speaker as output (resolved actor name, else phrase); predictions only
    tokens: frozenset[int] = frozenset()
    quoted: bool = False


@dataclass(slots=True)
class Text:
    """One article of a split: its name, text, publication date and gold attributions."""

    name: str
    text: str
    published: str | None
    gold: list[Attribution]


def _fragments(spec: str) -> list[tuple[int, int]]:
    """brat offsets "s e" or "s e;s e" as a list of pairs."""
    return [tuple(int(x) for x in part.split()) for part in spec.split(";")]


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat standoff file (E lines linking Content/Cue/Source text-bound spans)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # a span's text may run over a line break
            tid, middle, _ = line.split("\t", 2)
            spans[tid] = _fragments(middle.split(" ", 1)[1])
        elif line.startswith("E") and "\t" in line:
            events.append(dict(arg.split(":", 1) for arg in line.split("\t")[1].split()))
    found = []
    for event in events:
        content = [f for role, tid in event.items() if role.startswith("Content") for f in spans[tid]]
        source = spans[event["Source"]] if "Source" in event else []
        cue = [f for role, tid in event.items() if role.startswith("Cue") for f in spans[tid]]
        if content:
            found.append(Attribution(sorted(content), source, sorted(cue)))
    return found


def _dates(folder: Path) -> dict[str, str]:
    """Publication date per text name (the metadata's `filename` column), when metadata.tsv is there."""
    path = folder / "metadata.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    head = rows[0]
    name, date = head.index("filename"), head.index("publication_date")
    return {row[name]: row[date] for row in rows[1:] if len(row) > date}


def load_split(folder: Path, split: str) -> list[Text]:
    """The texts of one split with their gold, the copy whose file name sorts first where there are several."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    dates = _dates(folder)
    return [
        Text(name, (folder / split / "text" / f"{name}.txt").read_text(encoding="utf-8"),
             dates.get(name[:-5]) or dates.get(name), read_ann(ann))
        for name, ann in chosen.items()
    ]


CHUNK = 40  # articles per cached DocBin: an interrupted parse resumes where it stopped


def parsed(texts: list[Text], cache: Path | None = DEFAULT_CACHE) -> list:
    """The spaCy Docs of the texts, read from the DocBin cache (one file per chunk of CHUNK articles,
    keyed by their texts and the pipeline) where it holds this exact parse."""
    nlp = load_pipeline()
    model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}"
    docs: list = []
    for first in range(0, len(texts), CHUNK):
        docs += _parsed_chunk(nlp, model, texts[first : first + CHUNK], cache)
    return docs


def _parsed_chunk(nlp, model: str, texts: list[Text], cache: Path | None) -> list:
    """One chunk's Docs, from the cache or parsed (and then cached)."""
    from spacy.tokens import DocBin

    key = hashlib.sha256(("\0".join(t.text for t in texts) + "\0" + model).encode("utf-8")).hexdigest()[:20]
    path = cache / f"polnear-{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((t.text for t in texts), batch_size=8))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "MORPH"],
               docs=docs).to_disk(path)
    return docs


def folds_of(names: list[str], k: int, seed: int = SEED) -> list[int]:
    """The fold of each article: a seeded shuffle of the names dealt round-robin into k folds."""
    order = sorted(names)
    random.Random(seed).shuffle(order)
    fold = {name: i % k for i, name in enumerate(order)}
    return [fold[name] for name in names]


def word_tokens(doc, fragments: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the non-punctuation tokens that overlap any of the character fragments."""
    found = set()
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span if not (t.is_punct or t.is_space))
    return frozenset(found)


def has_marks(text: str, fragments: list[tuple[int, int]]) -> bool:
    """True when a fragment, or the character either side of it, is or holds a double quote mark."""
    return any(MARKS & set(text[max(s - 1, 0) : e + 1]) for s, e in fragments)


def head_token(doc, fragments: list[tuple[int, int]]):
    """The syntactic head of the (first) gold source fragment, or None."""
    if not fragments:
        return None
    span = doc.char_span(*fragments[0], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def redline_predictions(doc, detector: Detector | str, actors) -> list[Attribution]:
    """redline's quotes, those sharing a cue merged into one attribution, speakers resolved to actors."""
    spans = find_quotes(doc, detector=detector)
    quotes = attribute(spans, actors)
    by_cue: dict[object, Attribution] = {}
    for i, (span, quote) in enumerate(zip(spans, quotes)):
        key = span.cue_start if span.cue_start is not None else ("alone", i)
        item = by_cue.setdefault(key, Attribution([]))
        item.content.append((span.start, span.end))
        if span.cue_start is not None and not item.cue:
            item.cue = [(span.cue_start, span.cue_end)]
        if not item.source and span.speaker_start is not None:
            item.source = [(span.speaker_start, span.speaker_end)]
            item.name = quote.speaker or span.speaker_text
    return list(by_cue.values())


def _textacy_speaker(tok) -> tuple[int, int]:
    """textacy's `expand_noun`: the noun with its compound, amod and det children."""
    parts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod")] + [tok]
    return parts[0].idx, tok.idx + len(tok.text)


def textacy_predictions(doc) -> list[Attribution]:
    """textacy's direct-quotation rule, as in `textacy.extract.triples.direct_quotations` (0.13)."""
    marks = [t.i for t in doc if t.is_quote]
    if len(marks) % 2:
        return []  # textacy raises on an odd count: the whole document is lost
    pairs = list(zip(marks[::2], marks[1::2]))
    found = []
    for start, end in pairs:
        content = doc[start : end + 1]
        words = [t for t in content if not (t.is_punct or t.is_space)]
        if len(content) < 4 or all(t.is_title for t in words):
            continue
        sents = [s for s in doc.sents if (s.start < start and s.end >= start - 1) or (s.start <= end + 1 and s.end > end)]
        cues = [
            t for s in sents for t in s
            if t.pos_ == "VERB" and t.lemma_ in TEXTACY_REPORTING_VERBS and not any(a <= t.i <= b for a, b in pairs)
        ]
        cues.sort(key=lambda t: min(abs(t.i - start), abs(t.i - end)))
        for cue in cues:
            subject = next((c for c in cue.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None:
                found.append(Attribution([(content.start_char, content.end_char)], [_textacy_speaker(subject)],
                                         [(cue.idx, cue.idx + len(cue.text))], doc[subject.i].text))
                break
    return found


def match(gold: list[Attribution], pred: list[Attribution], exact: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) matches, greedily by shared tokens."""
    pairs = []
    for g, a in enumerate(gold):
        for p, b in enumerate(pred):
            shared = len(a.tokens & b.tokens)
            if not shared:
                continue
            if (a.tokens == b.tokens) if exact else (2 * shared >= max(len(a.tokens), len(b.tokens))):
                pairs.append((shared, g, p))
    used_g, used_p, matched = set(), set(), []
    for _, g, p in sorted(pairs, reverse=True):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matched.append((g, p))
    return matched


def cue_matches(gold: list[Attribution], pred: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs whose cue spans overlap, in text order."""
    used, matched = set(), []
    for g, a in enumerate(gold):
        for p, b in enumerate(pred):
            if p in used or not b.cue:
                continue
            if any(s < e2 and s2 < e for s, e in a.cue for s2, e2 in b.cue):
                used.add(p)
                matched.append((g, p))
                break
    return matched


def speaker_right(doc, gold: Attribution, pred: Attribution) -> bool:
    """True when the predicted speaker span holds the gold source's head (or both have no source)."""
    head = head_token(doc, gold.source)
    if head is None:
        return not pred.source
    return any(s <= head.idx and head.idx + len(head.text) <= e for s, e in pred.source)


def _last_word(text: str) -> str:
    """The last word of a name, lower case, without a possessive ending."""
    words = text.replace("’", "'").removesuffix("'s").removesuffix("'").split()
    return words[-1].strip(".,").lower() if words else ""


def gold_name(doc, gold: Attribution) -> str | None:
    """The proper noun the gold source ends in ("President Barack Obama" -> "obama"), or None."""
    if not gold.source:
        return None
    span = doc.char_span(*gold.source[-1], alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space or t.dep_ == "case")] if span is not None else []
    return words[-1].lower_ if words and words[-1].pos_ == "PROPN" else None


@dataclass(slots=True)
class Tally:
    """Counts for one system and one gold group."""

    gold: int = 0
    pred: int = 0
    exact_gold: int = 0
    exact_pred: int = 0
    overlap_gold: int = 0
    overlap_pred: int = 0
    speaker_right: int = 0
    name_pairs: int = 0
    name_right: int = 0
    cue_gold: int = 0
    cue_pred: int = 0
    cue_matched: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        """Precision, recall and F1 (exact, overlap, cue) and the speaker accuracies."""
        out: dict[str, float | int] = {"gold": self.gold, "predicted": self.pred}
        for kind in ("exact", "overlap"):
            out |= _prf(getattr(self, f"{kind}_pred"), self.pred, getattr(self, f"{kind}_gold"), self.gold, kind)
        out |= _prf(self.cue_matched, self.cue_pred, self.cue_matched, self.cue_gold, "cue")
        out["speaker_acc"] = self.speaker_right / self.overlap_gold if self.overlap_gold else 0.0
        out["speaker_pairs"] = self.overlap_gold
        out["speaker_name_acc"] = self.name_right / self.name_pairs if self.name_pairs else 0.0
        out["speaker_name_pairs"] = self.name_pairs
        return out


def _prf(right_pred: int, pred: int, right_gold: int, gold: int, kind: str) -> dict[str, float]:
    """Precision, recall and F1 under one metric's names."""
    precision = right_pred / pred if pred else 0.0
    recall = right_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{kind}_p": precision, f"{kind}_r": recall, f"{kind}_f1": f1}


def _group(item: Attribution) -> str:
    """Which group an attribution falls in."""
    return "quoted" if item.quoted else "unquoted"


def _bump(tallies: dict[str, Tally], item: Attribution, counter: str) -> None:
    """Add one to a counter in the item's group and in "all"."""
    for name in (_group(item), "all"):
        setattr(tallies[name], counter, getattr(tallies[name], counter) + 1)


def score_doc(doc, gold: list[Attribution], pred: list[Attribution], tallies: dict[str, Tally]) -> None:
    """Add one document's matches to the per-group tallies."""
    text = doc.text  # spaCy rebuilds it on every access
    for items in (gold, pred):
        for item in items:
            item.tokens = word_tokens(doc, item.content)
            item.quoted = has_marks(text, item.content)
    gold = [g for g in gold if g.tokens]
    pred = [p for p in pred if p.tokens]
    for g in gold:
        _bump(tallies, g, "gold")
        if g.cue:
            _bump(tallies, g, "cue_gold")
    for p in pred:
        _bump(tallies, p, "pred")
        if p.cue:
            _bump(tallies, p, "cue_pred")
    for g, _ in cue_matches([g for g in gold if g.cue], pred):
        _bump(tallies, [g for g in gold if g.cue][g], "cue_matched")
    for kind in ("exact", "overlap"):
        for g, p in match(gold, pred, exact=kind == "exact"):
            _bump(tallies, gold[g], f"{kind}_gold")
            _bump(tallies, pred[p], f"{kind}_pred")
            if kind == "overlap":
                if speaker_right(doc, gold[g], pred[p]):
                    _bump(tallies, gold[g], "speaker_right")
                name = gold_name(doc, gold[g])
                if name is not None:
                    _bump(tallies, gold[g], "name_pairs")
                    if pred[p].name and _last_word(pred[p].name) == name:
                        _bump(tallies, gold[g], "name_right")


Predict = Callable[[object, object], list[Attribution]]  # (doc, actor index) -> attributions


def systems(detector: Detector | None) -> dict[str, Predict]:
    """The systems to score: redline as shipped (or with the given detector), rules alone, the baseline."""
    chosen = detector if detector is not None else shipped_detector() or RULES_ONLY
    return {
        "redline": lambda doc, actors: redline_predictions(doc, chosen, actors),
        "rules": lambda doc, actors: redline_predictions(doc, RULES_ONLY, actors),
        "textacy-like": lambda doc, actors: textacy_predictions(doc),
    }


def tally(texts: list[Text], docs: list, predictors: dict[str, Predict]) -> dict[str, dict[str, Tally]]:
    """Per-system, per-group counts over the texts (the actor index built once per text)."""
    tallies = {name: {group: Tally() for group in GROUPS} for name in predictors}
    for text, doc in zip(texts, docs):
        actors = find_actors(doc, published=text.published)
        for name, predict in predictors.items():
            gold = [Attribution(list(g.content), list(g.source), list(g.cue)) for g in text.gold]
            score_doc(doc, gold, predict(doc, actors), tallies[name])
    return tallies


def as_scores(tallies: dict[str, dict[str, Tally]]) -> dict[str, dict[str, dict[str, float | int]]]:
    """The counts turned into scores."""
    return {name: {group: t.scores() for group, t in groups.items()} for name, groups in tallies.items()}


def cross_validate(texts: list[Text], docs: list, k: int, train: Callable | None = None,
                   seed: int = SEED) -> dict:
    """Mean and sd over k article folds of every system's scores; `train(texts, docs)` fits the detector
    on the other folds (default: bench/train_quotes.py's `fit_detector`)."""
    if train is None:
        from train_quotes import fit_detector as train
    fold = folds_of([t.name for t in texts], k, seed)
    per_fold: list[dict] = []
    for f in range(k):
        inside = [i for i, x in enumerate(fold) if x != f]
        held = [i for i, x in enumerate(fold) if x == f]
        detector = train([texts[i] for i in inside], [docs[i] for i in inside])
        per_fold.append(as_scores(tally([texts[i] for i in held], [docs[i] for i in held], systems(detector))))
    return summarise(per_fold)


def summarise(per_fold: list[dict]) -> dict:
    """{system: {group: {metric: {mean, sd}}}} over the folds' scores."""
    out: dict = {}
    for name, groups in per_fold[0].items():
        for group in groups:
            out.setdefault(name, {})[group] = {
                metric: {"mean": statistics.fmean(f[name][group][metric] for f in per_fold),
                         "sd": statistics.stdev(f[name][group][metric] for f in per_fold) if len(per_fold) > 1 else 0.0}
                for metric in METRICS
            }
    return out


def evaluate(folder: Path, *, folds: int = 5, splits: tuple[str, ...] = ("cv", "dev"),
             cache: Path | None = DEFAULT_CACHE) -> dict:
    """{"cv": ..., "dev": ...}: cross-validated train scores and the dev scores of the shipped model."""
    results: dict = {}
    if "cv" in splits:
        texts = load_split(folder, "train")
        results["cv"] = cross_validate(texts, parsed(texts, cache), folds)
        results["cv"]["folds"] = folds
        results["cv"]["articles"] = len(texts)
    if "dev" in splits:
        texts = load_split(folder, "dev")
        results["dev"] = as_scores(tally(texts, parsed(texts, cache), systems(None)))
    return results


def print_table(results: dict) -> None:
    """The scores as plain-text tables."""
    if "cv" in results:
        cv = results["cv"]
        print(f"cross-validated on PolNeAR train ({cv['articles']} articles, {cv['folds']} folds by article): mean ± sd")
        print(f"{'system':<13} {'group':<9} {'overlap F1':>12} {'exact F1':>12} {'speaker':>12} {'name':>12} {'cue F1':>12}")
        for name, groups in cv.items():
            if not isinstance(groups, dict):
                continue
            for group, s in groups.items():
                cells = [f"{s[m]['mean']:.3f}±{s[m]['sd']:.3f}" for m in
                         ("overlap_f1", "exact_f1", "speaker_acc", "speaker_name_acc", "cue_f1")]
                print(f"{name:<13} {group:<9} " + " ".join(f"{c:>12}" for c in cells))
    if "dev" in results:
        print("PolNeAR dev (not developed on from this turn; the rules were tuned on it before)")
        print(f"{'system':<13} {'group':<9} {'gold':>5} {'pred':>5}  {'exact P/R/F1':>17}  {'overlap P/R/F1':>17}  "
              f"{'speaker':>7} {'name':>5} {'cue F1':>6}")
        for name, groups in results["dev"].items():
            for group, s in groups.items():
                exact = f"{s['exact_p']:.2f}/{s['exact_r']:.2f}/{s['exact_f1']:.2f}"
                overlap = f"{s['overlap_p']:.2f}/{s['overlap_r']:.2f}/{s['overlap_f1']:.2f}"
                print(f"{name:<13} {group:<9} {s['gold']:>5} {s['predicted']:>5}  {exact:>17}  {overlap:>17}  "
                      f"{s['speaker_acc']:>7.3f} {s['speaker_name_acc']:>5.2f} {s['cue_f1']:>6.3f}")


def main() -> int:
    """Score and print the tables (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="PolNeAR folder holding train/ and dev/ (default ../shared/data/polnear)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--splits", default="cv,dev", help="comma-separated: cv (train, cross-validated), dev")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="parsed-document cache folder ('' for none)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = data_dir("polnear", args.data)
    if folder is None:
        return 0
    results = evaluate(folder, folds=args.folds, splits=tuple(args.splits.split(",")),
                       cache=Path(args.cache) if args.cache else None)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
