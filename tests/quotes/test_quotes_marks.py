"""Quote-mark pairing: curly and straight marks, paragraphs, and unbalanced marks that must not spread."""

from __future__ import annotations

from redline.quotes.marks import pair_marks


def inner(text: str) -> list[str]:
    """The text inside each paired region."""
    return [text[r.start : r.end] for r in pair_marks(text)]


def test_curly_and_straight_pairs() -> None:
    text = 'The envoy said “we are close,” and later "we are not there yet."'
    assert inner(text) == ["we are close,", "we are not there yet."]


def test_ascii_double_apostrophes_pair() -> None:
    text = "''The window is narrow,'' the minister said."
    assert inner(text) == ["The window is narrow,"]


def test_quote_continues_into_next_paragraph_that_opens_with_a_mark() -> None:
    text = "“First part of a long statement.\n\n“Second part, which ends it,” the spokesman said.\n\nAfter."
    regions = pair_marks(text)
    assert len(regions) == 1
    assert regions[0].paragraphs == 2
    assert text[regions[0].start : regions[0].end].endswith("which ends it,")


def test_unclosed_mark_is_dropped_alone_and_later_quotes_survive() -> None:
    text = "A stray “mark opens here and never closes.\n\nThe delegate said “talks resume Monday.” Then “more,” she added."
    assert inner(text) == ["talks resume Monday.", "more,"]


def test_odd_count_in_one_paragraph_keeps_the_pairs_after_it() -> None:
    text = 'He said "maybe and then "fine," she said.\nNext line "ok" here.'
    assert inner(text) == ["fine,", "ok"]


def test_stray_closing_mark_is_ignored() -> None:
    text = "Nothing opens here” but “this one does.”"
    assert inner(text) == ["this one does."]


def test_marks_of_another_style_inside_a_quote_do_not_close_it() -> None:
    text = '“They called it a "final offer" today,” the aide said.'
    assert inner(text) == ['They called it a "final offer" today,']


def test_no_marks() -> None:
    assert pair_marks("No quotation at all.") == []
