"""Splitting a page into normalised lines, and the shape of one line (length, words, punctuation, case)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w ]+")
_ANY_DIGIT = re.compile(r"\d")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])")
# Scripts written without spaces between words: a run of these counts one "word" per two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]+")
_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»)]）」』")
# a sentence end: terminal punctuation (maybe inside closing quotes), a space, then the next sentence's
# first letter or digit (captured: a lower-case one means "e.g. the", not a new sentence); scripts
# written without spaces end a sentence with "。！？" alone
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]*(\w)|[。！？](?!\s*$)")
_MAX_KEY_CHARS = 400


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of a page with the shape features the cleaner reasons about."""

    index: int  # position among the page's non-empty lines
    text: str  # whitespace collapsed
    chars: int
    words: tuple[str, ...]  # lower case, for stop-word shares
    word_count: int  # counts unspaced scripts (Chinese, Japanese, Thai) at two characters a word
    terminal: bool  # ends like a sentence
    lower_start: bool  # first letter is lower case (UI labels; headings and sentences start upper case)
    title_case_share: float  # share of cased words that are capitalised
    key: str  # line_key(text): how the line is recognised elsewhere on the page and on other pages
    folded: str  # what cues and dates are matched against (see fold)


def split_lines(text: str) -> list[Line]:
    """The page's non-empty lines, whitespace collapsed, in order (index = position among them)."""
    out: list[Line] = []
    for clean in _clean_lines(text):
        out.append(make_line(len(out), clean))
    return out


def page_keys(text: str) -> set[str]:
    """The distinct non-empty line keys of a page (what `split_lines` would give, without the features)."""
    return {key for key in map(line_key, _clean_lines(text)) if key}


def _clean_lines(text: str) -> Iterator[str]:
    """The page's non-empty lines with control characters dropped and whitespace collapsed."""
    for raw in text.splitlines():
        clean = " ".join(_printable(raw).split())
        if clean:
            yield clean


def _printable(raw: str) -> str:
    """The line without control and format characters (binary junk, zero-width marks)."""
    if raw.isprintable():
        return raw
    return "".join(ch if ch.isprintable() else " " for ch in raw)


def make_line(index: int, text: str) -> Line:
    """A Line with its shape features computed."""
    tokens = _WORD.findall(text)
    unspaced = sum(len(run) for run in _UNSPACED.findall(text)) if not text.isascii() else 0
    initials = [w[0] for w in tokens]
    capitalised = sum(1 for ch in initials if ch.isupper())
    cased = capitalised + sum(1 for ch in initials if ch.islower())
    folded = fold(text)
    return Line(
        index=index,
        text=text,
        chars=len(text),
        words=tuple(_WORD.findall(folded)),
        word_count=len(tokens) + unspaced // 2,
        terminal=ends_sentence(text),
        lower_start=_first_letter(text).islower(),
        title_case_share=capitalised / cased if cased else 0.0,
        key=line_key(text),
        folded=folded,
    )


def fold(text: str) -> str:
    """The text as cues and dates are matched against: lower case, letters split from digits, one space.

    "article4" and "itemsend" come from labels glued to counters by naive scrapers: splitting letters
    from digits lets "listen to this article" match.
    """
    folded = text.casefold()
    if _ANY_DIGIT.search(folded):
        folded = _LETTER_DIGIT.sub(" ", folded)
    return " ".join(folded.split())


def _first_letter(text: str) -> str:
    """The first letter, digit or opening quote of the text ('' when there is none)."""
    for ch in text[:50]:
        if ch.isalnum() or ch in "\"'“‘«([":
            return ch
    return ""


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (terminal punctuation, possibly inside closing quotes)."""
    end = len(text) - 1
    while end >= 0 and text[end] in _CLOSERS:
        end -= 1
    return end >= 0 and text[end] in _TERMINAL


def sentence_count(text: str) -> int:
    """How many sentences the text holds, told from sentence ends followed by a sentence start (at least 1)."""
    ends = sum(1 for m in _SENTENCE_END.finditer(text) if not (m.group(1) or "").islower())
    return ends + 1


def line_key(line: str) -> str:
    """The normalised form of a line used to recognise it across pages (for `recurring`).

    Case, punctuation, spacing and the value of numbers are ignored, so a footer with this year's
    date or a counter ("12 comments") is the same line on every page.
    """
    text = unicodedata.normalize("NFKC", line[: _MAX_KEY_CHARS * 2]).casefold()
    text = _NON_WORD.sub(" ", _DIGITS.sub("0", text))
    return " ".join(text.split())[:_MAX_KEY_CHARS]
