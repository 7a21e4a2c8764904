"""The overview benchmark (bench/overview.py) run small: a store copied 20 times, one cold overview.

Measured on a 10,105-article store (the Guardian set copied 43 times): see the README's report section.
"""

from __future__ import annotations

from pathlib import Path

from redline.store import Store
from redline.views.overview import overview
from bench_module import load_bench

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    """The benchmark module, loaded from bench/ (its helpers import `_common` from there)."""
    return load_bench("overview")


def test_views_overview_bench_copies_scale_the_counts(examples_db, tmp_path: Path):
    bench = _bench()
    big = tmp_path / "big.db"
    articles = bench.replicate(examples_db, big, 20)
    with Store(examples_db, readonly=True) as store:
        small = overview(store).counts
    assert articles == small.articles * 20
    result = bench.measure(big, None)
    assert result["articles"] == small.articles * 20
    assert (result["positions"], result["events"], result["quotes"]) == (small.positions * 20, small.events * 20,
                                                                         small.quotes * 20)
    assert result["seconds"] < 60, "a cold overview of a few hundred articles takes well under a second"
