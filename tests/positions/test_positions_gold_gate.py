"""The position bench on the hand-annotated Guardian Syria set (skipped without ../shared): floors pinned
a little under the measured scores, for open mode and for the keyword-cue baseline's ceiling.

Measured (open mode): P 0.811, R 0.692 with the shipped `combined` pipeline (the rules alone: P 0.871,
R 0.607); baseline P 0.349, R 0.308. This set is dev-only (the rules were written on it, under the older
definition), so its precision floor follows the shipped pipeline's trade: the model's own positions for
holders the rules missed raise recall here and out of fold (tests/positions/test_positions_learned.py gates
the cross-validated scores, which are what measure generalisation).
"""

from __future__ import annotations

from pathlib import Path
import bench_module

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    """bench/positions.py as a module."""
    return bench_module.load_bench("positions")


def test_open_mode_meets_floors(shared):
    folder = shared("data", "guardian-syria-2019")
    bench = load_bench()
    result = bench.run(folder, bench.GOLD)
    assert result["articles"] == 15 and not result["missing"]
    ours = result["ours"]
    # dev-only (the rules were written on these 15 articles, to a definition older than the guideline). At
    # stop 22 the model retrained on the guideline corpus moved precision here from 0.817 to 0.765 while the
    # cross-validated F1 rose (0.284 -> 0.297) and so did the score against the second annotator (0.500 ->
    # 0.521): the floor follows the measured value, the cross-validated gate is the one that must not fall.
    # Stop 23 (context holders merged with the clause embedding): 0.737 here, CV F1 0.301 -> 0.314.
    assert ours["precision"] >= 0.73, ours
    assert ours["recall"] >= 0.65, ours
    assert result["ours_strict"]["recall"] >= 0.57
    # the extractor must stay well ahead of the keyword baseline it is compared with
    assert ours["f1"] >= result["baseline"]["f1"] + 0.3
