"""The seed pages (real news on the 2026 US-Iran talks): the events the record must hold.

The pipeline splits the pages into articles (seed 000 holds two) and finds their actors; the event stage
codes each article."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_events():
    """Every seed article's events, as (article, event) pairs (skipped when ../shared is absent)."""
    if not SEEDS.exists():
        pytest.skip(f"evaluation data not available: {SEEDS} (it lives beside the repository, in ../shared)")
    seeds = SEEDS
    from redline.actors import find_actors
    from redline.events import code_events
    from redline.nlp import load_pipeline
    from redline.pipeline import extract

    nlp = load_pipeline()
    found = []
    for article in extract([str(seeds)]).articles:
        if article.duplicate_of or not article.text.strip():
            continue
        doc = nlp(article.text)
        actors = find_actors(doc, published=article.published)
        found += [(article, e) for e in code_events(doc, actors, published=article.published)]
    return found


def _having(found, type_, words):
    """The events of a type whose evidence sentence holds the words."""
    return [e for _, e in found if e.type == type_ and words in e.text]


def test_armada_heading_toward_iran_is_a_show_of_force(seed_events):
    armada = _having(seed_events, "THREATEN", "armada")
    armada = [e for e in armada if e.target_country == ["IRN"]]
    assert armada
    assert armada[0].status in ("occurred", "announced")
    assert "USA" in armada[0].source_country
    assert not _having(seed_events, "MOBILIZE", "armada")


def test_second_carrier_is_a_threat_floated_not_sent(seed_events):
    carrier = [e for e in _having(seed_events, "THREATEN", "second aircraft carrier") if e.target_country == ["IRN"]]
    assert carrier
    assert all(e.status in ("threatened", "planned") for e in carrier)
    assert not [e for _, e in seed_events if "second aircraft carrier" in e.text and e.type in ("AGREE", "AID")]


def test_armada_and_second_carrier_do_not_merge(seed_events):
    from redline.events import merge_mentions

    by_article: dict = {}
    for article, e in seed_events:
        by_article.setdefault(article.id, (article.id, None, [], article.published))[2].append(e)
    for m in merge_mentions(list(by_article.values())):
        texts = {x.text for x in m.mentions}
        assert not (any("armada" in t for t in texts) and any("second aircraft carrier" in t for t in texts))


def test_either_a_deal_or_something_tough_is_a_threat(seed_events):
    either = [e for _, e in seed_events if "Either we make a deal" in e.text]
    assert either
    assert either[0].type == "THREATEN"
    assert all(e.type != "AGREE" for e in either)


def test_no_agreement_from_limits_to_what_iran_can_offer(seed_events):
    assert not _having(seed_events, "AGREE", "limits to what Iran can offer")


def test_trump_threatened_military_action(seed_events):
    threats = _having(seed_events, "THREATEN", "threatened military action")
    assert threats
    assert threats[0].source_country == ["USA"]
    assert threats[0].target_country == ["IRN"]
    assert threats[0].status == "occurred"
    assert not _having(seed_events, "ASSAULT", "threatened military action")


def test_mediated_talks_in_oman(seed_events):
    talks = _having(seed_events, "CONSULT", "mediated talks")
    assert talks
    assert talks[0].mediated_by == "Oman"
    assert talks[0].location == "Oman"
    assert {"USA", "IRN"} <= set(talks[0].source_country)


def test_larijani_met_the_emir_of_qatar(seed_events):
    met = [e for e in _having(seed_events, "CONSULT", "Larijani") if "IRN" in e.source_country
           and "QAT" in e.target_country]
    assert met
    assert any(e.target and "Tamim" in e.target[0] for e in met)


def test_the_emir_called_trump(seed_events):
    calls = _having(seed_events, "CONSULT", "spoke by phone")
    assert calls
    assert calls[0].mode == "phone"
    assert calls[0].source_country == ["QAT"] and calls[0].target_country == ["USA"]


def test_nothing_from_if_they_happen(seed_events):
    assert not [e for _, e in seed_events if "if they happen" in e.text.lower()]


def test_no_hypothetical_is_coded_as_occurred(seed_events):
    conditional = [e for _, e in seed_events if " if " in f" {e.text.lower()}" and e.type != "THREATEN"]
    assert conditional  # the seeds have conditional sentences that the stage codes; an empty list must not pass
    assert all(e.status != "occurred" for e in conditional)


def test_every_event_points_at_its_sentence(seed_events):
    for article, e in seed_events:
        assert article.text[e.start:e.end] == e.text
