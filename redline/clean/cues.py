"""Matching the YAML cue words (widgets, notices, article ends, list heads, next-article cues) against a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lines import Line, fold
from .options import CleanOptions


@dataclass(frozen=True, slots=True)
class CueMatcher:
    """Compiled cue patterns for one set of options."""

    widget: re.Pattern[str] | None
    notice: re.Pattern[str] | None
    end: re.Pattern[str] | None
    list_head: re.Pattern[str] | None
    next_article: re.Pattern[str] | None
    caption: re.Pattern[str] | None
    widget_max_words: int
    widget_short_words: int
    widget_cue_share: float
    end_max_words: int

    def is_widget(self, line: Line) -> bool:
        """True for a short line made of widget cues (share bar, menu entry, list label).

        Cue words must cover `widget_cue_share` of the line (any cue will do in a line of up to
        `widget_short_words`), and a longer line ending like a sentence is prose ("A spokeswoman
        declined to comment.").
        """
        if self.widget is None or line.word_count > self.widget_max_words:
            return False
        if line.terminal and line.word_count > self.widget_short_words:
            return False
        covered = sum(len(m.group(0).split()) for m in self.widget.finditer(line.folded))
        if not covered:
            return False
        return line.word_count <= self.widget_short_words or covered >= line.word_count * self.widget_cue_share

    def notice_hits(self, line: Line) -> int:
        """How many distinct notice cues (cookie, consent, legal) the line holds."""
        if self.notice is None:
            return 0
        return len({m.group(0) for m in self.notice.finditer(line.folded)})

    def ends_article(self, line: Line) -> bool:
        """True for a line that ends an article: a copyright line."""
        return line.word_count <= self.end_max_words and _found(self.end, line)

    def is_caption(self, line: Line) -> bool:
        """True for a photo or video caption or credit line ("... (Image: Agency)", "Credit: Agency")."""
        return _found(self.caption, line)

    def heads_list(self, line: Line) -> bool:
        """True for a short line that heads a list of other content ("Related", "Comments")."""
        return line.word_count <= self.widget_max_words and _found(self.list_head, line)

    def announces_next(self, line: Line) -> bool:
        """True for a short line announcing the next article of the page ("Next article", "Up next")."""
        return line.word_count <= self.widget_max_words and _found(self.next_article, line)


def _found(pattern: re.Pattern[str] | None, line: Line) -> bool:
    """True when the pattern matches the line's folded text."""
    return pattern is not None and pattern.search(line.folded) is not None


def compile_cues(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """One whole-word alternation of the cues (longest first), or None for an empty list."""
    words = sorted({fold(c).strip() for c in cues if c.strip()}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@lru_cache(maxsize=8)
def cue_matcher(options: CleanOptions) -> CueMatcher:
    """The compiled cues of a set of options (cached: options are frozen and hashable)."""
    return CueMatcher(
        widget=compile_cues(options.widget_cues),
        notice=compile_cues(options.notice_cues),
        end=compile_cues(options.end_cues),
        list_head=compile_cues(options.list_cues),
        next_article=compile_cues(options.next_cues),
        caption=compile_cues(options.caption_cues),
        widget_max_words=options.widget_max_words,
        widget_short_words=options.widget_short_words,
        widget_cue_share=options.widget_cue_share,
        end_max_words=options.end_max_words,
    )
