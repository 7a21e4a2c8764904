"""Hand-built evidence for the deal-space tests."""

from __future__ import annotations

import itertools

from redline.dealspace import Evidence
from redline.positions import Position

_ids = itertools.count()


def ev(actor: str, issue: str, stance: str, *, direction: str | None = None, official: bool = True,
       voice: str = "official", source: str | None = "reuters.com", day: str | None = "2026-02-01",
       via: str | None = "a spokesman", confidence: float | None = 0.8, article: str | None = None,
       reported: bool = False) -> Evidence:
    """One piece of evidence with its direction set (by default the stance's own)."""
    own = {"demand": "for", "precondition": "for", "offer": "conditional", "open": "open", "reject": "against",
           "red_line": "against"}
    text = f"{actor} takes a {stance} stance on {issue}."
    position = Position(actor=actor, actor_country=None, issue=issue, stance=stance, official=official,
                        reported=reported, via=via, text=text, start=0, end=len(text), date=day, confidence=confidence)
    return Evidence(position=position, article_id=article or f"a{next(_ids)}", source=source, published=day,
                    voice=voice, direction=direction or own[stance])
