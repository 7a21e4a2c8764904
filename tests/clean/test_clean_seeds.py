"""The seed pages in ../shared/seeds (skipped when absent): segmentation, titles, dates and boilerplate.

Expected headlines are read from the seed files at test time (the repository holds no text from them).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from redline.clean import clean_page

SEED_000 = "000_ea14b1c28685bacb"
SEED_004 = "004_191a4cd148bb01ae"
BOILERPLATE_004 = ("listen to this article4 minutes", "information", "Recommended stories", "list of 3 itemsend of list")


def lines_of(seeds: Path, stem: str) -> list[str]:
    """A seed page's non-empty lines."""
    return [ln.strip() for ln in (seeds / f"{stem}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]


def headlines_000(lines: list[str]) -> tuple[str, str]:
    """The first article's headline (printed four times) and the second's (printed twice before the last line)."""
    first = Counter(ln for ln in lines if len(ln.split()) >= 5).most_common(1)[0][0]
    return first, lines[-2]


def test_seeds_000_two_articles_with_titles_and_date(seeds: Path) -> None:
    lines = lines_of(seeds, SEED_000)
    first_title, second_title = headlines_000(lines)
    segments = clean_page("\n\n".join(lines))
    assert len(segments) == 2
    first, second = segments
    assert first.title == first_title
    assert first.published == "2026-01-31"
    assert second.title == second_title
    assert second.title != first.title
    assert "Rafah" not in first.text and "Akbari" in first.text
    assert "Akbari" not in second.text and "Rafah" in second.text


def test_seeds_000_no_boilerplate_left(seeds: Path) -> None:
    lines = lines_of(seeds, SEED_000)
    kept = {ln for s in clean_page("\n\n".join(lines)) for ln in s.text.split("\n")}
    short = {ln for ln in lines if len(ln) < 100}  # headlines, crumbs, dateline, widgets
    assert not kept & short
    assert kept == {ln for ln in lines if len(ln) >= 100}


def test_seeds_004_one_article_no_title_no_date(seeds: Path) -> None:
    segments = clean_page("\n".join(lines_of(seeds, SEED_004)))
    assert len(segments) == 1
    assert segments[0].title is None
    assert segments[0].published is None


def test_seeds_004_boilerplate_removed_body_kept(seeds: Path) -> None:
    lines = lines_of(seeds, SEED_004)
    kept = clean_page("\n".join(lines))[0].text.split("\n")
    assert not set(BOILERPLATE_004) & set(kept)
    assert all(ln in kept for ln in lines if len(ln) > 120)
    # subheadings between two body paragraphs stay (the benchmark keeps such lines more often than not)
    subheadings = [
        b for a, b, c in zip(lines, lines[1:], lines[2:]) if len(b) < 80 < min(len(a), len(c)) and not b[0].islower()
    ]
    assert len(subheadings) == 2
    assert all(ln in kept for ln in subheadings)
