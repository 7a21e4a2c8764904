"""Language-aware stop-word lists (spaCy's, imported lazily) and the stop-word share of a line."""

from __future__ import annotations

import heapq
import importlib
import re
from functools import lru_cache

from redline.language import detect_language

from .lines import Line

_CODE = re.compile(r"^[a-z]{2,3}$")
_SAMPLE_CHARS = 4000
_SAMPLE_LINES = 40


@lru_cache(maxsize=64)
def stop_words(code: str | None) -> frozenset[str]:
    """spaCy's stop words for an ISO 639-1 code, lower case; empty when spaCy has no list for it."""
    if not code or not _CODE.match(code):
        return frozenset()
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except Exception:  # noqa: BLE001 - any import failure means "no list", never a crash
        return frozenset()
    return frozenset(word.casefold() for word in getattr(module, "STOP_WORDS", ()))


def page_language(lines: list[Line]) -> str | None:
    """The language of the page's prose, told from its longest lines (menus would mislead it)."""
    sample: list[str] = []
    size = 0
    for line in heapq.nlargest(_SAMPLE_LINES, lines, key=lambda ln: ln.chars):
        if size >= _SAMPLE_CHARS:
            break
        sample.append(line.text[: _SAMPLE_CHARS])
        size += min(line.chars, _SAMPLE_CHARS)
    return detect_language("\n".join(sample))


def stop_share(line: Line, words: frozenset[str]) -> float:
    """The share of the line's (lower-case) words that are stop words (0 when there are no words or no list)."""
    if not words or not line.words:
        return 0.0
    hits = sum(1 for word in line.words if word in words)
    return hits / len(line.words)
