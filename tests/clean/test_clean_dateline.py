"""Dateline lines and their date: several formats accepted, phrases inside sentences rejected."""

from __future__ import annotations

import pytest

from redline.clean.dateline import parse_dateline, pick_date
from redline.clean.lines import make_line
from redline.clean.options import CleanOptions

OPTIONS = CleanOptions()


def day_of(text: str, *, month_first: bool = True) -> str | None:
    """The ISO day parsed from a one-line text, or None."""
    found = parse_dateline(make_line(0, text), OPTIONS, month_first=month_first)
    return found.day if found else None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-04 09:15 Last Updated At:11:02", "2025-03-04"),
        ("Published March 4, 2025 9:15 am ET", "2025-03-04"),
        ("Mar. 4, 2025", "2025-03-04"),
        ("4 March 2025, 10:31", "2025-03-04"),
        ("Tuesday 4th March 2025", "2025-03-04"),
        ("Jane Doe - Mar 4, 2025, 10:31 pm CST", "2025-03-04"),
        ("By Jane Doe | 04.03.2025 09:15", "2025-03-04"),
        ("By Jane Doe - 3/4/25 06:56 AM EST", "2025-03-04"),
        ("4 de março de 2025", "2025-03-04"),
        ("4. März 2025", "2025-03-04"),
        ("2025年3月4日", "2025-03-04"),
        ("Опубликовано 4 марта 2025", "2025-03-04"),
    ],
)
def test_dateline_formats_parse_to_iso_day(text: str, day: str) -> None:
    assert day_of(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "listen to this article4 minutes",
        "4 minutes",
        "Many residents still remember last June's storm.",
        "The talks ended on 4 March 2025, officials said.",
        "Envoys met on March 4, 2025 to discuss quotas for the northern fishing grounds and the monitoring plan",
        "© 2025 The Daily Example",
        "Updated 2 hours ago",
        "March 2025",
        "2025-02-30",
    ],
)
def test_dateline_rejects_non_dates(text: str) -> None:
    assert day_of(text) is None


def test_dateline_slashed_dates_follow_page_language_when_ambiguous() -> None:
    assert day_of("04/03/2025", month_first=True) == "2025-04-03"
    assert day_of("04/03/2025", month_first=False) == "2025-03-04"
    assert day_of("25/03/2025", month_first=True) == "2025-03-25"


def test_dateline_prefers_publication_over_update_in_one_line() -> None:
    found = parse_dateline(make_line(0, "Updated Mar 5, 2025 Published Mar 4, 2025"), OPTIONS)
    assert found is not None and found.day == "2025-03-04" and not found.updated


def test_dateline_marks_update_only_line() -> None:
    found = parse_dateline(make_line(0, "Updated on: March 5, 2025 / 10:07 AM"), OPTIONS)
    assert found is not None and found.updated


def test_dateline_attribution_of_quoted_post_is_not_a_dateline() -> None:
    assert day_of("— Jane Doe (@janedoe) March 4, 2025") is None


def test_pick_date_prefers_first_publication_day() -> None:
    updated = parse_dateline(make_line(0, "Updated March 5, 2025"), OPTIONS)
    published = parse_dateline(make_line(1, "March 4, 2025"), OPTIONS)
    assert pick_date([updated, published]) == "2025-03-04"
    assert pick_date([updated]) == "2025-03-05"
    assert pick_date([]) is None
