"""Quote attribution on PolNeAR dev: content precision/recall/F1 (exact and overlap) and speaker accuracy.

    python bench/quotes.py [--data DIR] [--json]

DIR holds PolNeAR's `dev/text/*.txt` and `dev/attributions/*.ann` (default ../shared/data/polnear).
Two texts carry six annotators' copies; the first annotator in file-name order is the gold (84 texts,
2,193 attributions). An attribution is one cue: redline quotes that share a cue (a quotation and its
continuation after the tag) are scored as one prediction, like PolNeAR's discontinuous content.

Metrics, all on spaCy tokens of the text with punctuation and spaces left out (so boundary commas and
quote marks do not count):
- exact: a predicted content matches a gold one when their token sets are equal;
- overlap: when they share at least half the tokens of the longer one. Matching is one-to-one (greedy,
  largest shared token count first); P = matched / predicted, R = matched / gold.
- speaker accuracy, on overlap-matched pairs: the predicted speaker span contains the gold source's head
  token, the syntactic head (spaCy `Span.root`) of the gold Source span; a gold attribution with no
  source counts as right only when we predict no speaker.
A gold content with no word token (one in dev) is left out. Scores are reported for gold contents with
quote marks, without, and overall; a prediction falls in the "with marks" group when its content (or
the character either side of it) holds a double quote mark.

The baseline re-implements textacy's `direct_quotations` rule in this file: quote-mark tokens paired in
order (a document with an odd count yields nothing), quotations under 4 tokens or all in title case
dropped, the nearest reporting verb (textacy's list) in the adjacent sentences with a nominal subject as
cue and speaker.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

from redline.nlp import load_pipeline  # noqa: E402
from redline.quotes import find_quotes  # noqa: E402

MARKS = frozenset('"“”„‟«»')
# textacy 0.13 `constants.REPORTING_VERBS`: the baseline's own lexicon, kept verbatim.
TEXTACY_REPORTING_VERBS = frozenset(
    "according accuse acknowledge add admit agree allege announce argue ask assert believe blame charge cite "
    "claim complain concede conclude confirm contend criticize declare decline deny describe disagree disclose "
    "estimate explain fear hope insist maintain mention note observe order predict promise recall recommend "
    "reply report say state stress suggest tell testify think urge warn worry write".split()
)
GROUPS = ("quoted", "unquoted", "all")


@dataclass(slots=True)
class Attribution:
    """One gold or predicted attribution: content character fragments and the source's character span(s)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    tokens: frozenset[int] = frozenset()
    quoted: bool = False


def _fragments(spec: str) -> list[tuple[int, int]]:
    """brat offsets "s e" or "s e;s e" as a list of pairs."""
    return [tuple(int(x) for x in part.split()) for part in spec.split(";")]


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat standoff file (E lines linking Content/Cue/Source text-bound spans)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t", 2)
            spans[tid] = _fragments(middle.split(" ", 1)[1])
        elif line.startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in line.split("\t")[1].split()))
    found = []
    for event in events:
        content = [f for role, tid in event.items() if role.startswith("Content") for f in spans[tid]]
        source = spans[event["Source"]] if "Source" in event else []
        if content:
            found.append(Attribution(sorted(content), source))
    return found


