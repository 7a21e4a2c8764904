"""Every offset points into the article: content, cue and speaker spans cut the text they report."""

from __future__ import annotations

import pytest

from redline.nlp import load_pipeline
from redline.quotes import find_quotes

TEXTS = [
    "“We want a fair deal,” the envoy said. “Nothing less.”",
    "Officials said the talks, which began in May, would resume, according to the ministry.",
    'An odd " mark here.\n\nThe spokesman said "we are ready," and the aide added that "time is short."',
    "“Part one of it.\n\n“Part two of it,” she said.",
    "Larsen warned: the window is closing.\n\nAnalysts say the gap is wide.",
    "No quotes at all in this sentence.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_cut_the_text(text: str) -> None:
    for quote in find_quotes(load_pipeline()(text)):
        assert quote.text == text[quote.start : quote.end] and quote.text.strip() == quote.text
        if quote.cue_start is not None:
            assert 0 <= quote.cue_start < quote.cue_end <= len(text)
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


def test_unbalanced_mark_keeps_the_rest_of_the_document() -> None:
    text = (
        "The statement opened with “a stray mark and no end.\n\n"
        "The foreign minister said the talks would continue.\n\n"
        "“We are patient,” the minister said."
    )
    quotes = find_quotes(load_pipeline()(text))
    texts = [q.text for q in quotes]
    assert "the talks would continue" in texts and "We are patient" in texts
    assert all("\n" not in q.text for q in quotes)


def test_empty_text() -> None:
    assert find_quotes(load_pipeline()("")) == []
