"""Drafting a case profile from articles (`redline profile suggest`): the parties that hold the most
positions and the largest open-mode issue clusters (`map_issues`), each with its label as the proposition
and its member phrases as key phrases."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from redline.dealspace.issues import map_issues
from redline.positions.model import Position

MAX_PARTIES = 10
MAX_ISSUES = 12
MAX_PHRASES = 8


def suggest_profile(articles: Iterable[Any], *, key: str = "my-case", label: str | None = None) -> dict:
    """A draft profile mapping (the YAML schema of redline/data/profiles) from articles.

    Articles that already carry `positions` (open mode) are used as they are; the others are parsed and
    run through the actor, quote and position stages here.
    """
    positions = [p for article in articles for p in _positions(article)]
    parties = Counter(p.actor for p in positions)
    found = map_issues(positions)
    clusters: dict[str, Counter] = defaultdict(Counter)
    for p, where in zip(positions, found.placements):
        if where.key is not None:
            clusters[where.key][(p.issue_text or p.issue).strip()] += 1
    ranked = sorted(clusters.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:MAX_ISSUES]
    return {
        "key": key,
        "label": label or key,
        "parties": [{"name": name, "aliases": []} for name, _ in parties.most_common(MAX_PARTIES)],
        "issues": [
            {"key": _slug(name), "label": name, "proposition": name, "aliases": [],
             "phrases": [phrase for phrase, _ in members.most_common(MAX_PHRASES)]}
            for name, members in ranked
        ],
    }


def _positions(article: Any) -> list[Position]:
    """An article's open-mode positions: its own, or found now."""
    found = getattr(article, "positions", None)
    if found:
        return list(found)
    text = getattr(article, "text", "") or ""
    if not text.strip():
        return []
    # The stages load spaCy: imported only when articles come without positions.
    from redline.actors import find_actors
    from redline.nlp import load_pipeline
    from redline.positions.extract import extract_positions
    from redline.quotes import extract_quotes

    doc = load_pipeline()(text)
    actors = find_actors(doc, published=getattr(article, "published", None))
    return extract_positions(doc, actors, extract_quotes(doc, actors), published=getattr(article, "published", None))


def _slug(name: str) -> str:
    """An issue key from its label: lower case, words joined by underscores."""
    words = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return "_".join(words[:4]) or "issue"