def load_gold(folder: Path) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) per text, the first annotator's file where there are several."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "dev" / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [
        (name, (folder / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8"), read_ann(ann))
        for name, ann in chosen.items()
    ]


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


def redline_predictions(doc) -> list[Attribution]:
    """redline's quotes, those sharing a cue merged into one attribution."""
    by_cue: dict[object, Attribution] = {}
    for i, quote in enumerate(find_quotes(doc)):
        key = quote.cue_start if quote.cue_start is not None else ("alone", i)
        item = by_cue.setdefault(key, Attribution([]))
        item.content.append((quote.start, quote.end))
        if not item.source and quote.speaker_start is not None:
            item.source = [(quote.speaker_start, quote.speaker_end)]
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
                found.append(Attribution([(content.start_char, content.end_char)], [_textacy_speaker(subject)]))
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


def speaker_right(doc, gold: Attribution, pred: Attribution) -> bool:
    """True when the predicted speaker span holds the gold source's head (or both have no source)."""
    head = head_token(doc, gold.source)
    if head is None:
        return not pred.source
    return any(s <= head.idx and head.idx + len(head.text) <= e for s, e in pred.source)


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

    def scores(self) -> dict[str, float | int]:
        """Precision, recall and F1 (exact and overlap) and speaker accuracy."""
        out: dict[str, float | int] = {"gold": self.gold, "predicted": self.pred}
        for kind in ("exact", "overlap"):
            g, p = getattr(self, f"{kind}_gold"), getattr(self, f"{kind}_pred")
            precision = p / self.pred if self.pred else 0.0
            recall = g / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out |= {f"{kind}_p": precision, f"{kind}_r": recall, f"{kind}_f1": f1}
        out["speaker_acc"] = self.speaker_right / self.overlap_gold if self.overlap_gold else 0.0
        out["speaker_pairs"] = self.overlap_gold
        return out


def _group(item: Attribution) -> str:
    """Which group an attribution falls in."""
    return "quoted" if item.quoted else "unquoted"


def score_doc(doc, gold: list[Attribution], pred: list[Attribution], tallies: dict[str, Tally]) -> None:
    """Add one document's matches to the per-group tallies."""
    for items in (gold, pred):
        for item in items:
            item.tokens = word_tokens(doc, item.content)
            item.quoted = has_marks(doc.text, item.content)
    gold = [g for g in gold if g.tokens]
    pred = [p for p in pred if p.tokens]
    for g in gold:
        for name in (_group(g), "all"):
            tallies[name].gold += 1
    for p in pred:
        for name in (_group(p), "all"):
            tallies[name].pred += 1
    for kind in ("exact", "overlap"):
        for g, p in match(gold, pred, exact=kind == "exact"):
            for name in (_group(gold[g]), "all"):
                setattr(tallies[name], f"{kind}_gold", getattr(tallies[name], f"{kind}_gold") + 1)
                if kind == "overlap" and speaker_right(doc, gold[g], pred[p]):
                    tallies[name].speaker_right += 1
            for name in (_group(pred[p]), "all"):
                setattr(tallies[name], f"{kind}_pred", getattr(tallies[name], f"{kind}_pred") + 1)


def evaluate(folder: Path) -> dict[str, dict[str, dict[str, float | int]]]:
    """Scores per system and group on the PolNeAR dev split."""
    texts = load_gold(folder)
    systems = {"redline": redline_predictions, "textacy-like": textacy_predictions}
    tallies = {name: {group: Tally() for group in GROUPS} for name in systems}
    nlp = load_pipeline()
    for (_, _, gold), doc in zip(texts, nlp.pipe(text for _, text, _ in texts)):
        for name, predict in systems.items():
            score_doc(doc, [Attribution(list(g.content), list(g.source)) for g in gold], predict(doc), tallies[name])
    return {name: {group: t.scores() for group, t in groups.items()} for name, groups in tallies.items()}


def print_table(results: dict[str, dict[str, dict[str, float | int]]]) -> None:
    """The scores as a plain-text table."""
    print(f"{'system':<13} {'gold group':<9} {'gold':>5} {'pred':>5}  {'exact P/R/F1':>17}  {'overlap P/R/F1':>17}  {'speaker':>7}")
    for name, groups in results.items():
        for group, s in groups.items():
            exact = f"{s['exact_p']:.2f}/{s['exact_r']:.2f}/{s['exact_f1']:.2f}"
            overlap = f"{s['overlap_p']:.2f}/{s['overlap_r']:.2f}/{s['overlap_f1']:.2f}"
            print(f"{name:<13} {group:<9} {s['gold']:>5} {s['predicted']:>5}  {exact:>17}  {overlap:>17}  {s['speaker_acc']:>7.2f}")


def main() -> int:
    """Score and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="PolNeAR folder holding dev/text and dev/attributions (default ../shared/data/polnear)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = data_dir("polnear", args.data)
    if folder is None:
        return 0
    results = evaluate(folder)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
