"""The fuzz target's CI seed: a few thousand mutated inputs through reading, cleaning and NLP, 0 crashes."""

from __future__ import annotations

import time

from bench_module import load_bench


def test_fuzz_ci_seed_has_no_crash_and_no_input_over_the_limit():
    fuzz = load_bench("fuzz")
    started = time.process_time()  # CPU time of this process: what the run costs, whatever the machine's load
    # Each input's CPU time is bounded, not its wall time: on a shared machine (2 cores, load 12) one input
    # took 32 s of wall time for 6.3 s of CPU. 20 s, not make fuzz's 10 s, leaves room for a slow CI core.
    report = fuzz.fuzz(count=2500, nlp=40, seed=17, limit_seconds=20)
    elapsed = time.process_time() - started
    details = {key: (f.count, f.example, f.detail) for key, f in report.buckets.items()}
    assert report.inputs == 2500 and report.nlp_inputs == 40
    assert report.crashes == 0, details
    assert report.cpu_over_limit == 0, report.slow[:5]
    assert elapsed < 100, elapsed


def test_fuzz_mutations_are_seeded():
    fuzz = load_bench("fuzz")
    import random

    data, other = b"Talks resumed in Muscat on Friday.\n" * 20, b'{"text": "x"}\n'
    first = [fuzz.mutate(data, random.Random(5), other) for _ in range(3)]
    again = [fuzz.mutate(data, random.Random(5), other) for _ in range(3)]
    assert first == again and any(m[0] != data for m in first)
