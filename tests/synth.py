"""Synthetic news text for tests: varied, deterministic articles written from a small vocabulary."""

from __future__ import annotations

import json
import random
from pathlib import Path

_SUBJECTS = ["The foreign minister", "A senior envoy", "The delegation", "Negotiators", "The president's adviser",
             "A government spokesperson", "The mediator", "Opposition leaders", "The defence ministry", "Diplomats"]
_VERBS = ["said", "warned", "insisted", "argued", "repeated", "told reporters", "signalled", "suggested"]
_CLAUSES = ["the talks would continue next week", "sanctions relief must come first", "missile limits were not on the table",
            "a ceasefire could hold if both sides kept their word", "the proposal needed more work",
            "inspectors should return to the sites", "the naval deployment raised tensions", "prisoner exchanges were discussed",
            "the border crossing would reopen on Sunday", "a framework agreement was within reach",
            "no date had been set for a second round", "regional allies had been consulted"]
_PLACES = ["Muscat", "Doha", "Geneva", "Vienna", "Cairo", "Istanbul", "Riyadh", "Oslo"]


def article_text(seed: int, paragraphs: int = 5) -> str:
    """A multi-paragraph article body, different for each seed."""
    rng = random.Random(seed)
    out = []
    for p in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} that "
                             f"{rng.choice(_CLAUSES)}, according to note {seed}-{p}-{rng.randint(0, 10**6)}.")
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def write_corpus(folder: Path, *, records: int, near_duplicate_every: int = 10) -> Path:
    """A JSON Lines corpus in which every n-th record re-publishes an earlier one with small edits."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(records):
            if i and i % near_duplicate_every == 0:
                text = article_text(i - 1).replace("according to note", "according to a note", 1) + "\n\nEditing by the desk."
            else:
                text = article_text(i)
            record = {"title": f"Story {i}", "text": text, "date": f"2026-02-{1 + i % 28:02d}", "source": f"site{i % 3}.example"}
            handle.write(json.dumps(record) + "\n")
    return path
