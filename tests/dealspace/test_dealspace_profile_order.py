"""Profile order: a store gives the same matrix whether the case profile was named at ingest or only at query.

The same inputs (the seed pages and the first articles of the Guardian's Syria corpus, skipped when ../shared
is absent) are ingested twice, with and without a profile; both stores are then queried with the profile.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import shared_path
from redline.dealspace import deal_space
from redline.ingest.options import IngestOptions
from redline.positions import CaseProfile

GUARDIAN_SLICE = 20  # articles: enough for several Syria issues, a minute or so per ingest on 2 cores


def _inputs(tmp_path: Path) -> list[str]:
    """The seed pages and a slice of the Guardian corpus (copied to a temporary file, never into the repo)."""
    seeds = shared_path("seeds")
    corpus = shared_path("data", "guardian-syria-2019", "articles.jsonl")
    sliced = tmp_path / "guardian-slice.jsonl"
    with corpus.open(encoding="utf-8") as source:
        sliced.write_text("".join(line for _, line in zip(range(GUARDIAN_SLICE), source)), encoding="utf-8")
    return [str(seeds), str(sliced)]


def _ingested(paths: list[str], db: Path, profile: str | None) -> Path:
    """The inputs ingested into a fresh store, with the profile named at ingest or not. The per-article time
    budget is lifted: on a loaded machine an article could time out in one run and not the other."""
    from redline.pipeline import ingest
    from redline.store import Store

    options = IngestOptions.load(profile=profile)
    options = replace(options, bounds=replace(options.bounds, article_seconds=0))
    with Store(db) as store:
        ingest(paths, store=store, options=options, command=f"test profile order ({profile or 'open'})")
    return db


def _matrix(db: Path, profile: CaseProfile) -> set[tuple[str, str, str, str]]:
    """(issue, party, direction, stance) for every cell of the store's deal space with the profile."""
    from redline.store import Store
    from redline.views.overview import store_evidence

    with Store(db, readonly=True) as store:
        analysis = deal_space(store_evidence(store), profile=profile)
    return {(issue.issue, party, stance.direction, stance.stance)
            for issue in analysis.issues for party, stance in issue.parties.items()}


@pytest.fixture(scope="module")
def both_stores(tmp_path_factory) -> tuple[Path, Path]:
    """The same inputs ingested with `--profile syria-2019` and without a profile."""
    work = tmp_path_factory.mktemp("profile-order")
    paths = _inputs(work)
    return (_ingested(paths, work / "with-profile.db", "syria-2019"), _ingested(paths, work / "open.db", None))


@pytest.mark.parametrize("profile_name", ["syria-2019", "us-iran-2026"])
def test_dealspace_profile_order_gives_the_same_matrix(both_stores, profile_name):
    profile = CaseProfile.load(profile_name)
    with_profile, without = (_matrix(db, profile) for db in both_stores)
    assert len(with_profile) >= 3  # several issues and parties (4 cells with syria-2019): an empty matrix must not pass
    assert with_profile == without


def test_dealspace_profile_order_stores_the_same_positions(both_stores):
    from redline.store import Store

    def records(db: Path) -> list[tuple]:
        with Store(db, readonly=True) as store:
            return sorted((r.article_id, r.record.actor, r.record.stance, r.record.issue, r.record.issue_text, r.record.start)
                          for r in store.stage_records("positions"))

    with_profile, without = (records(db) for db in both_stores)
    assert with_profile and with_profile == without
