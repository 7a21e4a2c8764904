"""A floor under the PolNeAR dev scores of `bench/quotes.py` (skipped when ../shared/data/polnear is absent).

Measured: overlap-matched content F1 0.702 overall (0.880 with quote marks, 0.622 without), speaker
accuracy 0.866 (textacy-like baseline: 0.199 and 0.832).
The floors sit about 0.02 below, so a change that loses attribution quality fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {
    ("all", "overlap_f1"): 0.68,
    ("all", "speaker_acc"): 0.84,
    ("quoted", "overlap_f1"): 0.86,
    ("unquoted", "overlap_f1"): 0.60,
}


def test_polnear_scores_stay_above_the_floors(shared) -> None:
    data = shared("data", "polnear")
    result = subprocess.run(
        [sys.executable, "bench/quotes.py", "--data", str(data), "--json"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    scores = json.loads(result.stdout)
    ours, baseline = scores["redline"], scores["textacy-like"]
    for (group, metric), floor in FLOORS.items():
        assert ours[group][metric] >= floor, f"{group} {metric} {ours[group][metric]:.3f} < {floor}"
    assert ours["all"]["overlap_f1"] > baseline["all"]["overlap_f1"]
