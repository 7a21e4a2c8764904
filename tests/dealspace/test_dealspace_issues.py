"""Open-mode issues merged across articles by meaning (wordllama), or mapped onto a profile."""

from __future__ import annotations

from dataclasses import replace

from redline.positions import CaseProfile, Position, normalise_issues
from redline.positions.normalise import merge_phrases


def position(issue: str, actor: str = "Kurds", stance: str = "reject") -> Position:
    """A position with this issue (the rest is filler)."""
    return Position(actor, None, issue, stance, True, False, None, "text", 0, 4, "2019-01-01")


def test_withdrawal_and_pull_out_are_one_issue():
    merged = normalise_issues([position("withdrawal of US troop"), position("US pull-out"), position("US pull-out")])
    assert len({p.issue for p in merged}) == 1
    assert merged[0].issue == "US pull-out"  # the most frequent phrase labels the issue


def test_unrelated_issues_stay_apart():
    mapping = merge_phrases(["withdrawal of US troop", "lifting of sanction", "ballistic missile program", "ceasefire in Idlib"])
    assert len(set(mapping.values())) == 4


def test_paraphrases_merge():
    mapping = merge_phrases(["lifting of sanction", "sanction relief", "ceasefire in Idlib", "truce in Idlib"])
    assert mapping["lifting of sanction"] == mapping["sanction relief"]
    assert mapping["ceasefire in Idlib"] == mapping["truce in Idlib"]
    assert mapping["sanction relief"] != mapping["truce in Idlib"]


def test_a_place_shared_by_many_phrases_does_not_merge_them():
    phrases = ["attack on Idlib", "humanitarian corridor in Idlib", "withdrawal of jihadists from Idlib",
               "ceasefire in Idlib", "election"]
    mapping = merge_phrases(phrases)
    assert mapping["attack on Idlib"] != mapping["humanitarian corridor in Idlib"]


def test_normalise_leaves_input_unchanged():
    original = [position("US pull-out"), position("withdrawal of US troop")]
    normalise_issues(original)
    assert [p.issue for p in original] == ["US pull-out", "withdrawal of US troop"]
    assert normalise_issues([]) == []


def test_profile_maps_phrases_to_issue_keys():
    profile = CaseProfile.load("us-iran-2026")
    merged = normalise_issues([position("limit on ballistic missile"), position("sanction relief"), position("missiles")],
                              profile=profile)
    assert [p.issue for p in merged] == ["missiles", "sanctions", "missiles"]


def test_profile_keeps_unknown_phrases():
    merged = normalise_issues([replace(position("reopening of Rafah crossing"))], profile=CaseProfile.load("us-iran-2026"))
    assert merged[0].issue == "reopening of Rafah crossing"
