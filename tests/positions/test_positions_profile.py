"""Case profiles: loading by name or path, key-phrase matching, and the stage's positions mapped onto a profile
(the deal space does it at query time: the stage itself never sees a profile)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from redline.dealspace.issues import map_issues

from redline.positions import CaseProfile, ProfileError
from redline.positions.profile import shipped_profiles

USER_PROFILE = """
key: water-talks
label: Nile water talks
parties:
  - {name: Egypt, aliases: [Cairo]}
  - {name: Ethiopia, aliases: [Addis Ababa]}
issues:
  - {key: filling, label: Reservoir filling, aliases: [filling schedule], phrases: [filling, reservoir]}
  - {key: drought, label: Drought rules, phrases: [drought, dry years]}
"""


def test_shipped_profiles_load():
    assert {"us-iran-2026", "syria-2019"} <= set(shipped_profiles())
    profile = CaseProfile.load("us-iran-2026")
    assert profile.key == "us-iran-2026"
    assert {"United States", "Iran", "Israel", "Oman", "Qatar"} <= {p.name for p in profile.parties}
    assert {"nuclear", "missiles", "proxies", "sanctions", "hormuz", "talks_format"} <= {i.key for i in profile.issues}


@pytest.mark.parametrize(("text", "key"), [
    ("limits on its ballistic missiles", "missiles"),
    ("a halt to Iran's nuclear program", "nuclear"),
    ("an end to its support for regional proxy groups", "proxies"),
    ("support for regional groups like Hezbollah", "proxies"),
    ("the lifting of sanctions", "sanctions"),
    ("shipping through the Strait of Hormuz", "hormuz"),
    ("unless the U.S. revokes these preconditions", "talks_format"),
    ("the reopening of the Rafah crossing", None),
])
def test_match_by_key_phrase(text, key):
    assert CaseProfile.load("us-iran-2026").match(text) == key


def test_matches_lists_every_issue_in_order():
    profile = CaseProfile.load("us-iran-2026")
    assert profile.matches("its ballistic missile program and regional alliances") == ["missiles", "proxies"]


def test_user_profile_by_path(tmp_path):
    path = tmp_path / "water.yaml"
    path.write_text(USER_PROFILE, encoding="utf-8")
    profile = CaseProfile.load(path)
    assert profile.key == "water-talks" and profile.match("the filling schedule for the dam") == "filling"
    assert profile.party("Cairo") == "Egypt"


def test_unknown_profile_is_an_error(tmp_path):
    with pytest.raises(ProfileError):
        CaseProfile.load("no-such-case")
    with pytest.raises(ProfileError):
        CaseProfile.load(tmp_path / "missing.yaml")


def on_profile(positions, profile):
    """The stage's positions placed on the profile's issues by the deal space (the left-out ones dropped)."""
    placed = map_issues(positions, profile=profile).placements
    return [replace(p, issue=where.key) for p, where in zip(positions, placed) if where.key is not None]


def test_stage_positions_map_onto_profile_keys(positions_of, held):
    profile = CaseProfile.load("us-iran-2026")
    text = "Iran is not ready to discuss its ballistic missile programme, but it is ready to talk about enrichment."
    positions = on_profile(positions_of(text), profile)
    assert held(positions, "Iran", "reject", "missiles") and held(positions, "Iran", "open", "nuclear")
    assert {p.issue for p in positions} <= {i.key for i in profile.issues}


def test_stage_positions_on_other_issues_are_left_out_of_a_profile(positions_of):
    text = "Egypt rejected the plan to reopen the Rafah crossing for trucks."
    positions = positions_of(text)
    assert positions  # open mode keeps it, with its own issue
    assert on_profile(positions, CaseProfile.load("us-iran-2026")) == []


def test_user_profile_maps_the_stage_positions(tmp_path, positions_of, held):
    path = tmp_path / "water.yaml"
    path.write_text(USER_PROFILE, encoding="utf-8")
    positions = on_profile(positions_of("Ethiopia rejected Egypt's demands on the filling schedule."), CaseProfile.load(path))
    assert held(positions, "Ethiopia", "reject", "filling")


def test_profile_subject_is_read(tmp_path):
    profile = CaseProfile.load("us-iran-2026")
    assert profile.issue("missiles").subject == "Iran" and profile.issue("hormuz").subject == ""
