"""The seed articles (../shared/seeds, skipped when absent): every quote the issue names, with its speaker.

Speaker spans are checked from the finder alone; names and countries through `redline.actors` when it is
importable. Quotes are identified by a few words of their content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.nlp import load_pipeline
from redline.quotes import QuoteSpan, attribute, find_quotes

# (seed file prefix, words in the content, speaker span, surname in the actor's name, country, direct)
EXPECTED = [
    ("004", "missile capabilities are non-negotiable", "him", "Shamkhani", "IRN", True),
    ("004", "Either we make a deal", "President Trump", "Trump", "USA", True),
    ("004", "will not give in to excessive demands", "Iranian President Masoud Pezeshkian", "Pezeshkian", "IRN", True),
    ("004", "will not succumb to aggression", "Pezeshkian", "Pezeshkian", "IRN", True),
    ("004", "There are limits", "Ahmadian", "Ahmadian", "IRN", True),
    ("004", "So far, Iranian policymakers", "Ahmadian", "Ahmadian", "IRN", True),
    ("004", "The Iranians say they are ready", "Ali Hashem", "Hashem", None, True),
    ("004", "Many here are very concerned", "Hashem", "Hashem", None, True),
    ("000", "there will be no results", "Akbari", "Akbari", "IRN", True),
    ("000", "react immediately, respectively, and proportionately", "he", "Akbari", "IRN", True),
    ("000", "would never take place unless the U.S. revokes", "Arash M. Akbari", "Akbari", "IRN", False),
]


def seed_doc(seeds: Path, prefix: str):
    """The parsed seed article whose file name starts with the prefix."""
    [path] = sorted(seeds.glob(f"{prefix}_*.txt"))
    return load_pipeline()(path.read_text(encoding="utf-8"))


def the_quote(spans: list[QuoteSpan], words: str) -> int:
    """Index of the one quote whose content holds the words."""
    hits = [i for i, span in enumerate(spans) if words in span.text]
    assert len(hits) == 1, f"{words!r}: {[s.text[:60] for s in spans]}"
    return hits[0]


@pytest.mark.parametrize("prefix,words,span,surname,country,direct", EXPECTED)
def test_seed_quote_speaker_span(seeds: Path, prefix, words, span, surname, country, direct) -> None:
    doc = seed_doc(seeds, prefix)
    spans = find_quotes(doc)
    found = spans[the_quote(spans, words)]
    assert found.speaker_text == span and found.direct is direct
    assert doc.text[found.start : found.end] == found.text


def test_akbari_quotes_are_whole(seeds: Path) -> None:
    spans = find_quotes(seed_doc(seeds, "000"))
    first = spans[the_quote(spans, "there will be no results")]
    assert first.text.startswith("If we are going to deal") and first.cue == "say"
    second = spans[the_quote(spans, "proportionately")]
    assert second.text.startswith("They are trying to build")


@pytest.mark.parametrize("prefix,words,span,surname,country,direct", EXPECTED)
def test_seed_quote_actor(seeds: Path, prefix, words, span, surname, country, direct) -> None:
    actors_module = pytest.importorskip("redline.actors")
    doc = seed_doc(seeds, prefix)
    spans = find_quotes(doc)
    quotes = attribute(spans, actors_module.find_actors(doc, published="2026-02-11"))
    quote = quotes[the_quote(spans, words)]
    assert quote.speaker is not None and surname in quote.speaker
    assert quote.speaker_country == country
