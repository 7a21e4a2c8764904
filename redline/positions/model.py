"""The record of the position stage (the JSON contract's names); the analysis across articles has its own in
`redline.dealspace.model`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STANCES = ("demand", "precondition", "red_line", "open", "offer", "reject")


@dataclass(slots=True)
class Position:
    """One party's stance on one issue, with the sentence that shows it.

    `actor` is the party holding the position (a state or organisation: "Iran", "United States"), `via`
    the person or body who voiced it ("Ali Shamkhani"); `official` is False when an analyst, expert or
    journalist voices it; `reported` is True when the article reports it second-hand ("according to
    media reports"). `issue` is the issue key of the case profile, or the normalised issue label in
    open mode. `text`/`start`/`end` are the evidence sentence and its offsets in the article text.
    `confidence` is the learned classifier's calibrated probability (None for a rule-only record);
    `issue_text`/`issue_start`/`issue_end` the noun phrase the position is about, as written, with its
    offsets in the article text (None when no phrase was found).
    """

    actor: str
    actor_country: str | None
    issue: str
    stance: str
    official: bool
    reported: bool
    via: str | None
    text: str
    start: int
    end: int
    date: str | None
    confidence: float | None = None
    issue_text: str | None = None
    issue_start: int | None = None
    issue_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The position as the JSON output contract names it."""
        return {
            "actor": self.actor, "actor_country": self.actor_country, "issue": self.issue, "stance": self.stance,
            "official": self.official, "reported": self.reported, "via": self.via, "text": self.text,
            "start": self.start, "end": self.end, "date": self.date, "confidence": self.confidence,
            "issue_text": self.issue_text, "issue_start": self.issue_start, "issue_end": self.issue_end,
        }
