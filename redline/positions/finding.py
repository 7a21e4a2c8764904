"""What the cue readers find in a sentence, before holders and issues are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass(slots=True)
class Finding:
    """A stance shown in a sentence: the cue, the words naming the holder, and the issue's head words.

    `holders` empty means the holder is whoever voices the sentence (the quote's speaker, or the party
    that possesses the issue: "our missiles are non-negotiable"). `owner` is that possessor, when there is
    one. `region` is the token range [start, end) in which a case profile's issues are looked for first.
    """

    stance: str
    cue: Token
    sentence: Span
    holders: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    region: tuple[int, int] | None = None
    owner: Token | None = None
    kind: str = "cue"
