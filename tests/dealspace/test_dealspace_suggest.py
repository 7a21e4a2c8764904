"""Drafting a case profile from articles: parties that hold positions, issues from open-mode clusters."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from redline.dealspace import suggest_profile
from redline.positions import CaseProfile

ARTICLES = [
    "Turkey demanded the withdrawal of US troops from Manbij. Russia rejected the plan for a buffer zone.",
    "Turkey again demanded a US pull-out from Manbij, officials said. Iran offered to host talks in Tehran.",
    "Russia is ready to discuss the buffer zone with Turkey.",
]


@dataclass
class Text:
    """An article as suggest_profile sees it: text, date, and no positions yet."""

    text: str
    published: str | None = "2019-01-10"
    positions: list = field(default_factory=list)


def test_suggest_drafts_parties_and_issues_with_propositions():
    draft = suggest_profile([Text(t) for t in ARTICLES], key="syria-draft")
    assert draft["key"] == "syria-draft"
    parties = [p["name"] for p in draft["parties"]]
    assert parties[:2] == ["Turkey", "Russia"]
    assert draft["issues"] and all(i["proposition"] == i["label"] for i in draft["issues"])
    assert all(" " in i["label"] or i["label"].endswith("s") for i in draft["issues"])  # no bare single word


def test_suggest_draft_is_a_loadable_profile(tmp_path):
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(suggest_profile([Text(t) for t in ARTICLES])), encoding="utf-8")
    profile = CaseProfile.load(path)
    assert profile.issues and all(i.proposition for i in profile.issues)


def test_suggest_on_nothing():
    assert suggest_profile([])["issues"] == []
