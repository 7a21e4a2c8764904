"""Relative dates resolved against the publication date (2026-02-11 is a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest

from redline.events.dates import resolve
from redline.events.lexicon import event_lexicon

WEDNESDAY = date(2026, 2, 11)


@pytest.mark.parametrize(("words", "future", "expected"), [
    (["wednesday"], False, "2026-02-11"),
    (["monday"], False, "2026-02-09"),
    (["sunday"], True, "2026-02-15"),
    (["last", "wednesday"], False, "2026-02-04"),
    (["yesterday"], False, "2026-02-10"),
    (["tomorrow"], True, "2026-02-12"),
    (["last", "june"], False, "2025-06"),
    (["june"], False, "2025-06"),
    (["may", "2024"], False, "2024-05"),
    (["september", "29"], False, "2025-09-29"),
    (["next", "month"], False, "2026-03"),
    (["last", "year"], False, "2025"),
    (["last", "week"], False, None),
])
def test_resolve(words, future, expected):
    assert resolve(words, WEDNESDAY, future, event_lexicon()) == expected


def test_no_publication_date_leaves_relative_dates_unknown():
    assert resolve(["wednesday"], None, False, event_lexicon()) is None
    assert resolve(["may", "2024"], None, False, event_lexicon()) == "2024-05"


def test_past_event_on_a_weekday(first):
    assert first("Turkey attacked Kurdish militias in northern Syria on Monday.", "2026-02-11").date == "2026-02-09"


def test_future_event_on_a_weekday_is_the_coming_one(first):
    event = first("Saudi Arabia will host a summit with Iran on Sunday.", "2026-02-11")
    assert event.date == "2026-02-15"


def test_event_without_a_date(first):
    assert first("Iraq rejected a Turkish proposal for a buffer zone.", "2026-02-11").date is None


def test_events_dates_past_tense_announcement_looks_back(first):
    # published on a Wednesday: "said on Tuesday" is the day before, even though the ship is still to come
    event = first("The United States said on Tuesday it would send a second aircraft carrier to the Gulf.", "2026-02-11")
    assert event.date in ("2026-02-10", None)
    assert event.date != "2026-02-17"


def test_events_dates_occurred_event_never_after_its_article(code):
    events = code("Turkish troops attacked Kurdish positions near Afrin on 2026-03-01.", "2026-02-11")
    assert events and all(e.date is None or e.date <= "2026-02-11" for e in events if e.status == "occurred")


def test_events_dates_far_date_needs_a_written_year():
    from redline.events.dates import _plausible

    today = date(2019, 12, 25)
    lex = event_lexicon()
    assert not _plausible("2017-05", ["may"], today, False, lex)
    assert _plausible("2017-05", ["may", "2017"], today, False, lex)
    assert _plausible("2019-12-22", ["22", "december"], today, False, lex)
    assert not _plausible("2020-12-22", ["22", "december"], today, False, lex)


def test_events_dates_past_tense_reads_the_parse():
    from redline.events.dates import past_tense
    from redline.nlp import load_pipeline

    nlp = load_pipeline()
    said = next(t for t in nlp("Iran said it would talk.") if t.lower_ == "said")
    will = next(t for t in nlp("Iran will talk on Tuesday.") if t.lower_ == "talk")
    has = next(t for t in nlp("Iran has agreed to talk.") if t.lower_ == "agreed")
    assert past_tense(said, event_lexicon()) and past_tense(has, event_lexicon())
    assert not past_tense(will, event_lexicon())
