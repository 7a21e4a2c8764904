"""The deal space over placed evidence: weighed stances, other voices apart, status over the parties, shifts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dealspace_evidence import ev  # tests/dealspace/dealspace_evidence.py
from redline.dealspace import AnalysisRules, analysis_json, deal_space, make_evidence, select_matrix, status_of
from redline.dealspace.status import analyse
from redline.dealspace.timeline import shifts
from redline.dealspace.weigh import weigh
from redline.positions import CaseProfile, Position

RULES = AnalysisRules.load()
US, IRAN, ISRAEL, TURKEY = "United States", "Iran", "Israel", "Turkey"


# --- weighing one party's evidence ---

def test_status_weigh_counts_distinct_sources_over_repeats():
    items = [ev(IRAN, "x", "reject", source="irna.ir", article="one"),
             ev(IRAN, "x", "reject", source="irna.ir", article="one"),
             ev(IRAN, "x", "open", source="reuters.com"), ev(IRAN, "x", "open", source="ap.org")]
    stance = weigh(items, RULES)
    assert stance.direction == "open"  # two sources beat one source said twice in one article
    assert stance.breakdown.counts == {"against": 2, "open": 2} and stance.breakdown.sources == {"against": 1, "open": 2}
    assert stance.evidence_count == 4 and stance.sources == 3


def test_status_weigh_prefers_recent_evidence():
    old = [ev(IRAN, "x", "reject", day="2025-01-01", source=s) for s in ("a", "b")]
    new = [ev(IRAN, "x", "open", day="2026-02-01", source="c")]
    assert weigh(old + new, RULES).direction == "open"
    same_day = [replace(e, published="2026-02-01") for e in old]
    assert weigh(same_day + new, RULES).direction == "against"


def test_status_weigh_uses_confidence():
    items = [ev(IRAN, "x", "reject", confidence=0.2, source="a"), ev(IRAN, "x", "open", confidence=0.9, source="b")]
    assert weigh(items, RULES).direction == "open"
    flipped = [replace(e, position=replace(e.position, confidence=1.1 - e.position.confidence)) for e in items]
    assert weigh(flipped, RULES).direction == "against"


def test_status_weigh_firm_needs_a_firm_stance():
    assert weigh([ev(IRAN, "x", "red_line")], RULES).firm
    assert not weigh([ev(IRAN, "x", "reject")], RULES).firm
    assert weigh([ev(US, "x", "demand")], RULES).firm and not weigh([ev(US, "x", "offer")], RULES).firm


# --- voices ---

def test_status_voice_of_legislators_leaders_and_commentary():
    def p(**kw) -> Position:
        base = dict(actor=US, actor_country=None, issue="x", stance="reject", official=True, reported=False,
                    via="Lindsey Graham", text="t", start=0, end=1, date=None)
        return Position(**{**base, **kw})

    def voice(position: Position, role: str | None) -> str:
        return make_evidence(position, article_id="a", source=None, published=None, role=role).voice

    assert voice(p(), "senator") == "legislator"
    assert voice(p(via="US Congress"), None) == "legislator"
    assert voice(p(via="Donald Trump"), "US president") == "leader"
    assert voice(p(via="Mike Pence"), "vice president") == "official"
    assert voice(p(via="Barack Obama"), "former president") == "commentary"
    assert voice(p(official=False, via="an analyst"), None) == "commentary"


def test_status_other_voices_do_not_make_the_party_stance():
    evidence = [ev(US, "withdrawal", "demand", voice="leader", via="Donald Trump"),
                ev(US, "withdrawal", "reject", voice="legislator", via="Lindsey Graham", source="a"),
                ev(US, "withdrawal", "reject", voice="legislator", via="Lindsey Graham", source="b"),
                ev(US, "withdrawal", "reject", official=False, voice="commentary", source="c")]
    issue = analyse(evidence).issue("withdrawal")
    assert list(issue.parties) == [US] and issue.parties[US].direction == "for"
    assert set(issue.voices) == {f"{US} · legislator", f"{US} · commentary"}
    assert issue.voices[f"{US} · legislator"].direction == "against"
    assert issue.status == "one-sided"


# --- status ---

def test_status_impasse_needs_a_firm_for_and_a_red_line():
    missiles = [ev(US, "missiles", "demand"), ev(IRAN, "missiles", "red_line")]
    assert analyse(missiles).issue("missiles").status == "impasse"
    contested = [ev(US, "missiles", "demand"), ev(IRAN, "missiles", "reject")]
    assert analyse(contested).issue("missiles").status == "contested"
    agenda = [ev(US, "nuclear", "demand"), ev(IRAN, "nuclear", "open")]
    assert analyse(agenda).issue("nuclear").status == "agenda"
    assert analyse([ev(US, "x", "demand")]).issue("x").status == "one-sided"
    assert analyse([], issues=["y"]).issue("y").status == "unknown"


def test_status_same_direction_is_agreement_not_conflict():
    # "demand the YPG's removal" and "reject a YPG role" are both against: no conflict between them
    both_against = [ev(TURKEY, "kurds", "demand", direction="against"), ev(IRAN, "kurds", "reject")]
    assert analyse(both_against).issue("kurds").status == "agenda"


def test_status_is_computed_over_the_parties_shown():
    evidence = [ev(US, "missiles", "demand", source="a"), ev(US, "missiles", "demand", source="b"),
                ev(IRAN, "missiles", "red_line"), ev(ISRAEL, "missiles", "demand")]
    analysis = analyse(evidence)
    assert analysis.issue("missiles").status == "impasse"
    choice = select_matrix(analysis, profile=None, max_issues=5, max_parties=1)
    assert choice.parties == [US] and choice.issues[0].status == "one-sided"  # the red line is not on screen
    scoped = analyse(evidence, scope=[US, ISRAEL])
    assert scoped.issue("missiles").status == "agenda"


def test_status_of_directions_only():
    stances = analyse([ev(US, "x", "demand"), ev(IRAN, "x", "open")]).issue("x").parties
    assert status_of(stances) == "agenda" and status_of({}) == "unknown"


# --- shifts ---

def test_status_shift_is_a_confirmed_change_of_direction():
    before = [ev(IRAN, "x", "reject", day="2026-01-01", source=s) for s in ("a", "b")]
    after = [ev(IRAN, "x", "demand", day="2026-03-01", source=s) for s in ("a", "b")]
    found = shifts(IRAN, "x", before + after, RULES)
    assert len(found) == 1 and (found[0].before_direction, found[0].after_direction) == ("against", "for")
    assert found[0].before.date == "2026-01-01" and found[0].after.date == "2026-03-01"


def test_status_rewording_and_strays_are_no_shift():
    reworded = [ev(TURKEY, "kurds", "reject", day="2026-01-01"),
                ev(TURKEY, "kurds", "demand", direction="against", day="2026-03-01"),
                ev(TURKEY, "kurds", "red_line", day="2026-05-01")]
    assert shifts(TURKEY, "kurds", reworded, RULES) == []
    stray = [ev(TURKEY, "kurds", "reject", day="2026-01-01"), ev(TURKEY, "kurds", "demand", day="2026-03-01"),
             ev(TURKEY, "kurds", "reject", day="2026-05-01")]
    assert shifts(TURKEY, "kurds", stray, RULES) == []  # one source, one window, not kept: no change of policy
    undated = [ev(TURKEY, "kurds", "reject", day=None), ev(TURKEY, "kurds", "demand", day=None)]
    assert shifts(TURKEY, "kurds", undated, RULES) == []


# --- the deal space end to end, from positions ---

def test_status_deal_space_on_a_profile_gives_the_json_contract():
    profile = CaseProfile.load("us-iran-2026")

    def said(actor: str, stance: str, phrase: str, text: str, via: str) -> object:
        start = text.index(phrase)
        p = Position(actor, None, "x", stance, True, False, via, text, 0, len(text), "2026-02-01", 0.7, phrase,
                     start, start + len(phrase))
        return make_evidence(p, article_id=f"{actor}{stance}", source=actor, published="2026-02-01")

    evidence = [said(US, "demand", "limits on its ballistic missiles", "Washington wants limits on its ballistic "
                     "missiles.", "Marco Rubio"),
                said(IRAN, "red_line", "missile programme", "Tehran said its missile programme is not negotiable.",
                     "Ali Shamkhani"),
                said(IRAN, "open", "nuclear programme", "Iran is ready to talk about its nuclear programme.",
                     "Abbas Araghchi")]
    data = analysis_json(evidence, profile=profile)
    missiles = next(i for i in data["issues"] if i["issue"] == "missiles")
    assert missiles["label"] == "Limits on Iran's ballistic missiles" and missiles["status"] == "impasse"
    assert missiles["parties"][US]["direction"] == "for" and missiles["parties"][IRAN]["direction"] == "against"
    assert set(missiles["parties"][IRAN]) >= {"stance", "direction", "evidence_count", "sources", "breakdown"}
    nuclear = next(i for i in data["issues"] if i["issue"] == "nuclear")
    assert nuclear["parties"][IRAN]["direction"] == "open"
    assert deal_space(evidence, profile=profile).issue("sanctions").status == "unknown"


def test_status_rules_file_overrides(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("directions: {offer: for}\nfirm: {for: [demand, precondition, offer]}\n", encoding="utf-8")
    rules = AnalysisRules.load(path)
    assert rules.directions["offer"] == "for" and rules.directions["demand"] == "for"
    assert weigh([ev(US, "x", "offer", direction="for")], rules).firm
    with pytest.raises(ValueError):
        AnalysisRules.from_mapping({**_shipped(), "directions": {"demand": "sideways"}})


def _shipped() -> dict:
    """The shipped rules as a mapping."""
    from redline.dealspace.rules import _shipped_yaml

    return dict(_shipped_yaml())
