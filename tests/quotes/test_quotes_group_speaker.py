"""Group speakers ("officials", "analysts") keep their text with no actor; bare pronouns need an actor."""

from __future__ import annotations

from redline.nlp import load_pipeline
from redline.quotes import attribute, find_quotes


class NoActors:
    """An actor index that knows nobody."""

    def at(self, start: int, end: int):
        return None


def quotes_of(text: str):
    """The attributed quotes of a text, with an empty actor index."""
    return attribute(find_quotes(load_pipeline()(text)), NoActors())


def test_plural_group_is_kept_as_the_speaker() -> None:
    [quote] = quotes_of("Western officials said the inspectors would return next month.")
    assert quote.speaker == "Western officials" and quote.speaker_country is None


def test_group_with_present_tense_cue() -> None:
    [quote] = quotes_of("Analysts say the sanctions have hurt ordinary families most.")
    assert quote.speaker == "Analysts"


def test_unresolved_pronoun_gives_no_speaker() -> None:
    [quote] = quotes_of("She said the ceasefire was holding.")
    assert quote.speaker is None and quote.cue == "say"


def test_no_actor_index_at_all() -> None:
    spans = find_quotes(load_pipeline()("Diplomats said the venue had not been chosen."))
    [quote] = attribute(spans, None)
    assert quote.speaker == "Diplomats"
