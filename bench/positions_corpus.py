"""The annotated positions corpus (bench/gold/positions/corpus/) and its scoring under the guideline's matching.

The corpus follows `../shared/guidelines/positions.md`: one record per position and evidence span, with
`actor`, `actor_country`, `stance`, `issue`, `issue_keywords`, `via`, `official`, `start`/`end` (evidence)
and `issue_start`/`issue_end` (the noun phrase the position is about), all offsets into the article's
`text` as stored in the shared JSONL. It holds ids, offsets and labels only; `issue_keywords` are 1-3 word
labels, as in the guideline's record.

    corpus/articles.tsv       article id, corpus, annotators who finished it (comma-separated)
    corpus/annotator-K.jsonl  annotator K's records

Matching (the guideline's, as used for the second annotator's 0.6 figure): a predicted record matches a gold
one in the same article when the stance is equal, the actor agrees (the same country code, or a shared
name word), and one of the gold `issue_keywords` occurs (case-folded, apostrophes straightened) in the
prediction's issue or its evidence text. One-to-one; pairs whose evidence spans overlap are taken first,
then the nearest. `family` scores merge the stances into ask (demand, precondition), refuse (red_line,
reject) and give (open, offer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "gold" / "positions" / "corpus"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SOURCES = {"guardian": SHARED / "guardian-syria-2019" / "articles.jsonl",
           "peoplesdaily": SHARED / "trade-war-2018" / "articles.jsonl"}
SECOND_ANNOTATOR = SHARED / "positions-second-annotator" / "annotations.jsonl"
STANCES = ("demand", "precondition", "red_line", "open", "offer", "reject")
FAMILY = {"demand": "ask", "precondition": "ask", "red_line": "refuse", "reject": "refuse",
          "open": "give", "offer": "give"}
# Words too common to make two actor names the same party ("the", "of", "forces" ...).
NAME_STOP = frozenset({"the", "of", "and", "for", "in", "on", "republic", "democratic", "forces", "government",
                       "state", "states", "united", "people's", "national", "council", "party", "ministry"})


@dataclass(frozen=True, slots=True)
class Record:
    """One position as scored: who, which stance, about what, where."""

    article: str
    actor: str
    country: str | None
    stance: str
    issue: str
    keywords: tuple[str, ...]
    start: int
    end: int
    official: bool = True


def fold(text: str) -> str:
    """Lower case with curly apostrophes straightened."""
    return text.lower().replace("’", "'").replace("‘", "'")


def corpus_of(article: str) -> str:
    """The corpus an article id belongs to ("guardian" or "peoplesdaily")."""
    return article.split("-", 1)[0]


def load_texts(articles: set[str] | None = None) -> dict[str, dict]:
    """The shared articles by id (only `articles` when given); {} when the shared data is absent."""
    found = {}
    for path in SOURCES.values():
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if articles is None or row["id"] in articles:
                    found[row["id"]] = row
    return found


def from_json(row: dict) -> Record:
    """A record from a guideline-format JSON object."""
    return Record(row["article"], row["actor"], row.get("actor_country"), row["stance"], row.get("issue") or "",
                  tuple(fold(k) for k in row.get("issue_keywords") or ()), int(row["start"]), int(row["end"]),
                  bool(row.get("official", True)))


def load_records(path: Path) -> list[Record]:
    """The records of one guideline-format JSONL file (lines marking an article done are skipped)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [from_json(r) for r in rows if "stance" in r]


def articles_table(folder: Path = CORPUS) -> dict[str, list[str]]:
    """Article id -> the annotators who finished it, in the order listed."""
    table = {}
    for line in (folder / "articles.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            article, _corpus, annotators = line.split("\t")
            table[article] = annotators.split(",")
    return table


def annotations(folder: Path = CORPUS) -> dict[str, list[Record]]:
    """Annotator -> their records."""
    return {p.stem.removeprefix("annotator-"): load_records(p) for p in sorted(folder.glob("annotator-*.jsonl"))}


def gold(folder: Path = CORPUS) -> tuple[list[str], list[Record]]:
    """The corpus as one gold set: each article with its first listed annotator's records."""
    table = articles_table(folder)
    by_annotator = annotations(folder)
    records = [r for article, who in table.items() for r in by_annotator.get(who[0], []) if r.article == article]
    return list(table), records


def _name_words(name: str) -> set[str]:
    """The distinctive words of an actor name (all its words when none is distinctive: "United States")."""
    words = set(re.findall(r"[\w']+", fold(name)))
    return {w for w in words if w not in NAME_STOP and len(w) > 1} or words


def same_actor(a: Record, b: Record) -> bool:
    """The same party: equal country codes, or a shared distinctive name word."""
    if a.country and b.country:
        return a.country == b.country
    return bool(_name_words(a.actor) & _name_words(b.actor))


def matches(pred: Record, gold_: Record, text: str, *, family: bool = False) -> bool:
    """The guideline's match of a prediction against a gold record of the same article."""
    same_stance = FAMILY[pred.stance] == FAMILY[gold_.stance] if family else pred.stance == gold_.stance
    if not same_stance or not same_actor(pred, gold_):
        return False
    where = fold(pred.issue) + "\n" + fold(text[pred.start:pred.end])
    return any(k in where for k in gold_.keywords)


def _overlap(a: Record, b: Record) -> bool:
    """True when two evidence spans share a character."""
    return a.start < b.end and b.start < a.end


def prf(hits: int, predicted: int, gold_count: int) -> dict:
    """Counts with precision, recall and F1."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold_count if gold_count else 0.0
    return {"matched": hits, "predicted": predicted, "gold": gold_count, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def score(preds: list[Record], golds: list[Record], texts: dict[str, dict], *, family: bool = False) -> dict:
    """P/R/F1 under one-to-one matching, overall and by stance."""
    pairs = []
    for i, p in enumerate(preds):
        text = texts[p.article]["text"]
        for j, g in enumerate(golds):
            if p.article == g.article and matches(p, g, text, family=family):
                pairs.append((not _overlap(p, g), abs(p.start - g.start), i, j))
    used_p, used_g = set(), set()
    for _, _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    result = prf(len(used_p), len(preds), len(golds))
    result["by_stance"] = {s: prf(sum(1 for i in used_p if preds[i].stance == s), sum(1 for p in preds if p.stance == s),
                                  sum(1 for g in golds if g.stance == s)) for s in STANCES}
    return result


def folds(articles: list[str], k: int = 5) -> list[list[str]]:
    """k folds of article ids, each corpus dealt round-robin in sorted order so every fold tests both."""
    out: list[list[str]] = [[] for _ in range(k)]
    for name in sorted({corpus_of(a) for a in articles}):
        members = sorted(a for a in articles if corpus_of(a) == name)
        for i, article in enumerate(members):
            out[i % k].append(article)
    return out
