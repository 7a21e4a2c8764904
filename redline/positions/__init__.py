"""Positions: each party's stance (demand, precondition, red line, openness, offer, rejection) on each issue
of a negotiation, with the sentence that shows it.

    extract_positions(doc, actors, quotes, published=...) -> list[Position]   # the stage (no profile)
    CaseProfile.load("us-iran-2026")                          # a case's parties and issues

The stage never sees a case profile: the deal space maps positions onto one when the store is queried.

Word lists and thresholds live in `redline/data/stance_cues.yaml`; profiles in `redline/data/profiles/`.
What happens across articles (issues merged, stances weighed, status, shifts) is `redline.dealspace`.
"""

from .extract import extract_positions
from .model import STANCES, Position
from .profile import CaseProfile, ProfileError
from .stage import positions_stage

__all__ = ["STANCES", "CaseProfile", "Position", "ProfileError", "extract_positions", "positions_stage"]
