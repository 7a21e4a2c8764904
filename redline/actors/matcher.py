"""Finding the dictionary's written forms in a Doc: one spaCy PhraseMatcher, compiled once per vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher

# The matcher knows the dictionary's `Surface` records only as values keyed by their text, so it imports
# nothing from dictionary.py: the dictionary builds its matcher, one way.


@dataclass(frozen=True, slots=True)
class Hit:
    """A written form found in the text: the token span [start, end) and what it may stand for."""

    start: int
    end: int
    surfaces: tuple[Any, ...]  # the dictionary's Surface records for the matched text


class DictionaryMatcher:
    """Case-sensitive matching of every written form ("US" must not match "us"), longest match first."""

    def __init__(self, surfaces: Mapping[str, tuple[Any, ...]], vocab) -> None:
        """Compile the forms with an English tokenizer sharing the Doc's vocabulary."""
        self.vocab = vocab
        self._surfaces = surfaces
        self._matcher = PhraseMatcher(vocab, attr="ORTH")
        tokenizer = English(vocab=vocab).tokenizer
        for text, pattern in zip(surfaces, tokenizer.pipe(surfaces)):
            self._matcher.add(text, [pattern])

    def hits(self, doc) -> list[Hit]:
        """Non-overlapping hits in text order; where forms overlap the longest wins, then the earliest."""
        found = sorted(self._matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        taken = bytearray(len(doc))
        hits = []
        strings = self.vocab.strings
        for match_id, start, end in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            hits.append(Hit(start, end, self._surfaces[strings[match_id]]))
        hits.sort(key=lambda hit: hit.start)
        return hits
