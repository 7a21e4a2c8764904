"""The actor stage's result: canonical actors of one article, and the lookup of a text span's actor."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Actor:
    """One actor of an article with every place the article mentions it (character offsets)."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The actor as the JSON output contract names it."""
        return {"name": self.name, "country": self.country, "sector": self.sector, "role": self.role}


@dataclass(frozen=True, slots=True)
class TokenArcs:
    """Each token's character span, syntactic head and whether it is a verb: enough to find a span's head."""

    starts: list[int]
    ends: list[int]
    heads: list[int]
    verbal: list[bool]


@dataclass(slots=True)
class ActorIndex:
    """The actors of one article; `at()` says which actor a span of its text refers to."""

    actors: list[Actor]
    tokens: TokenArcs | None = field(default=None, repr=False)
    _spans: list[tuple[int, int, int]] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)  # the mentions' starts, in `_spans` order
    _longest: int = field(default=0, repr=False)  # the longest mention's length in characters

    def __post_init__(self) -> None:
        """Index every mention by position: (start, end, actor number), tightest first among equals."""
        self._spans = sorted(
            ((s, e, n) for n, actor in enumerate(self.actors) for s, e in actor.mentions),
            key=lambda m: (m[0], m[1] - m[0]),
        )
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def at(self, start: int, end: int) -> Actor | None:
        """The actor the text span [start, end) refers to: the tightest mention around the span's head word.

        A name, alias, titled name, description or pronoun span finds its actor; a span naming a group
        ("Iranian officials") finds None. A clause ("Hashem said") finds the one actor mentioned in it.
        """
        if end <= start or not self._spans:
            return None
        if self.tokens is None:
            return self._widest_overlap(start, end)
        arcs = self.tokens
        first, last = bisect_right(arcs.ends, start), bisect_left(arcs.starts, end)
        if first >= last:
            return None
        roots = [t for t in range(first, last) if not first <= arcs.heads[t] < last or arcs.heads[t] == t]
        for root in roots:
            actor = self._tightest(arcs.starts[root], arcs.ends[root])
            if actor is not None:
                return actor
        if any(arcs.verbal[root] for root in roots):
            inside = {n for s, e, n in self._spans if start <= s and e <= end}
            if len(inside) == 1:
                return self.actors[inside.pop()]
        return None

    def by_name(self, name: str) -> Actor | None:
        """The actor with this canonical name (case-insensitive), or None."""
        wanted = name.casefold()
        return next((a for a in self.actors if a.name.casefold() == wanted), None)

    def _tightest(self, start: int, end: int) -> Actor | None:
        """The actor of the shortest mention containing [start, end), or None."""
        best = None
        # a mention starting before start - longest ends before start, so cannot contain the span: skip
        # those (the rest are read in the same order, so ties go the same way)
        first, last = bisect_left(self._starts, start - self._longest), bisect_right(self._starts, start)
        for s, e, n in self._spans[first:last]:
            if e >= end and (best is None or e - s < best[1] - best[0]):
                best = (s, e, n)
        return self.actors[best[2]] if best is not None else None

    def _widest_overlap(self, start: int, end: int) -> Actor | None:
        """Without token arcs: the actor whose mention overlaps the span most (the shorter on ties)."""
        best, best_key = None, None
        for s, e, n in self._spans:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best_key is None or (overlap, s - e) > best_key):
                best, best_key = n, (overlap, s - e)
        return self.actors[best] if best is not None else None
