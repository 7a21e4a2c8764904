"""The JSON contract and the pipeline stage: speakers resolved through a duck-typed actor index."""

from __future__ import annotations

from dataclasses import dataclass

from redline.nlp import load_pipeline
from redline.quotes import Quote, extract_quotes, quotes_stage
from redline.stages import STAGES


@dataclass
class FakeActor:
    name: str
    country: str


class OneActor:
    """An actor index resolving every span that holds a surname."""

    def __init__(self, text: str, surname: str, actor: FakeActor) -> None:
        self.text, self.surname, self.actor = text, surname, actor

    def at(self, start: int, end: int):
        return self.actor if self.surname in self.text[start:end] else None


def test_speaker_resolved_to_actor_name_and_country() -> None:
    text = "“We will respond in kind,” said Defence Minister Omar Saleh."
    actors = OneActor(text, "Saleh", FakeActor("Omar Saleh", "IRN"))
    [quote] = extract_quotes(load_pipeline()(text), actors)
    assert (quote.speaker, quote.speaker_country, quote.cue, quote.direct) == ("Omar Saleh", "IRN", "say", True)


def test_to_json_names_the_contract_fields() -> None:
    quote = Quote("Omar Saleh", "IRN", "say", "We will respond", True, 1, 16)
    assert quote.to_json() == {
        "speaker": "Omar Saleh", "speaker_country": "IRN", "cue": "say",
        "text": "We will respond", "direct": True, "start": 1, "end": 16,
    }


def test_registered_as_the_quotes_stage() -> None:
    info = STAGES["quotes"]
    assert info.func is quotes_stage
    assert info.requires == ("Doc", "Article.actors") and info.assigns == ("Article.quotes",)
