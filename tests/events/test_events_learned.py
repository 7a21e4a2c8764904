"""The learned event-type classifier (redline/events/learned.py) and role choice (rolechoice.py): the
shipped model is the one its meta describes, and their cross-validated scores on plv.csv (folds by
sentence) hold.

Floors are the scores `python bench/train_events.py` measured (mean over 5 folds, with the fall-back
events at fallback_threshold 0.8 and the sides chosen by the role model: type 0.738, source 0.823, target
0.623; rules alone type 0.680, source 0.797, target 0.558; upstream split type 0.734, source 0.824,
target 0.623, rules 0.700 / 0.804 / 0.559), less about 0.015.
The CV retrains five folds (a few minutes on 2 cores). Skipped where ../shared is absent.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from bench_module import load_bench

from redline.events import learned

ROOT = Path(__file__).resolve().parents[2]
PLV = ROOT.parent / "shared" / "data" / "plover-plv" / "plv.csv"
CONFIG = ROOT / "redline" / "data" / "events" / "model.yaml"

CV_FLOORS = {"type_accuracy": 0.72, "source_agreement": 0.81, "target_agreement": 0.61}
UPSTREAM_FLOORS = {"type_accuracy": 0.72, "source_agreement": 0.81, "target_agreement": 0.605}


def _sha(path: Path) -> str:
    """A file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_learned_shipped_model_matches_its_meta():
    meta = json.loads((learned.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["weights_sha256"] == _sha(learned.MODEL_DIR / "weights.npy")
    assert meta["config"] == learned.config()
    assert meta["data"]["config/events/model.yaml"] == _sha(CONFIG)
    weights = np.load(learned.MODEL_DIR / "weights.npy")
    assert weights.shape == (learned.feature_width(), len(meta["config"]["labels"]))
    assert meta["cross_validation"]["learned"]["type_accuracy"]["mean"] > meta["cross_validation"]["rules"][
        "type_accuracy"]["mean"]
    if PLV.exists():
        assert meta["data"]["shared/plover-plv/plv.csv"] == _sha(PLV)


def test_learned_shipped_model_is_loaded_by_the_stage(code):
    assert learned.shipped_model() is not None
    assert code("Iran accused the United States of sabotage.")[0].type == "ACCUSE"


def test_learned_yield_splits_into_concede_or_retreat():
    from redline.actors import find_actors
    from redline.events.stage import rule_events
    from redline.nlp import load_pipeline

    nlp = load_pipeline()
    split = {}
    for text in ("The rebels withdrew from the city.", "The government released the prisoners."):
        doc = nlp(text)
        found = rule_events(doc, find_actors(doc))
        assert found, text
        coded = learned.Coded(found[0].trigger, "AGREE", "occurred", False)  # a rules' type that is no half
        split[text] = learned.split_yield("YIELD", coded, doc)
    assert split == {"The rebels withdrew from the city.": "RETREAT",
                     "The government released the prisoners.": "CONCEDE"}


@pytest.fixture(scope="module")
def cv():
    """The bench's cross-validation on plv.csv."""
    if not PLV.exists():
        pytest.skip(f"evaluation data not available: {PLV} (it lives beside the repository, in ../shared)")
    bench = load_bench("events")
    return bench.cross_validate(bench.parse_plv(bench.load_plv(PLV.parent)))


@pytest.mark.parametrize("metric", sorted(CV_FLOORS))
def test_learned_cross_validated_floor(cv, metric):
    assert cv["learned"][metric]["mean"] >= CV_FLOORS[metric], cv["learned"][metric]


@pytest.mark.parametrize("metric", sorted(UPSTREAM_FLOORS))
def test_learned_upstream_split_floor(cv, metric):
    assert cv["upstream_split"]["learned"][metric] >= UPSTREAM_FLOORS[metric]


def test_learned_beats_the_rules_on_held_out_folds(cv):
    assert cv["learned"]["type_accuracy"]["mean"] > cv["rules"]["type_accuracy"]["mean"] + 0.02


def test_learned_role_choice_beats_the_rules_on_held_out_folds(cv):
    for side in ("source_agreement", "target_agreement"):
        assert cv["learned"][side]["mean"] > cv["rules"][side]["mean"] + 0.015, side
        assert cv["upstream_split"]["learned"][side] > cv["upstream_split"]["rules"][side] + 0.015, side
