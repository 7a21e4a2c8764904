"""What one article's text looks like when it reaches the parser: bounded in length and in degenerate runs.

spaCy refuses texts over its `max_length` (E088), its tokenizer is slow on 200,000 quote marks in a row,
and a run of 60,000 `Mr.` parses into a tree 60,000 deep that recursive walks overflow. Runs are blanked
with spaces of the same length, so every character offset the later stages record still points into the
stored article text; a text over `max_nlp_chars` is cut, and the cut is said in the run summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redline.bounds import Bounds


@dataclass(frozen=True, slots=True)
class ParserText:
    """The text handed to spaCy, how many characters were cut off its end and how many were blanked."""

    text: str
    cut: int = 0
    blanked: int = 0

    def notes(self, total: int) -> list[str]:
        """One-line notes on what was changed, for the run summary (empty when nothing was)."""
        found = []
        if self.cut:
            found.append(f"analysed the first {len(self.text):,} of {total:,} characters (bounds.max_nlp_chars)")
        if self.blanked:
            found.append(f"{self.blanked:,} characters of degenerate runs (one character or word repeated) left out of the analysis")
        return found


@lru_cache(maxsize=4)
def _patterns(bounds: Bounds) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The run patterns for these bounds: one character, one word, one space-free chunk."""
    char_run = re.compile(r"(\S)\1{%d,}" % bounds.max_char_run)
    word_run = re.compile(r"(?<!\S)(\S++)(?:[ \t]++\1(?!\S)){%d,}" % bounds.max_token_run)
    long_chunk = re.compile(r"\S{%d,}" % (bounds.max_word_chars + 1))
    return char_run, word_run, long_chunk


def parser_text(text: str, bounds: Bounds) -> ParserText:
    """The article text as the parser may see it: cut to `max_nlp_chars`, degenerate runs blanked."""
    cut = max(0, len(text) - bounds.max_nlp_chars)
    shaped = text[: bounds.max_nlp_chars] if cut else text
    blanked = 0
    char_run, word_run, long_chunk = _patterns(bounds)
    for pattern, keep in ((char_run, bounds.max_char_run), (word_run, None), (long_chunk, bounds.max_word_chars)):
        if not pattern.search(shaped):
            continue
        counted: list[int] = []
        shaped = pattern.sub(lambda m: _blank(m, keep, counted), shaped)
        blanked += sum(counted)
    return ParserText(text=shaped, cut=cut, blanked=blanked)


def _blank(match: re.Match, keep: int | None, counted: list[int]) -> str:
    """The matched run with everything after its first `keep` characters (or its first word) as spaces."""
    run = match.group()
    head = len(match.group(1)) if keep is None else keep
    counted.append(len(run) - head)
    return run[:head] + " " * (len(run) - head)


def cap_sentences(doc, max_tokens: int):
    """Start a sentence wherever `max_tokens` tokens have passed with no . ! ? or line break (before the parser).

    The parser keeps preset sentence starts, so no sentence, and no parse tree, is longer or deeper than this.
    """
    since = 0
    for token in doc:
        if token.is_sent_start or "\n" in token.text:
            since = 0
        elif since >= max_tokens:
            token.is_sent_start = True
            since = 0
        since += 1
        if token.text in (".", "!", "?") or "\n" in token.whitespace_:
            since = 0
    return doc


def span_of(token):
    """A token's subtree as a flat slice of the doc, between its left and right edges: no recursion.

    spaCy's `Token.subtree` is a recursive generator, one level per tree level; a degenerate parse
    60,000 deep overflowed the C stack. The English parser is projective, so the subtree is this slice.
    """
    return token.doc[token.left_edge.i : token.right_edge.i + 1]
