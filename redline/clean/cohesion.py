"""Lexical cohesion: how much of a block's vocabulary the text kept so far already uses.

A body that resumes after an inline widget keeps talking about the same people, places and things;
a list of other stories does not.
"""

from __future__ import annotations

import re

from .blocks import Block
from .lines import Line

_CONTENT = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str, stop_words: frozenset[str]) -> list[str]:
    """The text's content words: lower case, four letters or more, not stop words."""
    return [w for w in (m.casefold() for m in _CONTENT.findall(text)) if w not in stop_words]


class Cohesion:
    """Measures a candidate block against the kept blocks (and the headline) of one page."""

    def __init__(self, lines: list[Line], stop_words: frozenset[str], extra: str = "") -> None:
        self._lines = lines
        self._stop = stop_words
        self._vocabulary = set(content_words(extra, stop_words))
        self._counted: set[int] = set()

    def __call__(self, kept: list[Block], candidate: Block) -> float:
        """The share of the candidate's content words that the kept blocks or the headline use."""
        for block in kept:
            if block.first not in self._counted:  # kept only grows: each block's words are added once
                self._counted.add(block.first)
                for i in block.members:
                    self._vocabulary.update(content_words(self._lines[i].text, self._stop))
        vocabulary = self._vocabulary
        words = [w for i in candidate.members for w in content_words(self._lines[i].text, self._stop)]
        if not words:
            return 0.0
        return sum(1 for w in words if w in vocabulary) / len(words)
