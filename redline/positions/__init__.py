"""Positions: each party's stance (demand, precondition, red line, openness, offer, rejection) on each issue
of a negotiation, with the sentence that shows it.

    extract_positions(doc, actors, quotes, published=..., profile=None) -> list[Position]   # the stage
    normalise_issues(positions, profile=None) -> list[Position]     # open-mode issues merged across articles
    CaseProfile.load("us-iran-2026")                                # a case's parties and issues
    suggest_profile(articles) -> dict                               # a draft profile from articles

Word lists and thresholds live in `redline/data/stance_cues.yaml`; profiles in `redline/data/profiles/`.
"""

from .extract import extract_positions
from .model import STANCES, Analysis, Evidence, IssueStatus, PartyStance, Position, Shift
from .normalise import normalise_issues
from .profile import CaseProfile, ProfileError
from .suggest import suggest_profile

__all__ = [
    "STANCES", "Analysis", "CaseProfile", "Evidence", "IssueStatus", "PartyStance", "Position", "ProfileError",
    "Shift", "extract_positions", "normalise_issues", "suggest_profile",
]
