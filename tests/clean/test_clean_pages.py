"""Whole pages: the repository's example pages (one folder of one site) and, when ../shared is present,
the Guardian articles delivered as one line each.

Expected headlines and body lines are read from the files at test time.
"""

from __future__ import annotations

import json
from pathlib import Path

from redline.clean import RecurringLines, clean_page

MISSILES = "harbourline-missiles-red-line.txt"
CUE = "Next article"


def page_lines(path: Path) -> list[str]:
    """A page's non-empty lines, stripped."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def headlines_around_cue(lines: list[str]) -> tuple[str, str]:
    """The first article's headline (its trailer sits just above the cue) and the second's (below the
    cue's section label)."""
    at = lines.index(CUE)
    return lines[at - 1], lines[at + 2]


def test_pages_next_article_page_gives_two_articles(examples: Path) -> None:
    lines = page_lines(examples / "pages" / MISSILES)
    first_title, second_title = headlines_around_cue(lines)
    segments = clean_page("\n".join(lines))
    assert [s.title for s in segments] == [first_title, second_title]
    assert [s.published for s in segments] == ["2026-02-09", "2026-02-08"]
    first, second = (s.text.split("\n") for s in segments)
    cue = lines.index(CUE)
    assert all(lines.index(ln) < cue for ln in first)
    assert all(lines.index(ln) > cue for ln in second)
    assert all(len(ln) > 100 for ln in first + second)  # no headline, byline, widget or menu line
    assert len(first) == 11 and len(second) == 7


def test_pages_recurring_lines_of_the_folder_keep_the_headlines(examples: Path) -> None:
    paths = sorted((examples / "pages").glob("harbourline-*.txt"))
    recurring = RecurringLines()
    for path in paths:
        recurring.add("pages", path.read_text(encoding="utf-8"))
    for path in paths:
        lines = page_lines(path)
        segments = clean_page("\n".join(lines), recurring=recurring.for_group("pages"))
        titles = [s.title for s in segments]
        assert titles[0] == lines[5]  # the headline under the header lines every page of the site prints
        assert not any(t is None or t.startswith("Listen to this article") for t in titles)
        assert not any(t in lines[:5] for t in titles)
    missiles = clean_page((examples / "pages" / MISSILES).read_text(), recurring=recurring.for_group("pages"))
    assert [s.title for s in missiles] == list(headlines_around_cue(page_lines(examples / "pages" / MISSILES)))


def test_pages_single_line_guardian_articles_kept_whole(shared) -> None:
    path = shared("data", "guardian-syria-2019", "articles.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    single = [r for r in records if "\n" not in r["text"].strip()]
    assert single
    for record in single:
        text = " ".join(record["text"].split())
        segments = clean_page(record["text"] + "\n")
        assert [s.text for s in segments] == [text], record["id"]
