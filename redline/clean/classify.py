"""Classifying each line as body or boilerplate: its own evidence first, then its neighbours' (jusText-like).

A line is first judged alone: boilerplate evidence (a widget cue, a notice, a dateline, a line repeated
on the page or recurring on other pages of the source) fixes it as bad, though a line of running prose
(many sentences) is never a notice or caption whatever cue words it holds; otherwise its length and
stop-word share make it good, near-good, short or bad. Short and near-good lines then take the class
their nearest decided neighbours suggest, so a subheading between two body paragraphs stays and a
label between two menus goes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .cues import CueMatcher
from .dateline import Dateline
from .headline import title_keys
from .lines import Line, sentence_count
from .options import CleanOptions
from .stopwords import stop_share

BAD = "bad"
SHORT = "short"
NEARGOOD = "neargood"
GOOD = "good"


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the whole page (and its source) says about its lines, gathered once."""

    stop_words: frozenset[str]
    stop_low: float
    stop_high: float
    repeated: frozenset[str]
    recurring: frozenset[str]
    datelines: dict[int, Dateline]
    cues: CueMatcher
    headlines: frozenset[str]


@dataclass(frozen=True, slots=True)
class Judged:
    """A line's class, whether boilerplate evidence fixed it, and why (for debugging and tests)."""

    kind: str
    fixed: bool
    reason: str


def gather_evidence(
    lines: list[Line],
    stop_words: frozenset[str],
    recurring: frozenset[str],
    datelines: dict[int, Dateline],
    cues: CueMatcher,
    options: CleanOptions,
) -> Evidence:
    """The page-wide evidence: stop-word thresholds fitted to the page, repeated and recurring keys."""
    counts = Counter(line.key for line in lines if line.key)
    repeated = frozenset(key for key, n in counts.items() if n > 1)
    low, high = _stop_thresholds(lines, stop_words, options)
    recurring = _usable_recurring(lines, recurring, options)
    headlines = title_keys(lines[0], options) if lines else frozenset()
    return Evidence(stop_words, low, high, repeated, recurring, datelines, cues, headlines)


