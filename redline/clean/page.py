"""Cleaning one page: lines, evidence, classes, main blocks, then the articles they hold."""

from __future__ import annotations

from dataclasses import dataclass

from redline.records import Segment

from .blocks import Block, GapEvidence, chain, choose_main, find_blocks
from .cohesion import Cohesion
from .classify import GOOD, Judged, gather_evidence, judge_alone, judge_in_context
from .cues import CueMatcher, cue_matcher
from .dateline import Dateline, date_finder, parse_dateline
from .headline import REPEATED, TITLE_MATCH, article_starts, closing_headlines, headline_strength
from .lines import Line, split_lines
from .options import CleanOptions, default_options
from .segment import body_anchors, split_parts, to_segments
from .stopwords import page_language, stop_words

# lines judged as these are never an article's headline
_NOT_HEADLINES = frozenset({"dateline", "byline", "widget", "notice", "recurring"})


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the cleaner concluded about one page, line by line and block by block."""

    lines: list[Line]
    language: str | None
    alone: list[Judged]
    kinds: list[str]
    datelines: dict[int, Dateline]
    anchors: dict[int, int]
    starts: tuple[int, ...]
    blocks: list[Block]
    kept: list[Block]


def analyse(text: str, options: CleanOptions, recurring: frozenset[str]) -> Analysis:
    """Classify a page's lines and find its main content blocks."""
    lines = split_lines(text if isinstance(text, str) else "")
    language = page_language(lines) if lines else None
    words = stop_words(language)
    cues = cue_matcher(options)
    datelines = _datelines(lines, options, month_first=language in (None, "en"))
    evidence = gather_evidence(lines, words, recurring, datelines, cues, options)
    alone = [judge_alone(line, evidence, options) for line in lines]
    kinds = judge_in_context(lines, alone, options)
    # by cue, even where other evidence judged the line first: "Listen to this article 5 min" recurs
    widgets = {ln.index for ln in lines if cues.is_widget(ln)}
    marks = {j for j, a in enumerate(alone) if a.reason == "byline"} | set(datelines)
    body = [j for j, kind in enumerate(kinds) if kind == GOOD]
    starts = article_starts(lines, marks, widgets, body, options)
    anchors = headline_strength(lines, set(datelines), widgets, options)
    anchors = _trusted_anchors(lines, anchors, starts, evidence.recurring)
    gaps = _gap_evidence(lines, cues, datelines, anchors, starts)
    # a dateline or a list head ("Related", "Comments") starts a new block: what follows may be another item
    blocks = find_blocks(lines, kinds, set(gaps.datelines) | set(gaps.lists), options)
    main = choose_main(blocks, anchors, options)
    cohesion = Cohesion(lines, words, " ".join(lines[i].text for i in anchors))
    kept = chain(blocks, main, gaps, cohesion, options) if main is not None else []
    return Analysis(lines, language, alone, kinds, datelines, anchors, starts, blocks, kept)


def _datelines(lines: list[Line], options: CleanOptions, *, month_first: bool) -> dict[int, Dateline]:
    """The page's dateline lines by position."""
    finder = date_finder(options)
    found = (parse_dateline(line, options, month_first=month_first, finder=finder) for line in lines)
    return {d.index: d for d in found if d is not None}


def _trusted_anchors(
    lines: list[Line], anchors: dict[int, int], starts: tuple[int, ...], recurring: frozenset[str]
) -> dict[int, int]:
    """The headline evidence with lines recurring on other pages dropped, and article starts added.

    A line the source prints on several pages is a menu, a section label or a widget, or a headline
    in other pages' teaser lists; on its own page that headline repeats the page title or opens the
    article (byline or dateline below it), so only then does it count.
    """
    out = {i: s for i, s in anchors.items() if s == TITLE_MATCH or lines[i].key not in recurring}
    for i in starts:
        out.setdefault(i, REPEATED)
    return out


def _gap_evidence(
    lines: list[Line],
    cues: CueMatcher,
    datelines: dict[int, Dateline],
    anchors: dict[int, int],
    starts: tuple[int, ...],
) -> GapEvidence:
    """The lines that stop or allow chaining blocks across a gap."""
    return GapEvidence(
        ends=tuple(ln.index for ln in lines if cues.ends_article(ln)),
        datelines=tuple(sorted(datelines)),
        lists=tuple(ln.index for ln in lines if cues.heads_list(ln)),
        heads=tuple(sorted(i for i, s in anchors.items() if s == TITLE_MATCH)),
        closers=closing_headlines(lines, anchors),
        nexts=tuple(ln.index for ln in lines if cues.announces_next(ln)),
        starts=starts,
    )


def clean_page(
    text: str, *, options: CleanOptions | None = None, recurring: frozenset[str] = frozenset()
) -> list[Segment]:
    """Clean one scraped plain-text page and split it into the articles it holds."""
    options = options or default_options()
    found = analyse(text, options, recurring)
    keep = [i for b in found.kept for i in b.members]
    anchors = body_anchors(keep, found.anchors, found.lines)
    furniture = {i for i, judged in enumerate(found.alone) if judged.reason in _NOT_HEADLINES}
    words = stop_words(found.language)
    parts = split_parts(keep, anchors, found.starts, found.lines, words, furniture, options)
    return to_segments(parts, found.lines, anchors, found.datelines, options)
