"""Splitting a page's kept body lines into the articles it holds, each with its headline and dateline date.

Boundary rule: a headline-evidenced line (the page title repeated, or a headline-shaped line that
appears more than once) standing between body lines marks a boundary between two articles when it
closes the article above it (it is that article's own headline again, or a headline printed twice
in a row), the text after it changes topic (at most `max_boundary_cohesion` of its content words
appear in the article above) and each side holds at least `min_segment_chars` of body text. A
headline that merely appears elsewhere on the page (a "trending" list, a repeated button) does not
split an article. A gap holding an article start (a headline with its byline or dateline below,
see headline.article_starts) marks a boundary whatever the topic, given enough text on each side:
that is how a news page prints its next article, which may well follow the same story.

Title rule: an article takes the nearest headline above its body (for the first article, a repeat
of the page title anywhere above it wins over a line that merely repeats; past a boundary, any
headline-shaped line above the body counts). A headline right after a body that repeats that
body's own headline is its trailer (some sites print the headline again below the article), so it
is not the next article's headline; an article with no headline above takes a headline printed at
least twice right below its body (the layout of multi-article pages whose headlines follow their
bodies).

Date rule: an article's date comes from the nearest dateline above its body (not marked as an
update), else from one inside its body or, for the last article, printed right after it; an
"updated" dateline is used only when there is no other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from redline.records import Segment

from .cohesion import content_words
from .dateline import Dateline, pick_date
from .headline import TITLE_MATCH, is_headline_shaped, strip_site_name
from .lines import Line
from .options import CleanOptions


@dataclass(frozen=True, slots=True)
class Part:
    """One article's body lines (positions in the page) and the headline lines just above and below it."""

    body: tuple[int, ...]
    above: tuple[int, ...]
    below: tuple[int, ...]


def body_anchors(keep: list[int], anchors: dict[int, int], lines: list[Line]) -> dict[int, int]:
    """The anchors that can name an article: a line repeated in several gaps of the body is furniture.

    Interview questions, "Buy now" buttons and video notices repeat between paragraphs of one
    article; a headline repeats only around its own article (above it, or once between articles).
    """
    gaps_with: Counter[str] = Counter()
    for before, after in zip(keep, keep[1:]):
        gaps_with.update({lines[i].key for i in range(before + 1, after) if i in anchors})
    return {i: s for i, s in anchors.items() if s == TITLE_MATCH or gaps_with[lines[i].key] < 2}


def split_parts(
    keep: list[int],
    anchors: dict[int, int],
    starts: tuple[int, ...],
    lines: list[Line],
    stop_words: frozenset[str],
    furniture: set[int],
    options: CleanOptions,
) -> list[Part]:
    """The kept body lines cut where one article ends and an unrelated one (or an announced one) starts.

    `starts` holds the headlines of article starts; `furniture` holds lines that can never be a
    headline (datelines, bylines, widgets).
    """
    if not keep:
        return []
    cuts = _cut_points(keep, anchors, starts, lines, stop_words, options)
    bodies: list[list[int]] = []
    start = 0
    for cut in cuts:
        bodies.append(keep[start:cut])
        start = cut
    bodies.append(keep[start:])
    parts = []
    for n, body in enumerate(bodies):
        floor = bodies[n - 1][-1] if n else max(-1, body[0] - options.title_window_lines - 1)
        last = n + 1 == len(bodies)
        ceiling = min(len(lines), body[-1] + options.title_window_lines + 1) if last else bodies[n + 1][0]
        # past a confirmed boundary, any headline-shaped line above the body may be its headline
        above = tuple(
            i
            for i in range(floor + 1, body[0])
            if i in anchors or (n and i not in furniture and is_headline_shaped(lines[i], options))
        )
        below = tuple(i for i in range(body[-1] + 1, ceiling) if i in anchors)
        parts.append(Part(tuple(body), above, below))
    return parts


def _cut_points(
    keep: list[int],
    anchors: dict[int, int],
    starts: tuple[int, ...],
    lines: list[Line],
    stop_words: frozenset[str],
    options: CleanOptions,
) -> list[int]:
    """Positions in `keep` where a new article starts, with enough text on each side.

    The gap before it must open a new article (a headline with its byline or dateline below), or
    close the current article (it holds the current article's own headline again, or a headline
    printed twice in a row) with text after it that changes topic: little of its vocabulary appears
    in the current article. An opened article needs no change of topic: a news page's next article
    may well be on the same story.
    """
    opening = set(starts)
    total = sum(lines[i].chars for i in keep)
    cuts: list[int] = []
    done = seen = 0  # body chars before the last accepted cut, and before the current line
    vocabulary: set[str] = set()  # the current article's content words, read lazily up to `read`
    start = read = 0
    leader = _leader_key(keep[0], anchors, lines, options, first=True)
    for pos in range(1, len(keep)):
        seen += lines[keep[pos - 1]].chars
        gap = range(keep[pos - 1] + 1, keep[pos])
        keys = [lines[i].key for i in gap if i in anchors]
        opens = any(i in opening for i in gap)
        if not opens and not (keys and (leader in keys or len(set(keys)) < len(keys))):
            continue
        if seen - done < options.min_segment_chars or total - seen < options.min_segment_chars:
            continue
        if not opens:
            for i in keep[max(start, read) : pos]:
                vocabulary.update(content_words(lines[i].text, stop_words))
            read = pos
            if _overlap(vocabulary, keep[pos:], lines, stop_words, options) > options.max_boundary_cohesion:
                continue
        cuts.append(pos)
        done, start, vocabulary = seen, pos, set()
        leader = _leader_key(keep[pos], anchors, lines, options, first=False)
    return cuts


