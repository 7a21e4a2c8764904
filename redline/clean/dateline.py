"""Recognising dateline lines ("Nov. 19, 2019 8:03 am ET", "Published 2019-11-18 | By A. Writer") and their date.

A date is only ever read from a line that is essentially a date: once the date, times, cue words
and a short byline name are taken away, little may remain. A phrase inside a sentence ("last June",
"4 minutes") is never a date: a day, a month and a four-digit year are all required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .cues import compile_cues
from .lines import Line, ends_sentence
from .options import CleanOptions

_MIN_YEAR = 1990
_MAX_YEAR = 2100
_CENTURY_PIVOT = 70  # a two-digit year below this is in the 2000s, otherwise in the 1900s
_TIME = re.compile(
    r"(?<!\d)\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?(?!\w)"  # 10:31, 10:31:05 pm
    r"|(?<!\d)\d{1,2}\s*[ap]\.?m\.?(?!\w)"  # 10am
    r"|[+-]\d{1,2}(?::?\d{2})?(?!\d)"  # +3, -05:00 (offsets)
)
_ISO = r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
_NUMERIC = r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
# "11/19/19" only with slashes, where a two-digit year is common in bylines
_SHORT_YEAR = r"(?<![\d/])(?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})/(?P<y>\d{2})(?![\d/])"
_CJK = r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"
_WORD = re.compile(r"\w+")
_DASHES = frozenset("—–―")
_YEAR = re.compile(r"\d{4}|\d/\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline line's publication (or revision) day as ISO `YYYY-MM-DD`."""

    index: int
    day: str
    updated: bool


@dataclass(frozen=True, slots=True)
class DateFinder:
    """The compiled date patterns and cue words of one set of options."""

    named: tuple[re.Pattern[str], ...]
    numeric: tuple[re.Pattern[str], ...]
    month_of: dict[str, int]
    cues: re.Pattern[str] | None
    updated: re.Pattern[str] | None
    published: re.Pattern[str] | None


@lru_cache(maxsize=8)
def date_finder(options: CleanOptions) -> DateFinder:
    """Date patterns built from the options' month names (cached per options)."""
    month_of = {name: number for number, names in enumerate(options.months, start=1) for name in names}
    names = "|".join(re.escape(n) for n in sorted(month_of, key=len, reverse=True)) or r"(?!x)x"
    month = rf"(?P<mon>{names})\.?"
    day = r"(?P<d>\d{1,2})(?:\s?(?:st|nd|rd|th)|\.|º|er)?"
    year = r"(?P<y>\d{4})"
    named = (
        re.compile(rf"(?<!\w){month},?\s+{day},?\s+(?:de\s+)?{year}(?!\d)"),
        re.compile(rf"(?<!\d){day}\s*(?:de\s+)?{month},?\s+(?:de\s+)?{year}(?!\d)"),
    )
    numeric = (re.compile(_ISO), re.compile(_NUMERIC), re.compile(_CJK), re.compile(_SHORT_YEAR))
    return DateFinder(
        named=named,
        numeric=numeric,
        month_of=month_of,
        cues=compile_cues(options.date_cues),
        updated=compile_cues(options.updated_cues),
        published=compile_cues(options.published_cues),
    )


def parse_dateline(
    line: Line, options: CleanOptions, *, month_first: bool = True, finder: DateFinder | None = None
) -> Dateline | None:
    """The dateline a line is, or None when it is not essentially a date (plus time, cues, a name)."""
    if line.word_count > options.dateline_max_words or line.chars > options.dateline_max_chars:
        return None
    if not _YEAR.search(line.text):
        return None
    if line.text[:1] in _DASHES:
        return None  # "— Name (@handle) Nov 18, 2019": a quoted post's attribution, part of the body
    if line.text[:1] == "(" and line.text[-1:] == ")":
        return None  # "(Published Nov. 18, 2019)": the caption of an embedded video or photo
    finder = finder or date_finder(options)
    text = line.folded
    found = _find_dates(text, finder, month_first)
    if not found:
        return None
    rest = text
    for start, end, _day in sorted(found, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _TIME.sub(" ", rest)
    if finder.cues is not None:
        rest = finder.cues.sub(" ", rest)
    rest_words = [w for w in _WORD.findall(rest) if not w.isdigit()]
    if len(rest_words) > options.dateline_rest_words:
        return None
    if ends_sentence(rest.strip()) and len(rest_words) > 1:
        return None  # a sentence that mentions a date, not a dateline
    return _choose(text, found, finder, line.index)


def _choose(text: str, found: list[tuple[int, int, str]], finder: DateFinder, index: int) -> Dateline:
    """The line's publication date: one marked published, else the first not marked updated, else the first."""
    marked = [(start, day, _cue_before(text, start, finder)) for start, _end, day in sorted(found)]
    for _start, day, cue in marked:
        if cue == "published":
            return Dateline(index=index, day=day, updated=False)
    for _start, day, cue in marked:
        if cue != "updated":
            return Dateline(index=index, day=day, updated=False)
    return Dateline(index=index, day=marked[0][1], updated=True)


def _cue_before(text: str, start: int, finder: DateFinder) -> str | None:
    """'published' or 'updated' for the nearest such cue before a date (after any earlier date), else None."""
    head = text[:start]
    best: tuple[int, str] | None = None
    for kind, pattern in (("published", finder.published), ("updated", finder.updated)):
        if pattern is None:
            continue
        for match in pattern.finditer(head):
            if best is None or match.end() > best[0]:
                best = (match.end(), kind)
    return best[1] if best else None


def _find_dates(text: str, finder: DateFinder, month_first: bool) -> list[tuple[int, int, str]]:
    """Every full date in the text as (start, end, ISO day), without overlaps."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in finder.named + finder.numeric:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            day = _match_day(match, finder, month_first)
            if day:
                found.append((match.start(), match.end(), day))
                taken.append((match.start(), match.end()))
    return found


def _match_day(match: re.Match[str], finder: DateFinder, month_first: bool) -> str | None:
    """The ISO day a date match names, or None when it is not a real calendar day."""
    groups = match.groupdict()
    year = int(groups["y"])
    if len(groups["y"]) == 2:
        year += 2000 if year < _CENTURY_PIVOT else 1900
    if groups.get("mon"):
        return _iso(year, finder.month_of.get(groups["mon"], 0), int(groups["d"]))
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        # dotted dates are day-first everywhere; slashed ones follow the page's language when ambiguous
        if groups["sep"] == "." or first > 12 or not month_first:
            return _iso(year, second, first) or _iso(year, first, second)
        return _iso(year, first, second) or _iso(year, second, first)
    return _iso(year, int(groups["m"]), int(groups["d"]))


def _iso(year: int, month: int, day: int) -> str | None:
    """The ISO day when it is a real calendar day in a plausible range, else None."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def pick_date(datelines: list[Dateline]) -> str | None:
    """The publication day among an article's datelines: the first not marked as an update, else the first."""
    for dateline in datelines:
        if not dateline.updated:
            return dateline.day
    return datelines[0].day if datelines else None
