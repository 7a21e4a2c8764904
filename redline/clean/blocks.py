"""Finding the page's main content: dense runs of body lines, the one a headline introduces, and its neighbours.

Boilerplate that reads like prose (teaser summaries, comments, "about the author") comes in small,
scattered runs; an article's body is a dense run, sometimes broken by a widget or a photo caption.
Body lines are grouped into blocks across small gaps (a dateline or a list head such as "Related"
always starts a new block). The main block is the biggest, a block just below a repeat of the page
title (or of another repeated headline) weighing several times its size. Blocks are then chained to
it across moderate gaps; see `chain` for what stops the chain.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .classify import GOOD
from .headline import REPEATED, TITLE_MATCH
from .lines import Line
from .options import CleanOptions


@dataclass(frozen=True, slots=True)
class Block:
    """A run of body lines: positions of its first and last line, its body lines and their text mass."""

    first: int
    last: int
    chars: int
    members: tuple[int, ...]

    @property
    def runs(self) -> int:
        """How many stretches of consecutive body lines the block holds."""
        return 1 + sum(1 for a, b in zip(self.members, self.members[1:]) if b != a + 1)


def find_blocks(lines: list[Line], kinds: list[str], breaks: set[int], options: CleanOptions) -> list[Block]:
    """Body lines grouped into blocks; a long gap, or a break line (a dateline), starts a new block."""
    blocks: list[Block] = []
    members: list[int] = []
    last_break = -1
    for i, kind in enumerate(kinds):
        if i in breaks:
            last_break = i
        if kind != GOOD:
            continue
        if members and (i - members[-1] - 1 > options.block_gap_lines or last_break > members[-1]):
            blocks.append(_block(lines, members))
            members = []
        members.append(i)
    if members:
        blocks.append(_block(lines, members))
    return blocks


def _block(lines: list[Line], members: list[int]) -> Block:
    """A Block over the given body-line positions."""
    return Block(members[0], members[-1], sum(lines[i].chars for i in members), tuple(members))


def is_teaser_list(block: Block, options: CleanOptions) -> bool:
    """True for a block of isolated one-line summaries (a list of other articles), not a body."""
    if block.runs < 2:
        return False
    span = block.last - block.first + 1
    members = len(block.members)
    return members / block.runs < options.teaser_max_run and members / span < options.teaser_max_density


def choose_main(blocks: list[Block], anchors: dict[int, int], options: CleanOptions) -> int | None:
    """Position in `blocks` of the main block: the biggest, with blocks a headline introduces weighing more."""
    if not blocks:
        return None
    weights = {0: 1.0, REPEATED: options.anchor_weight_repeated, TITLE_MATCH: options.anchor_weight_title}
    positions = sorted(anchors)
    strengths = [_anchor_strength(blocks, j, anchors, positions, options) for j in range(len(blocks))]
    scores = [block.chars * weights[strength] for block, strength in zip(blocks, strengths)]
    return max(range(len(blocks)), key=lambda j: scores[j])


def _anchor_strength(
    blocks: list[Block], j: int, anchors: dict[int, int], positions: list[int], options: CleanOptions
) -> int:
    """The strongest headline evidence just above block j.

    Only non-body lines and one-line blocks (a standfirst between headline and dateline) may lie
    between the headline and the block.
    """
    start = blocks[j].first
    k = j - 1
    while k >= 0 and len(blocks[k].members) == 1 and start - blocks[k].last <= options.title_window_lines:
        k -= 1
    floor = max(blocks[k].last if k >= 0 else -1, start - options.title_window_lines - 1)
    lo, hi = bisect_right(positions, floor), bisect_left(positions, start)
    return max((anchors[i] for i in positions[lo:hi]), default=0)


def chain(
    blocks: list[Block],
    main: int,
    gaps: GapEvidence,
    cohesion: Callable[[list[Block], Block], float],
    options: CleanOptions,
) -> list[Block]:
    """The main block and the blocks chained to it across gaps of at most `block_near_lines` lines.

    Chaining stops at an article's end (a copyright line), at a dateline starting another item (a
    comment, a teaser) and, going backwards, at the main block's headline (what precedes it is not
    its body). A dateline is crossed forwards only when the block beyond is article-sized and the
    gap either closes the article with a repeated headline or announces the next one (a cue such as
    "Next article", then a headline with its byline or dateline): the next article of a multi-article
    page. A gap headed by a list cue ("Related", "Comments") is crossed only when the block beyond
    shares the vocabulary of what is kept so far (a body resumes after an inline widget, a list of
    other stories does not) or when the gap announces the next article.
    """
    kept = [blocks[main]]
    for step in (1, -1):
        j = main
        while 0 <= j + step < len(blocks):
            here, there = blocks[j], blocks[j + step]
            low, high = (here.last, there.first) if step == 1 else (there.last, here.first)
            if high - low - 1 > options.block_near_lines or is_teaser_list(there, options):
                break
            if gaps.has(gaps.ends, low, high) or (step == -1 and gaps.has(gaps.heads, low, high)):
                break
            # the next article of a multi-article page: announced ("Next article", then its headline and
            # byline or dateline), or below a headline that closes the article above
            forward = step == 1 and there.chars >= options.min_segment_chars
            announced = forward and gaps.announces(low, high)
            closed = forward and gaps.has(gaps.closers, low, high)
            if gaps.has(gaps.datelines, low, high) and not (announced or closed):
                break
            if gaps.has(gaps.lists, low, high) and not announced and cohesion(kept, there) < options.min_cohesion:
                break
            kept.append(there)
            j += step
    return sorted(kept, key=lambda b: b.first)


@dataclass(frozen=True, slots=True)
class GapEvidence:
    """Sorted positions of lines that stop chaining (article ends, datelines, list heads, the main
    headline), that close an article (a headline seen before on the page, or printed twice in a row),
    that announce the next article ("Next article") and that open one (see headline.article_starts)."""

    ends: tuple[int, ...]
    datelines: tuple[int, ...]
    lists: tuple[int, ...]
    heads: tuple[int, ...]
    closers: tuple[int, ...]
    nexts: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()

    @staticmethod
    def has(positions: tuple[int, ...], low: int, high: int) -> bool:
        """True when a position lies strictly between low and high."""
        k = bisect_right(positions, low)
        return k < len(positions) and positions[k] < high

    def announces(self, low: int, high: int) -> bool:
        """True when the gap announces another article: a "Next article" cue, then an article start below it."""
        k = bisect_right(self.nexts, low)
        return k < len(self.nexts) and self.nexts[k] < high and self.has(self.starts, self.nexts[k], high)