def _overlap(
    vocabulary: set[str], after: list[int], lines: list[Line], stop_words: frozenset[str], options: CleanOptions
) -> float:
    """The share of the next `boundary_window_chars` of text's content words already in the vocabulary."""
    words: list[str] = []
    budget = options.boundary_window_chars
    for i in after:
        if budget <= 0:
            break
        words.extend(content_words(lines[i].text[:budget], stop_words))
        budget -= lines[i].chars
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 1.0


def _leader_key(
    start: int, anchors: dict[int, int], lines: list[Line], options: CleanOptions, *, first: bool
) -> str | None:
    """The key of the headline above a body line.

    For the page's first article a repeat of the page title anywhere above wins; otherwise the
    nearest headline within the title window.
    """
    if first:
        titled = [i for i, s in anchors.items() if s == TITLE_MATCH and i < start]
        if titled:
            return lines[max(titled)].key
    for i in range(start - 1, max(-1, start - options.title_window_lines - 1), -1):
        if i in anchors:
            return lines[i].key
    return None


def to_segments(
    parts: list[Part],
    lines: list[Line],
    anchors: dict[int, int],
    datelines: dict[int, Dateline],
    options: CleanOptions,
) -> list[Segment]:
    """Segments with text, title and date for each part."""
    segments: list[Segment] = []
    previous_title: str | None = None
    for n, part in enumerate(parts):
        title_line = _title_line(part, lines, anchors, previous_title)
        if n == 0 and (title_line is None or anchors[title_line] != TITLE_MATCH):
            title_line = _page_title_above(part, anchors) or title_line
        title = _title_text(lines, title_line, options)
        day = _date(part, parts, n, lines, datelines, options)
        text = "\n".join(lines[i].text for i in part.body)
        segments.append(Segment(text=text, title=title, published=day))
        previous_title = lines[title_line].key if title_line is not None else None
    return segments


def _title_text(lines: list[Line], index: int | None, options: CleanOptions) -> str | None:
    """The headline's text; the page-title line (first line) loses its site name."""
    if index is None:
        return None
    text = lines[index].text
    return strip_site_name(text, options.site_name_max_words) if index == 0 else text


def _page_title_above(part: Part, anchors: dict[int, int]) -> int | None:
    """The last repeat of the page title anywhere above the first article's body."""
    found = [i for i, strength in anchors.items() if strength == TITLE_MATCH and i < part.body[0]]
    return max(found) if found else None


def _title_line(part: Part, lines: list[Line], anchors: dict[int, int], previous: str | None) -> int | None:
    """The position of the part's headline: the nearest above (not the previous article's trailer), else below."""
    above = [i for i in part.above if lines[i].key != previous]
    if above:
        strongest = max(anchors.get(i, 0) for i in above)
        if strongest == TITLE_MATCH:
            return max(i for i in above if anchors[i] == TITLE_MATCH)
        return above[-1]
    counts = Counter(lines[i].key for i in part.below)
    doubled = [i for i in part.below if counts[lines[i].key] > 1]
    return doubled[0] if doubled else None


def _date(
    part: Part, parts: list[Part], n: int, lines: list[Line], datelines: dict[int, Dateline], options: CleanOptions
) -> str | None:
    """The part's publication day: the nearest dateline above its body, else one inside or just below it.

    Above the body, the nearest dateline wins (a page clock sits further up); a dateline marked as an
    update only counts when no other is found.
    """
    first, last = part.body[0], part.body[-1]
    floor = parts[n - 1].body[-1] if n else max(-1, first - options.date_window_lines - 1)
    above = [datelines[i] for i in range(first - 1, floor, -1) if i in datelines]
    ceiling = last + options.date_window_lines if n + 1 == len(parts) else last
    below = [datelines[i] for i in range(first, min(len(lines) - 1, ceiling) + 1) if i in datelines]
    for dateline in above + below:
        if not dateline.updated:
            return dateline.day
    return pick_date(above + below)
