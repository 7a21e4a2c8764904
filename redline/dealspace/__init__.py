"""The deal space: everything across articles. Positions become evidence, their issue phrases issues (merged
in open mode, or a case profile's), each stance gets a direction toward its issue's proposition, each party's
stance is weighed from all its evidence, and each issue gets a status; shifts are changes of direction.

    evidence = article_evidence(articles)         # one way to build Evidence (also stored_evidence, make_evidence)
    deal_space(evidence, profile=None) -> Analysis
    analysis_json(evidence, profile=None) -> dict  # what extract, batch and the views give
    select_matrix(analysis, profile=..., max_issues=..., max_parties=...) -> MatrixChoice
    suggest_profile(articles) -> dict              # a draft case profile from open-mode clusters

Rules, weights and word lists: `redline/data/analysis.yaml`; propositions and reversal terms of a case:
its profile (`redline/data/profiles/`).
"""

from redline.dealspace.issues import IssueInfo, IssueMap, map_issues, merge_phrases, normalise_issues
from redline.dealspace.matrix import MatrixChoice, by_weight, over_parties, select_matrix
from redline.dealspace.model import (DIRECTIONS, STATUSES, VOICES, Analysis, Breakdown, Evidence, IssueStatus,
                                     PartyStance, Shift)
from redline.dealspace.rules import AnalysisRules
from redline.dealspace.space import (Placed, analysis_json, analysis_of, article_evidence, deal_space,
                                     extract_document, make_evidence, merged_evidence, place, stored_evidence,
                                     voice_of)
from redline.dealspace.status import status_of
from redline.dealspace.suggest import suggest_profile

__all__ = [
    "DIRECTIONS", "STATUSES", "VOICES", "Analysis", "AnalysisRules", "Breakdown", "Evidence", "IssueInfo",
    "IssueMap", "IssueStatus", "MatrixChoice", "PartyStance", "Placed", "Shift", "analysis_json", "analysis_of",
    "article_evidence", "by_weight", "deal_space", "extract_document", "make_evidence", "map_issues",
    "merge_phrases", "merged_evidence", "normalise_issues", "over_parties", "place", "select_matrix", "status_of", "stored_evidence",
    "suggest_profile", "voice_of",
]