def _stop_thresholds(lines: list[Line], stop_words: frozenset[str], options: CleanOptions) -> tuple[float, float]:
    """Stop-word thresholds, lowered for languages whose stop list covers little of their prose."""
    if not stop_words:
        return 0.0, 0.0
    shares = sorted(stop_share(ln, stop_words) for ln in lines if ln.chars >= options.length_high)
    if not shares:
        return options.stop_low, options.stop_high
    reference = shares[len(shares) * 3 // 4]  # upper quartile: the page's prose, not its menus
    cap = reference * options.stop_reference_share
    return min(options.stop_low, cap * options.stop_low / options.stop_high), min(options.stop_high, cap)


def _usable_recurring(lines: list[Line], recurring: frozenset[str], options: CleanOptions) -> frozenset[str]:
    """The recurring keys to trust on this page: prose keys are dropped when most of its prose recurs.

    A page whose prose mostly recurs on other pages is a second copy of an article, not a page of
    boilerplate; its body must survive (deduplication deals with the copy later).
    """
    if not recurring:
        return recurring
    prose = [ln for ln in lines if ln.chars >= options.length_high]
    total = sum(ln.chars for ln in prose)
    shared = sum(ln.chars for ln in prose if ln.key in recurring)
    if total and shared / total > options.recurring_max_share:
        prose_keys = {ln.key for ln in prose}
        return frozenset(key for key in recurring if key not in prose_keys)
    return recurring


def judge_alone(line: Line, evidence: Evidence, options: CleanOptions) -> Judged:
    """A line's class from its own shape and the page-wide evidence, before context."""
    cues = evidence.cues
    if line.index in evidence.datelines:
        return Judged(BAD, True, "dateline")
    if line.index > 0 and line.key in evidence.headlines:
        return Judged(BAD, True, "headline")
    if _is_byline(line, options):
        return Judged(BAD, True, "byline")
    if line.key in evidence.recurring:
        return Judged(BAD, True, "recurring")
    if cues.is_widget(line):
        return Judged(BAD, True, "widget")
    cue_reason = _cue_reason(line, cues, options)
    if cue_reason:
        return Judged(BAD, True, cue_reason)
    if line.key in evidence.repeated and line.chars < options.length_high:
        return Judged(BAD, True, "repeated")
    if line.chars < options.length_low:
        return Judged(SHORT, False, "short")
    if line.title_case_share > options.max_title_case_share and not line.terminal:
        return Judged(BAD, False, "headline-like")
    stop = _stop_level(line, evidence)
    long_enough = line.word_count >= options.min_sentence_words and line.chars >= options.length_high
    if long_enough and stop >= evidence.stop_high:
        return Judged(GOOD, False, "prose")
    if stop >= evidence.stop_low:
        return Judged(NEARGOOD, False, "near-prose")
    return Judged(BAD, False, "not prose")


def _cue_reason(line: Line, cues: CueMatcher, options: CleanOptions) -> str | None:
    """The reason ("notice", "caption") when the line's cue words make it boilerplate, else None.

    A long line of running prose is body whatever cue words it holds: a whole article scraped onto
    one line mentions "privacy" or ends with "additional reporting by", while notices and captions
    run to a few sentences at most.
    """
    hits = cues.notice_hits(line)
    is_notice = hits >= options.notice_min_cues + (line.word_count > options.notice_long_words)
    if not (is_notice or cues.is_caption(line)) or _is_running_prose(line, options):
        return None
    return "notice" if is_notice else "caption"


def _is_running_prose(line: Line, options: CleanOptions) -> bool:
    """True for a line holding many sentences: a paragraph or a whole article, never page furniture."""
    # that many sentences take at least that many words: most lines are ruled out before counting
    if line.word_count < options.prose_min_sentences * options.min_sentence_words:
        return False
    return sentence_count(line.text) >= options.prose_min_sentences


def _is_byline(line: Line, options: CleanOptions) -> bool:
    """True for a short "By A. Writer" line: a byline cue, then a capitalised name, no sentence."""
    if line.terminal or len(line.words) < 2 or line.word_count > options.byline_max_words:
        return False
    if line.words[0] not in options.byline_cues:
        return False
    second = line.text.split(maxsplit=2)[1:2]
    return bool(second) and second[0][:1].isupper()


def _stop_level(line: Line, evidence: Evidence) -> float:
    """The line's stop-word share; without a stop list, sentence punctuation stands in for it."""
    if evidence.stop_words:
        return stop_share(line, evidence.stop_words)
    return 1.0 if line.terminal else 0.0


def judge_in_context(lines: list[Line], alone: list[Judged], options: CleanOptions) -> list[str]:
    """Final classes: short and near-good lines take the class their decided neighbours suggest."""
    kinds = [j.kind for j in alone]
    strict_prev = _nearest(kinds, {GOOD, BAD}, reverse=False)
    strict_next = _nearest(kinds, {GOOD, BAD}, reverse=True)
    loose_prev = _nearest(kinds, {GOOD, BAD, NEARGOOD}, reverse=False)
    loose_next = _nearest(kinds, {GOOD, BAD, NEARGOOD}, reverse=True)
    out = list(kinds)
    for i, kind in enumerate(kinds):
        if kind == SHORT:
            out[i] = _short_in_context(strict_prev[i], strict_next[i], loose_prev[i], loose_next[i])
            if out[i] == GOOD and not _looks_like_body(lines[i]):
                out[i] = BAD
        elif kind == NEARGOOD:
            out[i] = BAD if strict_prev[i] == BAD and strict_next[i] == BAD else GOOD
    _drop_short_runs(lines, kinds, out, options.list_run_lines)
    return out


def _drop_short_runs(lines: list[Line], kinds: list[str], out: list[str], limit: int) -> None:
    """Turn runs of `limit` or more revived short non-sentences into bad: a link list, not subheadings."""
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and kinds[i] == SHORT and out[i] == GOOD and not lines[i].terminal:
            run.append(i)
            continue
        if len(run) >= limit:
            for j in run:
                out[j] = BAD
        run = []


def _short_in_context(prev: str, nxt: str, loose_prev: str, loose_next: str) -> str:
    """jusText's rule for a short line: good between good lines, or beside bad next to near-good."""
    if prev == GOOD and nxt == GOOD:
        return GOOD
    if prev == BAD and nxt == BAD:
        return BAD
    if (prev == BAD and loose_prev == NEARGOOD) or (nxt == BAD and loose_next == NEARGOOD):
        return GOOD
    return BAD


def _looks_like_body(line: Line) -> bool:
    """A short line worth keeping starts like a heading or sentence: UI labels start in lower case."""
    return line.terminal or not line.lower_start


def _nearest(kinds: list[str], wanted: set[str], *, reverse: bool) -> list[str]:
    """For each line, the nearest other line's class among `wanted` on one side (BAD past the edge)."""
    out = [BAD] * len(kinds)
    last = BAD
    order = range(len(kinds) - 1, -1, -1) if reverse else range(len(kinds))
    for i in order:
        out[i] = last
        if kinds[i] in wanted:
            last = kinds[i]
    return out
