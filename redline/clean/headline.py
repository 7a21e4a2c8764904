"""Headline-shaped lines and the evidence that one is an article's headline (the page title, a repeat, a start).

A headline is short, starts like a title, and does not end like a sentence: a long sentence with a
full stop (a standfirst) is never one. A headline-shaped line is evidence of an article's headline when
it repeats the page title that naive scrapers put first (minus the site name after a separator), when
it appears more than once on the page (title tag, h1, share text, a trailer after the body), or when
it opens an article: its byline or dateline just below it, then body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    # a first line made of widget cues ("Listen to this article 5 min") is no page title
    from_title = title_keys(lines[0], options) if 0 not in widgets else frozenset()
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


def article_starts(
    lines: list[Line], marks: set[int], widgets: set[int], body: list[int], options: CleanOptions
) -> tuple[int, ...]:
    """Positions of headlines that open an article: the signature of a news page's (first) article.

    A headline-shaped line, then its byline or dateline (`marks`) at most `start_mark_lines` lines
    below it (a standfirst may sit between), then body lines within `title_window_lines` of the
    headline. `body` holds the sorted positions of body lines.
    """
    out: set[int] = set()
    for mark in sorted(marks):
        head = _headline_above(lines, mark, marks, widgets, options)
        if head is None:
            continue
        k = bisect_right(body, mark)
        if k < len(body) and body[k] - head <= options.title_window_lines:
            out.add(head)
    return tuple(sorted(out))


def _headline_above(
    lines: list[Line], mark: int, marks: set[int], widgets: set[int], options: CleanOptions
) -> int | None:
    """The headline-shaped line a byline or dateline sits under, or None.

    Other bylines and datelines may lie between, and one other line (a standfirst); a second one
    means the mark sits inside a body. A widget between means the line above is a link ("Next post",
    a title, "1 comment", then a comment's date), not the headline of what follows.
    """
    other = 0
    for i in range(mark - 1, max(-1, mark - options.start_mark_lines - 1), -1):
        if i in marks:
            continue
        if i in widgets:
            return None
        if is_headline_shaped(lines[i], options):
            # an author's name above a dateline (a list of other stories) is shaped like a short headline
            return i if lines[i].word_count >= options.start_title_min_words else None
        other += 1
        if other > 1:
            return None
    return None


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
