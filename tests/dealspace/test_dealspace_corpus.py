"""The deal space on real text: the seed pages (open mode and with us-iran-2026) and the Guardian's Syria
corpus with syria-2019 (both skipped when ../shared is absent).

The Guardian store is ingested once per test session (a few minutes on 2 cores); set REDLINE_GUARDIAN_DB to
a store already ingested from the corpus with `--profile syria-2019` to reuse it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import shared_path
from redline.dealspace import Analysis, by_weight, deal_space, extract_document, select_matrix
from redline.dealspace.issues import reads_as_label
from redline.ingest.options import IngestOptions
from redline.positions import CaseProfile

US, IRAN, RUSSIA, TURKEY = "United States", "Iran", "Russia", "Turkey"


# --- seeds ---

@pytest.fixture(scope="module")
def seed_documents() -> dict[str, dict]:
    """`redline extract --format json` of the seeds, in open mode and with the us-iran-2026 profile."""
    from redline.pipeline import extract

    paths = [str(shared_path("seeds"))]
    found = {}
    for mode, profile in (("open", None), ("profile", "us-iran-2026")):
        result = extract(paths, options=IngestOptions.load(profile=profile) if profile else IngestOptions.load())
        found[mode] = extract_document(result.articles, profile=CaseProfile.load(profile) if profile else None)
    return found


def _missiles(analysis: dict) -> dict:
    """The issue the US and Iran clash on over missiles: the profile's key, or the open-mode cluster whose
    phrases name missiles."""
    return next(i for i in analysis["issues"]
                if i["issue"] == "missiles" or any("missile" in p for p in i.get("phrases", [])))


@pytest.mark.parametrize("mode", ["open", "profile"])
def test_dealspace_corpus_seeds_missiles_are_an_impasse(seed_documents, mode):
    missiles = _missiles(seed_documents[mode]["analysis"])
    assert missiles["status"] == "impasse"
    assert missiles["parties"][US]["direction"] == "for" and missiles["parties"][IRAN]["direction"] == "against"
    assert missiles["parties"][IRAN]["stance"] == "red_line"


def test_dealspace_corpus_seeds_iran_is_open_on_nuclear(seed_documents):
    nuclear = next(i for i in seed_documents["profile"]["analysis"]["issues"] if i["issue"] == "nuclear")
    assert nuclear["label"] == "Limits on Iran's nuclear programme"
    assert nuclear["parties"][IRAN]["direction"] == "open"


def test_dealspace_corpus_seeds_open_mode_iran_is_open_on_nuclear_issues(seed_documents):
    # the open-mode issues about nuclear matters (by their label or member phrases) where Iran speaks; a
    # sentence that also names the missiles ("ready to discuss nuclear issues, but ... missiles") puts its
    # red line on the missiles issue, not here
    document = seed_documents["open"]
    issues = [i for i in document["analysis"]["issues"] if IRAN in i["parties"]
              and any("nuclear" in phrase.casefold() for phrase in [i["label"], *i.get("phrases", [])])]
    assert issues and all(i["parties"][IRAN]["direction"] == "open" for i in issues)


@pytest.mark.parametrize("mode", ["open", "profile"])
def test_dealspace_corpus_seeds_positions_name_the_issue_key(seed_documents, mode):
    document = seed_documents[mode]
    keys = {i["issue"] for i in document["analysis"]["issues"]}
    placed = [p for a in document["articles"] for p in a["positions"] if p["direction"]]
    assert placed and all(p["issue"] in keys and "issue_text" in p for p in placed)
    for issue in document["analysis"]["issues"]:
        for stance in issue["parties"].values():
            assert set(stance) >= {"stance", "direction", "evidence_count", "sources", "breakdown"}
            assert stance["direction"] in ("for", "against", "open", "conditional")


# --- the Guardian's Syria corpus ---

@pytest.fixture(scope="session")
def guardian_db(tmp_path_factory) -> Path:
    """The Guardian corpus ingested with the syria-2019 profile, once per session (or REDLINE_GUARDIAN_DB: a
    store ingested from the corpus with or without the profile, which gives the same store)."""
    given = os.environ.get("REDLINE_GUARDIAN_DB")
    if given:
        return Path(given)
    from redline.pipeline import ingest
    from redline.store import Store

    corpus = shared_path("data", "guardian-syria-2019", "articles.jsonl")
    db = tmp_path_factory.mktemp("guardian") / "guardian.db"
    with Store(db) as store:
        ingest([str(corpus)], store=store, options=IngestOptions.load(profile="syria-2019"), command="test guardian")
    return db


@pytest.fixture(scope="session")
def guardian_evidence(guardian_db) -> list:
    """Every stored position of the corpus as evidence."""
    from redline.store import Store
    from redline.views.overview import store_evidence

    with Store(guardian_db, readonly=True) as store:
        return store_evidence(store)


SYRIA = CaseProfile.load("syria-2019")


def _within(evidence: list, since: str, until: str) -> Analysis:
    """The deal space with syria-2019 over the evidence published between two days (inclusive)."""
    kept = [e for e in evidence if e.published and since <= e.published[:10] <= until]
    return deal_space(kept, profile=SYRIA)


def test_dealspace_corpus_guardian_us_is_for_the_withdrawal_it_ordered(guardian_evidence):
    withdrawal = _within(guardian_evidence, "2018-12-01", "2019-01-31").issue("us_withdrawal")
    assert withdrawal.label == "Withdrawal of US troops from Syria"
    assert withdrawal.parties[US].direction == "for"
    for party in (RUSSIA, TURKEY):
        assert party not in withdrawal.parties or withdrawal.parties[party].direction in ("for", "open", "conditional")


def test_dealspace_corpus_guardian_graham_is_a_legislator_not_the_us(guardian_evidence):
    withdrawal = _within(guardian_evidence, "2018-12-01", "2019-01-31").issue("us_withdrawal")
    legislators = withdrawal.voices[f"{US} · legislator"]
    assert legislators.direction == "against"
    assert any(e.position.via == "Lindsey Graham" for e in legislators.evidence)
    assert all(e.position.via != "Lindsey Graham" for e in withdrawal.parties[US].evidence)


def test_dealspace_corpus_guardian_turkey_is_against_a_kurdish_role_without_shift(guardian_evidence):
    analysis = deal_space(guardian_evidence, profile=SYRIA)
    kurds = analysis.issue("kurds")
    assert kurds.parties[TURKEY].direction == "against"
    assert kurds.parties[TURKEY].breakdown.counts["against"] > kurds.parties[TURKEY].breakdown.counts.get("for", 0)
    assert not [s for s in analysis.shifts if s.actor == TURKEY and s.issue == "kurds"]


@pytest.mark.xfail(strict=True, reason="holder errors of the positions stage outweigh the US's backing (4 for, 3 "
                   "against) since extraction no longer sees the profile: Turkey's 'would never tolerate a "
                   "bordering Kurdish state' is held by Washington (a red line), and the YPG's plea to the US "
                   "is a US demand")
def test_dealspace_corpus_guardian_us_backs_a_kurdish_role(guardian_evidence):
    # the US armed the SDF and announced a Kurdish-led border force (January 2018)
    assert deal_space(guardian_evidence, profile=SYRIA).issue("kurds").parties[US].direction == "for"


def test_dealspace_corpus_guardian_tehran_summit_ceasefire(guardian_evidence):
    # September 2018, Tehran summit: Erdoğan asked for a ceasefire in Idlib, Putin turned it down
    ceasefire = _within(guardian_evidence, "2018-08-15", "2018-09-30").issue("ceasefire")
    assert ceasefire.parties[TURKEY].direction == "for" and ceasefire.parties[RUSSIA].direction == "against"
    assert ceasefire.status == "contested"


def test_dealspace_corpus_guardian_us_wants_europe_to_take_back_is_fighters(guardian_evidence):
    # February 2019: Trump demanded that European countries take back and try their IS fighters
    fighters = _within(guardian_evidence, "2019-02-01", "2019-03-31").issue("foreign_fighters")
    assert fighters.parties[US].direction == "for" and fighters.parties[US].firm


def test_dealspace_corpus_guardian_impasses_are_few(guardian_evidence):
    analysis = deal_space(guardian_evidence, profile=SYRIA)
    assert sum(1 for i in analysis.issues if i.status == "impasse") <= 2
    assert len(analysis.shifts) <= 5  # was 68 before directions (34 demand <-> reject flip-flops)


def test_dealspace_corpus_guardian_open_mode_labels_read_as_issues(guardian_evidence):
    analysis = deal_space(guardian_evidence)
    top = by_weight([i for i in analysis.issues if i.parties])[:15]
    assert len(top) == 15
    for issue in analysis.issues:
        sentences = [e.position.text.casefold() for s in [*issue.parties.values(), *issue.voices.values()]
                     for e in s.evidence]
        assert any(issue.label.casefold() in text for text in sentences), issue.label
        assert reads_as_label(issue.label), issue.label
    matrix = select_matrix(analysis, profile=None, max_issues=15, max_parties=6)
    assert len(matrix.issues) == 15
