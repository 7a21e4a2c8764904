"""A flat, read-only view of a spaCy Doc: the token attributes the actor stage reads, fetched once.

Reading `token.dep_` builds a Token object each time; the actor rules look at each token several times,
so one pass copies what they need into lists, and the rules index those lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)

from redline.quotes.marks import CLOSING, OPENING, STRAIGHT


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by the NER, as a token span."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class DocView:
    """Per-token lists (text, tags, dependency arcs, sentence, character offsets) of one Doc, and its text."""

    text: list[str]
    lower: list[str]
    tag: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    start_char: list[int]
    end_char: list[int]
    sent: list[int]
    sentence_rank: list[int]
    in_quote: list[bool]
    children: list[list[int]]
    entities: list[Entity]
    source: str

    @classmethod
    def of(cls, doc) -> DocView:
        """The view of a parsed Doc (read as one array: far cheaper than visiting Token objects)."""
        array = doc.to_array([ORTH, LOWER, TAG, POS, DEP, HEAD, SENT_START, IDX, ENT_IOB, ENT_TYPE, SPACY])
        columns = array.T.tolist()
        strings = doc.vocab.strings
        text = [strings[h] for h in columns[0]]
        lower = [strings[h] for h in columns[1]]
        tag, pos, dep = (_labels(column, strings) for column in columns[2:5])
        # HEAD and SENT_START come back as unsigned numbers: read them as signed offsets and flags
        head = (array[:, 5].astype(numpy.int64) + numpy.arange(len(text))).tolist()
        sent = (numpy.cumsum(array[:, 6].astype(numpy.int64) == 1) - 1).clip(0).tolist()
        start = columns[7]
        end = [i + len(t) for i, t in zip(start, text)]
        children: list[list[int]] = [[] for _ in text]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        in_quote = _quoted(text)
        return cls(
            text=text, lower=lower, tag=tag, pos=pos, dep=dep, head=head, start_char=start, end_char=end,
            sent=sent, sentence_rank=_narrative_ranks(sent, in_quote, pos), in_quote=in_quote, children=children,
            entities=_entities(columns[8], columns[9], strings),
            source="".join(t + " " if space else t for t, space in zip(text, columns[10])),
        )

    def __len__(self) -> int:
        """Number of tokens."""
        return len(self.text)

    def subtree(self, i: int) -> tuple[int, int]:
        """The token span [start, end) covered by token i and its descendants."""
        low = high = i
        stack = [i]
        while stack:
            j = stack.pop()
            low, high = min(low, j), max(high, j)
            stack.extend(self.children[j])
        return low, high + 1

    def within(self, i: int, start: int, end: int) -> bool:
        """True when token i's chain of heads reaches a token in [start, end) before a root or a token past `end`."""
        j = i
        while not start <= j < end:
            h = self.head[j]
            if h == j or h >= end:
                return False
            j = h
        return True

    def is_subject(self, i: int) -> bool:
        """True for a clause subject (active or passive)."""
        return self.dep[i] in ("nsubj", "nsubjpass")

    def distance(self, earlier: int, later: int) -> int:
        """How many narrative sentences (not wholly quoted) lie from token `earlier`'s sentence to `later`'s."""
        return self.sentence_rank[self.sent[later]] - self.sentence_rank[self.sent[earlier]]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of the token span [start, end)."""
        return self.start_char[start], self.end_char[end - 1]

    def span_text(self, start: int, end: int, source: str) -> str:
        """The text of the token span [start, end), cut from the source text."""
        return source[self.start_char[start]:self.end_char[end - 1]]


def _labels(column: list[int], strings) -> list[str]:
    """The strings of a column of label ids (few distinct values: each is looked up once)."""
    names = {h: strings[h] for h in set(column)}
    return [names[h] for h in column]


# ENT_IOB codes: 3 begins an entity, 1 continues it, 2 is outside, 0 unset
_BEGIN, _INSIDE = 3, 1


def _entities(iob: list[int], types: list[int], strings) -> list[Entity]:
    """Entity spans from the IOB and type columns (`doc.ents` builds Span objects token by token)."""
    found: list[Entity] = []
    start = None
    for i, code in enumerate(iob):
        if start is not None and code != _INSIDE:
            found.append(Entity(start, i, strings[types[start]]))
            start = None
        if code == _BEGIN:
            start = i
    if start is not None:
        found.append(Entity(start, len(iob), strings[types[start]]))
    return found


def _narrative_ranks(sent: list[int], in_quote: list[bool], pos: list[str]) -> list[int]:
    """For each sentence, how many narrative sentences come before it.

    A sentence wholly inside quotation marks is not narrative: a five-sentence quote between a name and
    "he said" does not put the name five sentences away.
    """
    count = (sent[-1] + 1) if sent else 0
    narrative = [False] * count
    for s, quoted, p in zip(sent, in_quote, pos):
        if not quoted and p not in ("PUNCT", "SPACE"):
            narrative[s] = True
    ranks, rank = [], 0
    for is_narrative in narrative:
        ranks.append(rank)
        rank += is_narrative
    return ranks


def _quoted(text: list[str]) -> list[bool]:
    """Whether each token is inside quotation marks (the marks themselves included)."""
    flags = []
    inside = False
    for word in text:
        if "\n" in word:
            # a quote left open at a paragraph end is closed there (news quotes reopen each paragraph)
            inside = False
            flags.append(False)
        elif word in OPENING or (word in STRAIGHT and not inside):
            inside = True
            flags.append(True)
        elif word in CLOSING or word in STRAIGHT:
            flags.append(True)
            inside = False
        else:
            flags.append(inside)
    return flags
