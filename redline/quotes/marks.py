"""Pairing quote marks into quoted regions, robustly: a stray mark never swallows the rest of the text.

Curly marks say which way they face; a straight mark is read from its neighbours (after a space it opens,
before a space or punctuation it closes) and otherwise toggles. A quotation never runs past the end of
its paragraph, except by the news convention for long quotes: a paragraph that opens a quote and does not
close it continues into the next paragraph when that one starts with a quote mark. An opening mark left
unclosed is dropped on its own (textacy drops every quote of a document with an odd count; we don't).
Single quotes are not paired: ’ is also the apostrophe.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

OPENING = frozenset({"“", "„", "‟", "«", "``"})
CLOSING = frozenset({"”", "»"})
STRAIGHT = frozenset({'"', "''"})  # '' is the ASCII double quote of some newsrooms (NYT): ''It's anti-reform.''
# A straight mark right after one of these opens a quote; right before one of these it closes one.
_OPENS_AFTER = frozenset(" \t\n\r\u00a0([{—–-/“„‟«")
_CLOSES_BEFORE = frozenset(" \t\n\r\u00a0.,;:!?)]}—–-/”»")
_STYLE = {"“": "curly", "”": "curly", "„": "curly", "‟": "curly", "«": "angle", "»": "angle",
          "``": "ascii", "''": "ascii", '"': "straight"}
_MARK = re.compile("|".join(re.escape(m) for m in sorted(OPENING | CLOSING | STRAIGHT, key=len, reverse=True)))


class Facing(Enum):
    """Which way a quote mark faces."""

    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """The text between a pair of quote marks: `start`/`end` exclude the marks, `open_mark` is the opening
    mark's offset and `close_end` the offset just after the closing mark; `paragraphs` counts breaks + 1."""

    open_mark: int
    start: int
    end: int
    close_end: int
    paragraphs: int = 1

    @property
    def close_mark(self) -> int:
        """Offset of the closing mark."""
        return self.end


def facing(text: str, start: int, end: int) -> Facing:
    """Which way the quote mark at text[start:end] faces."""
    mark = text[start:end]
    if mark in OPENING:
        return Facing.OPEN
    if mark in CLOSING:
        return Facing.CLOSE
    opens = start == 0 or text[start - 1] in _OPENS_AFTER
    closes = end == len(text) or text[end] in _CLOSES_BEFORE
    if opens and not closes:
        return Facing.OPEN
    if closes and not opens:
        return Facing.CLOSE
    return Facing.EITHER


def _marks(text: str) -> list[tuple[int, int, Facing]]:
    """Every quote mark in the text, in order: start, end and facing."""
    return [(m.start(), m.end(), facing(text, m.start(), m.end())) for m in _MARK.finditer(text)]


def _continues(text: str, after: int, pos: int) -> bool:
    """True when the mark at `pos` opens the paragraph right after the one holding `after`."""
    newline = text.find("\n", after, pos)
    return newline >= 0 and (newline + 1 == pos or text[newline + 1 : pos].isspace())


@dataclass(slots=True)
class _Open:
    """The quote being read: its opening mark, the style that must close it, and its latest paragraph."""

    mark: int
    start: int
    style: str
    tail: int
    paragraphs: int = 1


def pair_marks(text: str) -> list[QuotedRegion]:
    """The quoted regions of a text, in order, from one pass over its quote marks.

    A quote closes only with a mark of its own style (curly, angle, ASCII `` '', straight "): inside a
    curly quote a straight pair is a quote within the quote, and mixed styles never pair across paragraphs.
    """
    regions: list[QuotedRegion] = []
    current: _Open | None = None
    for start, end, face in _marks(text):
        style = _STYLE[text[start:end]]
        if current is not None and text.find("\n", current.tail, start) >= 0:
            if style == current.style and face is not Facing.CLOSE and _continues(text, current.tail, start):
                current.tail, current.paragraphs = start, current.paragraphs + 1
                continue
            current = None  # unclosed at its paragraph's end: drop that mark alone
        if current is None or (style == current.style and face is Facing.OPEN):
            if face is not Facing.CLOSE:
                current = _Open(start, end, style, start)
            continue
        if style == current.style:
            regions.append(QuotedRegion(current.mark, current.start, start, end, current.paragraphs))
            current = None
    return regions


class RegionIndex:
    """The quoted regions of one text, for asking which region (if any) holds an offset."""

    def __init__(self, regions: list[QuotedRegion]) -> None:
        self.regions = regions
        self._starts = [region.open_mark for region in regions]

    def at(self, pos: int) -> QuotedRegion | None:
        """The region whose marks enclose the offset (marks included), or None."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.regions[i].close_end:
            return self.regions[i]
        return None

    def overlapping(self, start: int, end: int) -> list[QuotedRegion]:
        """The regions (marks included) that share at least one character with [start, end)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        for region in self.regions[i:]:
            if region.open_mark >= end:
                break
            if region.close_end > start:
                found.append(region)
        return found


def count_marks(text: str, start: int, end: int) -> int:
    """How many quote marks lie within text[start:end]."""
    return sum(1 for _ in _MARK.finditer(text, start, end))


def mark_starting(text: str, pos: int, end: int) -> int:
    """The length of the quote mark starting at `pos` (within `end`), or 0."""
    found = _MARK.match(text, pos, end)
    return found.end() - pos if found else 0


def mark_ending(text: str, start: int, pos: int) -> int:
    """The length of the quote mark ending at `pos` (not before `start`), or 0."""
    for mark in sorted(OPENING | CLOSING | STRAIGHT, key=len, reverse=True):
        if pos - len(mark) >= start and text.startswith(mark, pos - len(mark)):
            return len(mark)
    return 0
