"""Narration cues ("hint", "signal", "expect", "want") are quote cues only when a finite content clause
follows. Sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.nlp import load_pipeline
from redline.quotes import find_quotes
from redline.quotes.detector import RULES_ONLY, SHIPPED

NARRATION = [
    "Iran signalled a threat to close the strait.",
    "Trump hinted at new sanctions on Monday.",
    "Officials expect talks to resume next week.",
    "He wants a deal with Tehran.",
    "Iran wants to keep its missiles.",
]
REPORTED = [
    ("Iran hinted that it would return to the talks.", "hint"),
    ("Officials expect that talks will resume next week.", "expect"),
    ("The minister signalled that Iran was ready to compromise.", "signal"),
]


@pytest.mark.parametrize("detector", [RULES_ONLY, SHIPPED])
@pytest.mark.parametrize("text", NARRATION)
def test_narration_cue_without_a_clause_is_no_quote(text: str, detector: str) -> None:
    assert find_quotes(load_pipeline()(text), detector=detector) == []


@pytest.mark.parametrize(("text", "cue"), REPORTED)
def test_narration_cue_with_a_finite_clause_is_a_quote(text: str, cue: str) -> None:
    found = find_quotes(load_pipeline()(text), detector=RULES_ONLY)
    assert [q.cue for q in found] == [cue]
    assert found[0].text.startswith("that ")
