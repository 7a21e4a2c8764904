"""Directions toward a proposition: the polarity of an issue phrase (does it name the thing, or its undoing?)
and the direction a stance on that phrase takes toward its issue's proposition.

    polarity("the YPG's removal", rules) -> -1         # an undoing: "removal"
    direction_of("demand", sign=-1, rules) -> "against"  # demanding the undoing of the proposition
"""

from __future__ import annotations

import re
from functools import lru_cache

from redline.dealspace.rules import AnalysisRules

_FLIP = {"for": "against", "against": "for", "open": "open", "conditional": "conditional"}


def _fold(text: str) -> str:
    """Text as reversal terms are matched: lower case, hyphens and curly apostrophes as spaces."""
    return " ".join(text.casefold().replace("-", " ").replace("’", "'").split())


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    """A whole-word pattern over the terms, longest first (so "pull out" wins over "out")."""
    folded = sorted({_fold(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not folded:
        return None
    # a term finds its plural too ("safe zone" ~ "safe zones")
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in folded) + r")(?:s|es)?(?!\w)", re.IGNORECASE)


def reversals(phrase: str | None, terms: tuple[str, ...]) -> int:
    """How many reversal terms the phrase holds (non-overlapping, whole words)."""
    pattern = _pattern(tuple(terms))
    if not phrase or pattern is None:
        return 0
    return len(pattern.findall(_fold(phrase)))


def polarity(phrase: str | None, rules: AnalysisRules, extra: tuple[str, ...] = ()) -> int:
    """+1 when the phrase names a thing, -1 when it names its undoing (an odd number of reversals)."""
    return -1 if reversals(phrase, rules.reversal_words + tuple(extra)) % 2 else 1


def direction_of(stance: str, sign: int, rules: AnalysisRules) -> str:
    """The direction of a stance toward a proposition, its phrase's sign relative to the proposition given."""
    base = rules.directions[stance]
    if sign < 0 and stance not in rules.unsigned_stances:
        return _FLIP[base]
    return base


def stances_toward(direction: str, rules: AnalysisRules) -> frozenset[str]:
    """The stances that can point in a direction: their own direction, or its reverse when the issue phrase
    names the proposition's undoing (a reject of "the YPG's removal" is `for` a YPG role); demands and
    preconditions also point the way of a party's own terms and of a request that talks take an issue up."""
    found = {stance for stance, base in rules.directions.items()
             if base == direction or (stance not in rules.unsigned_stances and _FLIP[base] == direction)}
    if direction in (rules.own_terms_direction, rules.agenda_direction):
        found |= rules.own_terms_stances
    return frozenset(found)


def strip_reversals(phrase: str, rules: AnalysisRules, extra: tuple[str, ...] = ()) -> str:
    """The phrase without its reversal terms (what is compared when phrases are clustered): "withdrawal of
    US troops" and "US troops" are about one proposition."""
    pattern = _pattern(rules.reversal_words + tuple(extra))
    if pattern is None:
        return phrase
    kept = " ".join(pattern.sub(" ", phrase.replace("-", " ").replace("’", "'")).split())
    return kept or phrase
