"""The per-article time budget outside the main thread (batch workers, server threads): a watchdog raises
the timeout in the worker's thread, and never after the article's analysis is done."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from redline.annotate import AnnotateOptions, ArticleTimeout, annotate_contained, time_budget
from redline.actors import ActorDictionary
from redline.bounds import shipped_bounds
from redline.nlp import parse_texts
from redline.records import Article, ArticleOutcome, Verdict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _spin(seconds: float) -> int:
    """Pure-Python work for about `seconds` (what the analysis stages are between spaCy calls)."""
    end, turns = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        turns += 1
    return turns


def test_annotate_budget_interrupts_a_worker_thread():
    def worker() -> float:
        started = time.perf_counter()
        with pytest.raises(ArticleTimeout):
            with time_budget(0.3):
                _spin(30)
        return time.perf_counter() - started

    with ThreadPoolExecutor(1) as pool:
        spent = pool.submit(worker).result(timeout=60)
    assert spent < 10, spent  # cut at the budget (plus scheduling delay on a loaded machine), not after 30 s


def test_annotate_budget_never_fires_after_the_block():
    def worker() -> tuple[int, int]:
        escaped = timed_out = 0
        for n in range(200):
            # blocks that end right around their deadline (the race the withdrawal covers), and some well past
            # it: a 4 ms block may finish before the watchdog gets the GIL (5 ms switch interval)
            try:
                with time_budget(0.004):
                    _spin(0.004 * (1 + n % 5))
            except ArticleTimeout:
                timed_out += 1
            try:
                _spin(0.01)
            except ArticleTimeout:
                escaped += 1
        return escaped, timed_out

    with ThreadPoolExecutor(2) as pool:
        results = [f.result(timeout=120) for f in [pool.submit(worker) for _ in range(2)]]
    assert all(escaped == 0 for escaped, _ in results), results
    assert any(timed_out for _, timed_out in results), results  # some deadlines did fall inside the blocks


def _article_outcome() -> tuple[ArticleOutcome, object]:
    """A real example page as an article outcome, with its spaCy parse."""
    text = (EXAMPLES / "pages" / "harbourline-muscat-talks.txt").read_text(encoding="utf-8")
    article = Article(id="budget", input="muscat.txt", text=text, language="en")
    doc = next(parse_texts([text]))
    return ArticleOutcome(article=article, seq=0, verdict=Verdict(duplicate_of=None), signature=None), doc


@pytest.mark.parametrize("seconds, timed_out", [(1e-4, True), (120.0, False)])
def test_annotate_budget_applies_to_the_real_stages_in_a_thread(seconds, timed_out):
    item, doc = _article_outcome()
    options = AnnotateOptions(bounds=replace(shipped_bounds(), article_seconds=seconds))
    with ThreadPoolExecutor(1) as pool:
        problem = pool.submit(annotate_contained, item, doc, dictionary=ActorDictionary.load(),
                              options=options).result(timeout=300)
    if timed_out:
        assert problem is not None and "time budget" in problem.reason and problem.stored
        assert item.article.flags == ["analysis_timeout"] and not item.article.analysed
        assert item.article.quotes == [] and item.article.positions == []
    else:
        assert problem is None and item.article.analysed and item.article.actors


def test_annotate_budget_reaches_batch_workers(tmp_path):
    config = tmp_path / "tight.yaml"
    config.write_text("bounds:\n  article_seconds: 0.0001\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "redline.cli", "batch", str(EXAMPLES / "pages"), "--out", str(out),
                             "--workers", "1", "--config", str(config)], capture_output=True, timeout=600)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    from redline.batch.read import read_dataset

    rows = read_dataset(out, "articles").to_pylist()
    analysed = [r for r in rows if not r["duplicate_of"] and r["language"] == "en"]
    # any, not all: an article analysed in less than the watchdog's first chance to run (a few ms on a busy
    # machine) finishes first, and a timeout that fires as the article finishes is withdrawn by design
    assert analysed and any("analysis_timeout" in json.loads(r["flags"]) for r in analysed), rows
