"""Direct quotes: tags after and before the quotation, continuations, multi-paragraph and mixed quotes."""

from __future__ import annotations

from redline.nlp import load_pipeline
from redline.quotes import QuoteSpan, find_quotes


def find(text: str) -> list[QuoteSpan]:
    """The quotes found in a text."""
    return find_quotes(load_pipeline()(text))


def only(quotes: list[QuoteSpan], fragment: str) -> QuoteSpan:
    """The one quote whose content holds the fragment."""
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


def test_tag_after_with_subject_first() -> None:
    quote = only(find("“We will not accept these terms,” the foreign minister said on Monday."), "these terms")
    assert quote.direct and quote.text == "We will not accept these terms"
    assert quote.speaker_text == "the foreign minister" and quote.cue == "say"


def test_tag_after_with_inverted_subject() -> None:
    quote = only(find("“The sanctions must be lifted first,” said Maria Lopez, a senior negotiator."), "lifted")
    assert quote.speaker_text == "Maria Lopez" and quote.direct


def test_tag_before_with_colon() -> None:
    quote = only(find("The prime minister told reporters: “There will be no second round.”"), "second round")
    assert quote.speaker_text == "The prime minister" and quote.cue == "tell"
    assert quote.text == "There will be no second round."


def test_quoted_as_saying_makes_the_object_the_speaker() -> None:
    text = "Jonas Berg spoke in the capital. “Our borders are not negotiable,” state television quoted him as saying."
    quote = only(find(text), "borders")
    assert quote.speaker_text == "him" and quote.cue == "quote"


def test_next_sentence_quotation_continues_the_tagged_quote() -> None:
    text = "“The offer is serious,” Lopez told the agency. “We expect an answer this week.”"
    quotes = find(text)
    first, second = only(quotes, "serious"), only(quotes, "this week")
    assert second.speaker_text == "Lopez" and second.cue_start == first.cue_start


def test_quotation_resumed_after_the_tag_in_the_same_sentence() -> None:
    text = "“We came in good faith,” the envoy said after the meeting, “and we leave disappointed.”"
    quotes = find(text)
    assert only(quotes, "disappointed").speaker_text == "the envoy"


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "The mediator spoke at length.\n\n"
        "“Both sides have moved. The gap is smaller than it was a month ago.\n\n"
        "“What remains is political will,” she said.\n\nOther news followed."
    )
    quote = only(find(text), "political will")
    assert "Both sides have moved" in quote.text and quote.speaker_text == "she"


def test_mixed_quote_keeps_the_whole_clause_and_is_direct() -> None:
    text = "Kessler said Tuesday that his government is ready to talk, but “will not bow to threats.”"
    quote = only(find(text), "bow to threats")
    assert quote.direct and quote.speaker_text == "Kessler"
    assert quote.text.startswith("that his government is ready to talk")


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = "The so-called “peace plan” was discussed on “Morning Report” yesterday."
    assert find(text) == []


def test_nested_cue_inside_a_quotation_is_not_a_second_quote() -> None:
    text = "“The generals say they are ready, but we are not,” the senator said."
    quotes = find(text)
    assert len(quotes) == 1 and quotes[0].speaker_text == "the senator"


def test_quoted_title_is_not_the_speakers_words() -> None:
    [quote] = find("The senator appeared on “Meet the Press,” the network said.")
    assert quote.text.startswith("The senator appeared") and not quote.direct
    assert find("He was interviewed on “Meet the Press” on Sunday.") == []
