"""The finder's working record (a cue with its content and speaker) and content-boundary trimming."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .marks import count_marks, mark_ending, mark_starting
from .model import QuoteSpan
from .speaker import SpeakerSpan

# Punctuation that only separates content from the cue and speaker ("…,” he said"; "said: …").
_EDGE = " \t\n\r\u00a0,;:—–-"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue as found: its lemma (or phrase), character span, and the token that identifies it."""

    text: str
    start: int
    end: int
    token: int

    @classmethod
    def of(cls, token: Token, text: str | None = None, last: Token | None = None) -> "Cue":
        """The cue of one token (or of the tokens from `token` to `last`), named by its lemma by default."""
        end = (last or token).idx + len((last or token).text)
        return cls(text or token.lemma_.lower(), token.idx, end, token.i)


@dataclass(slots=True)
class Candidate:
    """One attribution being assembled: content character span, cue, speaker, and whether it is quoted."""

    start: int
    end: int
    cue: Cue | None
    speaker: SpeakerSpan | None
    direct: bool = False
    rule: bool = True  # False for a "broad" candidate (a verb or noun outside the cue lexicon) offered to the detector
    variant: str = ""  # which reading of its token a broad candidate is ("head", "first")
    longer_end: int = -1  # where the content would end run on to its sentence's end (-1: no longer reading)
    added: int = -1  # the first word token the longer reading adds

    def span(self, text: str) -> QuoteSpan:
        """The finished record, its content text cut from the article."""
        cue, speaker = self.cue, self.speaker
        return QuoteSpan(
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            cue=cue.text if cue else None,
            cue_start=cue.start if cue else None,
            cue_end=cue.end if cue else None,
            speaker_text=speaker.text if speaker else None,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            direct=self.direct,
        )


def _sentence_period(text: str, start: int, end: int) -> bool:
    """True when the span ends with a full stop that closes the sentence, not an abbreviation ("U.S.")."""
    return end - start > 1 and text[end - 1] == "." and not text[end - 2].isupper()


def trim(text: str, start: int, end: int, *, keep_period: bool = False) -> tuple[int, int]:
    """The span without separating punctuation at its edges, and without a quote mark unpaired inside it.

    The sentence's full stop is dropped from reported content (it ends the reporting sentence), kept
    inside a quotation (`keep_period`), where it is the speaker's.
    """
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while start < end and text[end - 1] in _EDGE:
            end -= 1
        if not keep_period and _sentence_period(text, start, end):
            end -= 1
        if count_marks(text, start, end) % 2:
            lead = mark_starting(text, start, end)
            start, end = (start + lead, end) if lead else (start, end - mark_ending(text, start, end))
        if (start, end) == before:
            return start, end
