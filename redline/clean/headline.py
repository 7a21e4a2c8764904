"""Headline-shaped lines and the evidence that one is the page's headline (the page title, a repeat).

A headline is short, starts like a title, and does not end like a sentence: a long sentence with a
full stop (a standfirst) is never one. A headline-shaped line is evidence of an article's headline when
it repeats the page title that naive scrapers put first (minus the site name after a separator) or
when it appears more than once on the page (title tag, h1, share text, a trailer after the body).
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line, line_key
from .options import CleanOptions

# Page titles join the headline and the site name with one of these.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—•·»\-]\s+|\s*\|\s*|:\s+")
_SITE_SEPARATOR = re.compile(r"\s+[|–—\-]\s+|\s*\|\s*")
_MAX_TITLE_PARTS = 6
_TITLE_LINE_FACTOR = 2  # a page-title line is at most twice a headline's length (headline plus site name)
TITLE_MATCH = 2
REPEATED = 1


def is_headline_shaped(line: Line, options: CleanOptions) -> bool:
    """True for a line that could be a headline: a few words, title-like start, no full stop at the end."""
    if not options.title_min_words <= line.word_count <= options.title_max_words:
        return False
    if line.lower_start or line.text.rstrip("\"'”’»").endswith((".", "…", ":", ",", ";")):
        return False
    return any(ch.isalpha() for ch in line.text)


def title_keys(first: Line, options: CleanOptions) -> frozenset[str]:
    """Keys of the headline candidates in a page-title line: the line and its runs of separator parts."""
    if first.word_count > options.title_max_words * _TITLE_LINE_FACTOR:
        return frozenset()  # a paragraph, not a page title
    parts = [p for p in _TITLE_SEPARATOR.split(first.text) if p.strip()][:_MAX_TITLE_PARTS]
    keys = {first.key}
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            text = " ".join(parts[start:end])
            if len(text.split()) >= options.title_min_words:
                keys.add(line_key(text))
    return frozenset(k for k in keys if k)


def headline_strength(
    lines: list[Line], datelines: set[int], widgets: set[int], options: CleanOptions
) -> dict[int, int]:
    """For each headline-evidenced line: TITLE_MATCH when it repeats the page title, REPEATED when it repeats.

    A widget cue does not disqualify a repeat of the page title ("... shares plunge"), but a line
    that merely repeats needs more words and no widget cue, since menus repeat too.
    """
    if not lines:
        return {}
    from_title = title_keys(lines[0], options)
    counts = Counter(line.key for line in lines)
    out: dict[int, int] = {}
    for line in lines:
        if line.index in datelines or not is_headline_shaped(line, options):
            continue
        if line.index > 0 and line.key in from_title:
            out[line.index] = TITLE_MATCH
        elif line.index in widgets or line.word_count < options.repeated_title_min_words:
            continue
        elif counts[line.key] > 1 or line.index == 0:
            out[line.index] = REPEATED
    return out


def strip_site_name(text: str, max_site_words: int) -> str:
    """A page-title line without the site name after its last separator ("Headline | Site" -> "Headline")."""
    last = None
    for last in _SITE_SEPARATOR.finditer(text):
        pass
    if last is None:
        return text
    head, tail = text[: last.start()].strip(), text[last.end() :].strip()
    if len(tail.split()) <= max_site_words and len(head.split()) >= 2:
        return head
    return text


def closing_headlines(lines: list[Line], anchors: dict[int, int]) -> tuple[int, ...]:
    """Positions of headline lines that can close an article: repeats of a headline seen higher on the
    page (a trailer printed below its article, or the second of a headline printed twice in a row)."""
    seen: set[str] = set()
    out: list[int] = []
    for i in sorted(anchors):
        if lines[i].key in seen:
            out.append(i)
        seen.add(lines[i].key)
    return tuple(out)
