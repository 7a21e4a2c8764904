"""The two records of the quote stage: what the finder sees (`QuoteSpan`) and the JSON contract (`Quote`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class QuoteSpan:
    """One attribution found in an article, before actor resolution; all offsets index the article text.

    `text`/`start`/`end` is the content (for a quotation, the words inside the marks, without them);
    `cue` is the cue lemma ("say", "according to"); the speaker span is the source's name phrase as written
    ("President Trump", "him", "Iranian officials"), or None when the text names no source. `direct` is
    True when the content holds the speaker's own words in quote marks, wholly or partly (mixed quotes).
    """

    text: str
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    direct: bool


@dataclass(slots=True)
class Quote:
    """An attributed quote as the JSON output names it: speaker resolved to a canonical actor where known."""

    speaker: str | None
    speaker_country: str | None
    cue: str | None
    text: str
    direct: bool
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The quote as the JSON output contract names it."""
        return {
            "speaker": self.speaker,
            "speaker_country": self.speaker_country,
            "cue": self.cue,
            "text": self.text,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
        }
