"""Reported speech from the parse: that-clauses, bare clauses, postposed tags, colons, "according to"."""

from __future__ import annotations

from redline.nlp import load_pipeline
from redline.quotes import QuoteSpan, find_quotes


def find(text: str) -> list[QuoteSpan]:
    """The quotes found in a text."""
    return find_quotes(load_pipeline()(text))


def one(text: str) -> QuoteSpan:
    """The single quote of a text."""
    quotes = find(text)
    assert len(quotes) == 1, [(q.text, q.cue) for q in quotes]
    return quotes[0]


def test_said_that() -> None:
    quote = one("The defence minister said that the drills would continue through March.")
    assert quote.text == "that the drills would continue through March"
    assert quote.speaker_text == "The defence minister" and not quote.direct


def test_said_without_that() -> None:
    quote = one("Karimi said the country has every right to enrich uranium.")
    assert quote.text == "the country has every right to enrich uranium" and quote.speaker_text == "Karimi"


def test_postposed_tag() -> None:
    quote = one("The blockade will be lifted within days, a senior official said.")
    assert quote.text == "The blockade will be lifted within days"
    assert quote.speaker_text == "a senior official"


def test_according_to_before_and_after() -> None:
    before = one("According to the ministry, the convoy reached the border at dawn.")
    assert before.cue == "according to" and before.speaker_text == "the ministry"
    assert before.text == "the convoy reached the border at dawn"
    after = one("The convoy reached the border at dawn, according to local officials.")
    assert after.speaker_text == "local officials" and after.text == "The convoy reached the border at dawn"


def test_told_a_news_outlet() -> None:
    quote = one("Hassan Nouri told the radio station that negotiations had stalled.")
    assert quote.cue == "tell" and quote.speaker_text == "Hassan Nouri"
    assert quote.text == "that negotiations had stalled"


def test_warned() -> None:
    quote = one("The general warned that any strike would be answered.")
    assert quote.cue == "warn" and quote.text == "that any strike would be answered"


def test_colon_introduces_unquoted_content() -> None:
    quote = one("The communique said: both parties will meet again in Geneva.")
    assert quote.text == "both parties will meet again in Geneva" and quote.speaker_text == "The communique"


def test_conjoined_cue_borrows_the_subject() -> None:
    quotes = find("The president praised the talks and said a deal was within reach.")
    said = next(q for q in quotes if q.cue == "say")
    assert said.speaker_text == "The president" and said.text == "a deal was within reach"


def test_relative_pronoun_speaker_is_its_antecedent() -> None:
    quotes = find("The mediator, who said the gap had narrowed, left for Doha.")
    assert quotes[0].speaker_text == "The mediator"


def test_no_quotes_in_plain_narration() -> None:
    assert find("The delegation arrived in Muscat on Saturday and left on Sunday.") == []
