"""An event's date from the words of its clause, resolved against the article's publication date.

"on Wednesday" is the Wednesday on or before the publication date (the coming one for a future event);
"last June" the latest June before the month of publication; "yesterday" the day before; "in May 2024"
and "September 29, 2025" need no anchor. Day precision gives "YYYY-MM-DD", a month "YYYY-MM", a year
"YYYY"; a span that is no one date ("last week") gives None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from redline.datafiles import word_set

from .lexicon import EventLexicon
from .tree import entity_span

TEMPORAL_PREPS = word_set("prepositions.temporal")  # "on Monday", "since March", "last week"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")


def publication_day(published: str | None) -> date | None:
    """The publication date as a date (the first ten characters of an ISO string), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def date_tokens(word, anchor) -> list:
    """The words that may date the event: time modifiers of the trigger and of its clause head, then a
    date inside its arguments that no other verb governs ("hosted talks between X and Y last June")."""
    found = []
    for head in dict.fromkeys([word, anchor]):
        for c in head.children:
            if c.dep_ in ("npadvmod", "tmod", "obl") or c.ent_type_ == "DATE" and c.dep_ not in ("prep",):
                found.append(c)
            elif c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS:
                found += [o for o in c.children if o.dep_ == "pobj"]
    stack = [c for c in anchor.children if c.dep_ in ("dobj", "prep", "pobj", "nsubjpass")]
    while stack:
        cur = stack.pop()
        if cur.ent_type_ == "DATE" and cur.dep_ in ("npadvmod", "pobj", "tmod", "compound") and cur not in found:
            found.append(cur)
        stack.extend(c for c in cur.children if c.pos_ not in ("VERB", "AUX"))
    return found


def event_date(word, anchor, published: str | None, future: bool, lex: EventLexicon) -> str | None:
    """The ISO date (or month, or year) the clause gives the event, or None.

    A clause in the past tense looks back even when its event is announced or planned ("said on Tuesday
    it would ..."): the Tuesday on or before the article. An event that is not in the future is never
    dated after its article, and a date over `max_years_without_year` from the article needs a year
    written in the phrase; such dates are left unknown rather than guessed.
    """
    today = publication_day(published)
    future = future and not (past_tense(word, lex) or past_tense(anchor, lex))
    for tok in date_tokens(word, anchor):
        words = _phrase_words(tok)
        found = resolve(words, today, future, lex)
        if found is not None:
            return found if _plausible(found, words, today, future, lex) else None
    return None


def past_tense(verb, lex: EventLexicon) -> bool:
    """True when a verb is in a past tense: a past-tense form, or a perfect or past auxiliary."""
    tags = lex.dates["past_tags"]
    if verb.tag_ in tags:
        return True
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ in tags or c.lemma_.lower() in lex.dates["perfect_aux"])
               for c in verb.children)


def _plausible(found: str, words: list[str], today: date | None, future: bool, lex: EventLexicon) -> bool:
    """False for a date after the article for an event not in the future, or one too far away with no
    year written."""
    if today is None:
        return True
    if not future and found > today.isoformat()[:len(found)]:  # ISO prefixes compare as dates
        return False
    written_year = any(_YEAR.match(w.strip(".,")) for w in words) or bool(_ISO.search(" ".join(words)))
    return written_year or abs(int(found[:4]) - today.year) <= int(lex.dates["max_years_without_year"])


def _phrase_words(tok) -> list[str]:
    """The lower-case words of a date phrase: its entity if it is in one, else its subtree."""
    if tok.ent_type_ == "DATE":
        return [t.lower_ for t in entity_span(tok)]
    return [t.lower_ for t in tok.subtree]


def resolve(words: list[str], today: date | None, future: bool, lex: EventLexicon) -> str | None:
    """A date phrase's words resolved against `today` (looking ahead when `future`), or None."""
    text = " ".join(words)
    iso = _ISO.search(text)
    if iso:
        return iso.group(0)
    table = lex.dates
    words = [w.strip(".,") for w in words if w.strip(".,")]
    past = any(w in table["past_words"] for w in words)
    ahead = any(w in table["future_words"] for w in words) or future and not past
    for w in words:
        if w in table["days"] and today is not None:
            return (today + timedelta(days=int(table["days"][w]))).isoformat()
        if w in table["weekdays"] and today is not None:
            return _weekday(today, table["weekdays"].index(w), ahead, past).isoformat()
    month = _month(words, table)
    if month is not None:
        return _month_date(words, month, today, ahead)
    for w in words:
        if _YEAR.match(w):
            return w
    if today is not None and (past or ahead):
        unit = next((table["units"][w] for w in words if w in table["units"]), None)
        step = -1 if past else 1
        if unit == "year":
            return str(today.year + step)
        if unit == "month":
            m = today.month - 1 + step
            return f"{today.year + m // 12:04d}-{m % 12 + 1:02d}"
    return None


def _weekday(today: date, weekday: int, ahead: bool, strictly_past: bool) -> date:
    """The given weekday on or before today (after today when ahead; strictly before after "last")."""
    if ahead:
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    back = (today.weekday() - weekday) % 7
    if strictly_past and back == 0:
        back = 7
    return today - timedelta(days=back)


def _month(words: list[str], table: dict) -> int | None:
    """The month a phrase names (1-12), or None."""
    for w in words:
        if w in table["months"]:
            return table["months"].index(w) + 1
        if w in table["month_abbreviations"]:
            return int(table["month_abbreviations"][w])
    return None


def _month_date(words: list[str], month: int, today: date | None, ahead: bool) -> str | None:
    """A month phrase ("June", "last June", "June 30", "May 2024") as a date or month string."""
    year = next((int(w) for w in words if _YEAR.match(w)), None)
    day = next((int(m.group(1)) for w in words if (m := _DAY.match(w)) and 1 <= int(m.group(1)) <= 31), None)
    if year is None:
        if today is None:
            return None
        year = today.year
        if ahead and (month, day or 1) < (today.month, today.day if day else 1):
            year += 1
        elif not ahead and (month, day or 1) > (today.month, today.day if day else 31):
            year -= 1
        elif not ahead and "last" in words and month >= today.month:
            year -= 1
    try:
        return date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return f"{year:04d}-{month:02d}"
