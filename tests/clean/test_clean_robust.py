"""Robustness: any string is accepted, nothing crashes, and time grows linearly."""

from __future__ import annotations

import random
import time

import pytest

from redline.clean import clean_page
from redline.records import Segment


@pytest.mark.parametrize("text", ["", "\n\n\n", "   \t  ", "x", "Hello.", "\x00\x01\x02", "\u2028\u2029", "\ufeff"])
def test_robust_empty_or_tiny_pages(text: str) -> None:
    segments = clean_page(text)
    assert isinstance(segments, list) and all(isinstance(s, Segment) for s in segments)
    # a page this small holds no article body worth keeping: at most one segment, and none for whitespace
    assert len(segments) <= 1
    if not text.strip(" \t\n\u2028\u2029\ufeff\x00\x01\x02"):
        assert segments == []


def test_robust_empty_page_gives_no_segment() -> None:
    assert clean_page("") == []


def test_robust_huge_single_line() -> None:
    sentence = "The delegations met again on Tuesday to discuss the fishing quotas. "
    segments = clean_page(sentence * 15000)  # about 1 MB, no newline
    assert len(segments) == 1
    assert segments[0].title is None


def test_robust_huge_line_without_spaces() -> None:
    assert clean_page("a" * 1_000_000) == []


def test_robust_binary_garbage() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(200_000)).decode("latin-1")
    segments = clean_page(garbage)
    assert isinstance(segments, list)
    # random bytes make no prose: whatever survives the line filter is a small share of the input
    assert sum(len(s.text) for s in segments) < len(garbage) // 10
    assert all(isinstance(s.text, str) for s in segments)


def test_robust_random_unicode() -> None:
    rng = random.Random(11)
    text = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(100_000))
    for segment in clean_page(text):
        assert segment.published is None or len(segment.published) == 10


def test_robust_non_string_input_gives_no_segment() -> None:
    assert clean_page(None) == []  # type: ignore[arg-type]


def test_robust_time_grows_linearly(kit, fishing) -> None:
    page = kit.article(fishing)
    start = time.perf_counter()
    clean_page(page * 50)
    small = time.perf_counter() - start
    start = time.perf_counter()
    clean_page(page * 500)
    large = time.perf_counter() - start
    assert large < small * 30 + 0.5  # 10x the text may take ~10x the time, never ~100x
