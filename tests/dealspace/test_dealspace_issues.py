"""Issues across articles: open-mode phrases merged by meaning (wordllama) and labelled from their members,
or mapped onto a profile's issues; each with its sign toward the proposition."""

from __future__ import annotations

from redline.dealspace import AnalysisRules, map_issues, merge_phrases
from redline.dealspace.direction import direction_of, polarity
from redline.dealspace.issues import label_form, reads_as_label
from redline.positions import CaseProfile, Position

RULES = AnalysisRules.load()


def position(phrase: str, actor: str = "Turkey", stance: str = "reject", text: str | None = None) -> Position:
    """A position about this phrase, in a sentence that holds it."""
    text = text or f"{actor} spoke about {phrase} on Monday."
    start = text.find(phrase)
    return Position(actor, None, phrase, stance, True, False, None, text, 0, len(text), "2019-01-01",
                    issue_text=phrase, issue_start=start if start >= 0 else None,
                    issue_end=start + len(phrase) if start >= 0 else None)


def test_issues_withdrawal_and_pull_out_are_one_issue():
    mapping = merge_phrases(["withdrawal of US troops", "US pull-out", "US pull-out"])
    assert len(set(mapping.values())) == 1 and mapping["US pull-out"] == "US pull-out"


def test_issues_unrelated_phrases_stay_apart():
    mapping = merge_phrases(["withdrawal of US troops", "lifting of sanctions", "ballistic missile program",
                             "ceasefire in Idlib"])
    assert len(set(mapping.values())) == 4


def test_issues_paraphrases_merge():
    mapping = merge_phrases(["lifting of sanctions", "sanctions relief", "ceasefire in Idlib", "truce in Idlib"])
    assert mapping["lifting of sanctions"] == mapping["sanctions relief"]
    assert mapping["ceasefire in Idlib"] == mapping["truce in Idlib"]
    assert mapping["sanctions relief"] != mapping["truce in Idlib"]


def test_issues_a_role_and_its_removal_merge_with_opposite_signs():
    found = map_issues([position("a YPG role in the talks", stance="reject"),
                        position("the YPG's removal from the talks", stance="demand"),
                        position("a YPG role in the talks", stance="reject")])
    keys = {p.key for p in found.placements}
    assert len(keys) == 1 and None not in keys
    signs = [p.sign for p in found.placements]
    assert signs[0] == signs[2] == -signs[1]
    # so rejecting the role and demanding the removal point the same way
    directions = {direction_of(s, p.sign, RULES) for s, p in zip(("reject", "demand", "reject"), found.placements)}
    assert directions == {"against"}


def test_issues_open_mode_labels_are_phrases_of_their_sentences():
    positions = [position("the ballistic missile program"), position("ballistic missile programme"),
                 position("him"), position("2019"), position("act")]
    found = map_issues(positions)
    assert found.left_out == 3  # a pronoun, a year, a bare singular noun name no proposition
    for info in found.issues.values():
        members = [p for p, where in zip(positions, found.placements) if where.key == info.key]
        assert any(info.label.casefold() in p.text.casefold() for p in members)
        assert reads_as_label(info.label)


def test_issues_labels_drop_a_leading_determiner_and_refuse_function_words():
    assert label_form("the YPG's removal") == "YPG's removal"
    assert label_form("him") == "" and label_form("the same question") == ""
    assert not reads_as_label("halt") and reads_as_label("sanctions") and reads_as_label("US troops")


def test_issues_profile_maps_phrases_and_signs():
    profile = CaseProfile.load("syria-2019")
    found = map_issues([position("the withdrawal of US troops", stance="demand"),
                        position("US troops in Syria", stance="demand"),
                        position("the YPG's removal from Manbij", stance="demand"),
                        position("reopening of the Rafah crossing")], profile=profile)
    assert [p.key for p in found.placements] == ["us_withdrawal", "us_withdrawal", "kurds", None]
    assert [p.sign for p in found.placements[:3]] == [1, -1, -1]
    assert found.left_out == 1 and found.issues["kurds"].label.startswith("A Kurdish role")


def test_issues_a_phrase_that_names_nothing_keeps_its_sign():
    profile = CaseProfile.load("us-iran-2026")
    text = "Netanyahu urged Trump to end Iran's support for its proxies."
    found = map_issues([Position("Israel", None, "proxies", "demand", True, False, None, text, 0, len(text), None,
                                 issue_text="Trump", issue_start=text.find("Trump"), issue_end=text.find("Trump") + 5)],
                       profile=profile)
    assert found.placements[0].key == "proxies" and found.placements[0].sign == 1


def test_issues_polarity_counts_reversal_words():
    assert polarity("the YPG's removal", RULES) == -1 and polarity("a YPG role", RULES) == 1
    assert polarity("sanctions relief", RULES) == -1 and polarity("limits on missiles", RULES) == 1
    assert direction_of("red_line", -1, RULES) == "against"  # a red line does not turn with the phrase
    assert direction_of("open", -1, RULES) == "open"
