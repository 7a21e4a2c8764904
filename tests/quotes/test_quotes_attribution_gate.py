"""Floors under `bench/quotes.py` on PolNeAR (skipped when ../shared/data/polnear is absent).

Two numbers are gated, neither hand-tuned on what it measures:
- cross-validated on PolNeAR train (840 articles, 5 folds by article: the detector is retrained on four
  folds and scored on the fifth), the mean over the folds;
- PolNeAR dev (84 articles), scored with the shipped model, which never saw it; dev is not developed on
  from this turn (the rules were tuned on it before, so the rules-only dev number is a dev score).
Measured values are in the README (docs/pending/quotes3.md) and the shipped model's meta; each floor sits just under
its measured value, so a change that loses attribution quality fails here. The first run parses train
(cached under /tmp/quotes/ for later runs).
"""

from __future__ import annotations

from pathlib import Path

import bench_module
import pytest

POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"
pytestmark = pytest.mark.timeout(2400)  # a cold run parses 924 articles and retrains five folds

# (group, metric): floor
CV_FLOORS = {  # measured mean ± sd over 5 folds: 0.708±0.009, 0.852±0.007, 0.636±0.014, 0.894±0.006, 0.749±0.008
    ("all", "overlap_f1"): 0.70,
    ("all", "speaker_acc"): 0.85,
    ("unquoted", "overlap_f1"): 0.63,
    ("quoted", "overlap_f1"): 0.89,
    ("all", "cue_f1"): 0.745,
}
DEV_FLOORS = {  # measured: 0.725, 0.863, 0.657, 0.884, 0.774
    ("all", "overlap_f1"): 0.72,
    ("all", "speaker_acc"): 0.86,
    ("unquoted", "overlap_f1"): 0.65,
    ("quoted", "overlap_f1"): 0.88,
    ("all", "cue_f1"): 0.77,
}


@pytest.fixture(scope="module")
def scores():
    """bench/quotes.py's cross-validated and dev scores (computed once for the module)."""
    if not POLNEAR.exists():
        pytest.skip(f"evaluation data not available: {POLNEAR} (it lives beside the repository, in ../shared)")
    return bench_module.load_bench("quotes").evaluate(POLNEAR, folds=5, splits=("cv", "dev"))


def test_quotes_gate_cross_validated_scores_stay_above_the_floors(scores) -> None:
    cv = scores["cv"]["redline"]
    for (group, metric), floor in CV_FLOORS.items():
        assert cv[group][metric]["mean"] >= floor, f"CV {group} {metric} {cv[group][metric]['mean']:.3f} < {floor}"
    assert cv["all"]["overlap_f1"]["sd"] < 0.05  # folds agree: no fold carries the score


def test_quotes_gate_never_developed_on_scores_stay_above_the_floors(scores) -> None:
    dev = scores["dev"]["redline"]
    for (group, metric), floor in DEV_FLOORS.items():
        assert dev[group][metric] >= floor, f"dev {group} {metric} {dev[group][metric]:.3f} < {floor}"


def test_quotes_gate_learned_detector_beats_the_baseline(scores) -> None:
    for split in ("cv", "dev"):
        ours, baseline = scores[split]["redline"]["all"], scores[split]["textacy-like"]["all"]
        value = (lambda s: s["mean"]) if split == "cv" else (lambda s: s)
        assert value(ours["overlap_f1"]) > value(baseline["overlap_f1"]) + 0.3
