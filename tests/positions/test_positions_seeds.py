"""The seed articles (../shared/seeds, skipped when absent): the stage's positions in open mode, and as the deal
space places them on the us-iran-2026 profile (the stage never sees a profile)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from redline.actors import find_actors
from redline.pipeline import extract
from redline.dealspace import normalise_issues
from redline.dealspace.issues import map_issues
from redline.positions import CaseProfile, extract_positions
from redline.quotes import extract_quotes

_CACHE: dict = {}


def seed_positions(seeds, profile_name: str | None):
    """(article, positions) for every seed article: the stage's, or with a profile those the deal space places
    on the profile's issues (issue = its key, party = its name), the others left out (cached per mode)."""
    if profile_name not in _CACHE:
        if profile_name is None:
            from redline.nlp import load_pipeline

            found = []
            for article in extract([str(seeds)]).articles:
                doc = load_pipeline()(article.text)
                actors = find_actors(doc, published=article.published)
                found.append((article, extract_positions(doc, actors, extract_quotes(doc, actors), published=article.published)))
        else:
            profile = CaseProfile.load(profile_name)
            found = [(article, on_profile(positions, profile)) for article, positions in seed_positions(seeds, None)]
        _CACHE[profile_name] = found
    return _CACHE[profile_name]


def on_profile(positions, profile):
    """The positions the deal space places on the profile's issues, with its issue keys and party names."""
    placed = map_issues(positions, profile=profile).placements
    return [replace(p, issue=where.key, actor=profile.party(p.actor) or p.actor)
            for p, where in zip(positions, placed) if where.key is not None]


def iran_article(found):
    """The positions of the seed article with Shamkhani's words."""
    return [p for article, ps in found if "Shamkhani" in article.text for p in ps]


def expert_article(found):
    """The positions of the seed article with Akbari's words."""
    return [p for article, ps in found if "Akbari" in article.text for p in ps]


def rafah_article(found):
    """The positions of the appended Rafah article."""
    return [p for article, ps in found if "Rafah" in article.text and "Akbari" not in article.text for p in ps]


def test_iran_red_line_on_missiles_by_official_and_analysts(seeds):
    found = seed_positions(seeds, "us-iran-2026")
    red = [p for p in iran_article(found) + expert_article(found) if p.actor == "Iran" and p.stance == "red_line" and p.issue == "missiles"]
    by_voice = {p.via: p.official for p in red}
    assert by_voice.get("Ali Shamkhani") is True
    assert by_voice.get("Hassan Ahmadian") is False
    assert by_voice.get("Arash M. Akbari") is False


def test_iran_open_on_nuclear(seeds, held):
    assert held(iran_article(seed_positions(seeds, "us-iran-2026")), "Iran", "open", "nuclear")


def test_us_preconditions_reported(seeds):
    positions = expert_article(seed_positions(seeds, "us-iran-2026"))
    us = {p.issue for p in positions if p.actor == "United States" and p.stance == "precondition" and p.reported}
    assert {"nuclear", "missiles", "proxies"} <= us


def test_us_demands_missiles_and_regional_alliances(seeds, held):
    positions = iran_article(seed_positions(seeds, "us-iran-2026"))
    assert held(positions, "United States", "demand", "missiles") and held(positions, "United States", "demand", "proxies")


def test_israel_expected_to_press_on_missiles_and_hezbollah(seeds, held):
    positions = iran_article(seed_positions(seeds, "us-iran-2026"))
    assert held(positions, "Israel", "demand", "missiles") and held(positions, "Israel", "demand", "proxies")


def test_talks_never_happen_unless_is_a_precondition(seeds, held):
    positions = expert_article(seed_positions(seeds, "us-iran-2026"))
    assert held(positions, "Iran", "precondition", "talks_format")
    assert not held(positions, "Iran", "open")


def test_pezeshkian_rejects_excessive_demands_and_will_not_succumb(seeds):
    positions = [p for p in iran_article(seed_positions(seeds, None)) if p.via == "Masoud Pezeshkian"]
    assert any(p.stance == "reject" and "demand" in p.issue for p in positions)
    assert any(p.stance == "red_line" and "aggression" in p.issue for p in positions)


def test_rafah_gets_no_us_iran_issue(seeds):
    keys = {i.key for i in CaseProfile.load("us-iran-2026").issues}
    assert not [p for p in rafah_article(seed_positions(seeds, "us-iran-2026")) if p.issue in keys]


def test_open_mode_finds_the_same_stances(seeds, held):
    found = seed_positions(seeds, None)
    iran, expert = iran_article(found), expert_article(found)
    assert held(iran, "Iran", "red_line", "missile")
    assert held(iran, "Iran", "open", "nuclear")
    assert held(iran, "Israel", "demand", "military weapon") and held(iran, "Israel", "demand", "regional group")
    us = [p.issue for p in held(expert, "United States", "precondition") if p.reported]
    assert any("nuclear program" in i for i in us) and any("missile" in i for i in us) and any("proxy" in i for i in us)


def test_open_mode_rafah_stays_apart_from_iran_issues(seeds):
    found = seed_positions(seeds, None)
    rafah = rafah_article(found)
    merged = normalise_issues([p for _, ps in found for p in ps])
    rafah_issues = {m.issue for p, m in zip([p for _, ps in found for p in ps], merged) if p in rafah}
    iran_issues = {m.issue for p, m in zip([p for _, ps in found for p in ps], merged) if p not in rafah}
    assert not rafah_issues & iran_issues


def test_evidence_offsets_point_into_the_article(seeds):
    found = [(article, p) for article, positions in seed_positions(seeds, "us-iran-2026") for p in positions]
    assert len(found) >= 5  # the seeds hold many positions; an empty result must not pass
    for article, p in found:
        assert article.text[p.start:p.end] == p.text


@pytest.mark.parametrize("mode", ["us-iran-2026", None])
def test_every_position_has_a_known_stance(seeds, mode):
    from redline.positions import STANCES

    stances = [p.stance for _, ps in seed_positions(seeds, mode) for p in ps]
    assert stances and all(s in STANCES for s in stances)
