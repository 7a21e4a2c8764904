"""Mutation fuzzer over reading, cleaning and NLP: seeded mutations of examples/ and ../shared/seeds.

Each mutated input is written to a temporary file (named like its seed, so the same readers run) and
pushed through the whole pipeline (`redline.pipeline.extract`), with the NLP stages on for the first
`--nlp` inputs. A crash is an exception that escapes the pipeline or a unit the last-resort guard had
to catch ("unexpected error"): both are bugs. Crashes are bucketed by exception type and the innermost
redline frame; slow inputs are listed.

    python bench/fuzz.py --count 3000 --nlp 60 --seed 17      # about what the test suite runs
    make fuzz                                                  # FUZZ_COUNT / FUZZ_NLP / FUZZ_SEED
    python bench/fuzz.py --count 100000 --nlp 5000 --shard 0/2  # one half of make fuzz's inputs

Every input is timed in wall time and in this process's CPU time (a loaded machine stretches the first,
not the second). `--shard K/N` runs the inputs whose number is K modulo N: the mutations are drawn for
every input, so N shards together run exactly the unsharded run's inputs. A progress line goes to stderr
every `--every` inputs; Ctrl-C or SIGTERM stops the run and prints the report of the inputs that finished.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import logging
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_FOLDERS = (ROOT / "examples", ROOT.parent / "shared" / "seeds")
SKIP = {"README.md", "build.py"}
# Fragments the mutations splice in: each once crashed or stalled a reader, a cleaner or the parser.
HOSTILE = (
    b"\\ud800", b"\x00", b'"' * 5000, b"Mr. " * 3000, b"- " * 3000, "\u2019".encode() * 3000, b"[" * 5000,
    b'{"a":' * 3000, b"\xff\xfe", b"\r\n" * 50, b"WARC-Target-URI: http://[::1/x\r\n", b"<div>" * 3000,
    "\u00b2".encode(), b"9" * 400, b"\x1b[31m", "\u202e".encode(), b"said that " * 500,
)


@dataclass
class Finding:
    """One crash bucket: how often, and the first input that hit it."""

    count: int = 0
    example: str = ""
    detail: str = ""


@dataclass
class Report:
    """The fuzz run's counts, crash buckets and slow inputs."""

    inputs: int = 0
    nlp_inputs: int = 0
    crashes: int = 0
    seconds: float = 0.0
    buckets: dict[str, Finding] = field(default_factory=dict)
    slow: list[tuple[float, str]] = field(default_factory=list)
    over_limit: int = 0
    cpu_over_limit: int = 0
    max_seconds: float = 0.0
    max_cpu_seconds: float = 0.0
    stopped: bool = False

    def add_crash(self, key: str, example: str, detail: str) -> None:
        """Count one crash in its bucket."""
        self.crashes += 1
        finding = self.buckets.setdefault(key, Finding(example=example, detail=detail))
        finding.count += 1


def seeds() -> list[Path]:
    """The seed files: every example input and the seed pages (when ../shared is present)."""
    found = []
    for folder in SEED_FOLDERS:
        if folder.is_dir():
            found += [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in SKIP]
    return found


def mutate(data: bytes, rng: random.Random, other: bytes) -> tuple[bytes, str]:
    """One seeded mutation of the bytes and its name."""
    kind = rng.choice(("flip", "insert", "delete", "repeat", "truncate", "splice", "hostile", "gzip", "wide", "lines"))
    size = len(data) or 1
    at = rng.randrange(size)
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            if out:
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out), kind
    if kind == "insert":
        return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[at:], kind
    if kind == "delete":
        return data[:at] + data[at + rng.randint(1, 4096):], kind
    if kind == "repeat":
        chunk = data[at: at + rng.randint(1, 64)]
        return data[:at] + chunk * rng.randint(2, 2000) + data[at:], kind
    if kind == "truncate":
        return data[:at], kind
    if kind == "splice":
        return data[:at] + other[rng.randrange(len(other) or 1):], kind
    if kind == "hostile":
        piece = rng.choice(HOSTILE)
        return data[:at] + piece + data[at:], f"hostile:{piece[:12]!r}"
    if kind == "gzip":
        packed = gzip.compress(data)
        return packed[: rng.randint(10, len(packed))] if rng.random() < 0.5 else packed, kind
    if kind == "wide":
        try:
            return data.decode("utf-8").encode(rng.choice(("utf-16-le", "utf-16-be", "utf-32-le"))), kind
        except UnicodeDecodeError:
            return data, kind
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines), kind


class Runner:
    """The whole pipeline over one input at a time, with options and one dedup index loaded once."""

    def __init__(self) -> None:
        from redline.dedup import Deduplicator
        from redline.ingest.options import IngestOptions

        self.options = {flag: IngestOptions.load(nlp=flag) for flag in (False, True)}
        self.dedup = Deduplicator(self.options[False].dedup)  # shared: inputs also meet each other's copies

    def run(self, path: Path, *, nlp: bool) -> list[str]:
        """Run one input; the problems the last-resort guards caught (an escaping exception raises)."""
        from redline.pipeline import RunSummary, full_pipeline

        from redline.dedup import Deduplicator

        summary = RunSummary()
        # NLP inputs get a fresh index: a copy of an earlier input would not be analysed at all
        dedup = Deduplicator(self.options[nlp].dedup) if nlp else self.dedup
        with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its warnings straight to stderr
            for _ in full_pipeline([str(path)], options=self.options[nlp], summary=summary, dedup=dedup):
                pass
        return [p.reason for p in summary.problems if p.reason.startswith("unexpected error")]


def crash_key(error: BaseException) -> str:
    """A bucket for an exception: its type and the innermost frame inside redline."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "redline" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "outside redline"
    return f"{type(error).__name__} at {where}"


@dataclass(frozen=True)
class Shard:
    """Which of the seeded inputs this process runs: those whose number is `index` modulo `of`."""

    index: int = 0
    of: int = 1

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """`K/N` as a shard (0 <= K < N)."""
        index, of = (int(part) for part in text.split("/"))
        if not 0 <= index < of:
            raise ValueError(f"shard {text}: K must be in 0..N-1")
        return cls(index, of)

    def runs(self, n: int) -> bool:
        """Whether input number n is this shard's."""
        return n % self.of == self.index


class _Stop(BaseException):
    """SIGTERM asks the run to stop and report what finished. A BaseException, like KeyboardInterrupt, so the
    pipeline's last-resort guards (`except Exception`) do not catch it and count it as a crash."""


def _stop_on_sigterm() -> None:
    """Make SIGTERM stop the run, and SIGINT too even when started in the background (where a shell
    ignores SIGINT), both reporting the inputs that finished (main thread only)."""
    def handler(signum, frame):  # noqa: ARG001 - the signal API's signature
        raise _Stop()
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)


def fuzz(*, count: int, nlp: int, seed: int, slow_seconds: float = 2.0, limit_seconds: float = 10.0,
         out: Path | None = None, shard: Shard = Shard(), every: int = 0, start: int = 0) -> Report:
    """Run `count` mutated inputs (the first `nlp` with the NLP stages on; only `shard`'s, and none numbered
    below `start`: their mutations are still drawn, so the rest are the same inputs); the report."""
    rng = random.Random(seed)
    pool = [(p, p.read_bytes()) for p in seeds()]
    report = Report()
    runner = Runner()
    logging.disable(logging.CRITICAL)  # trafilatura and htmldate log every broken page
    if nlp:
        runner.run(next(p for p, _ in pool if p.suffix == ".txt"), nlp=True)  # load spaCy before the clock
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="redline-fuzz-") as folder:
        try:
            for n in range(count):
                source, data = pool[n % len(pool)]
                mutated, kind = _draw(data, rng, pool)
                if n < start or not shard.runs(n):
                    continue
                _run_one(runner, report, Path(folder) / f"{n:06d}-{source.name}", mutated,
                         f"#{n} {source.name} [{kind}]", with_nlp=n < nlp, slow_seconds=slow_seconds,
                         limit_seconds=limit_seconds, out=out)
                if every and report.inputs % every == 0:
                    _progress(report, time.perf_counter() - started)
        except (KeyboardInterrupt, _Stop):
            report.stopped = True
    report.seconds = time.perf_counter() - started
    report.slow.sort(reverse=True)
    return report


def _draw(data: bytes, rng: random.Random, pool: list[tuple[Path, bytes]]) -> tuple[bytes, str]:
    """One input's mutations (some inputs get stacked ones) and their names."""
    mutated, kind = mutate(data, rng, rng.choice(pool)[1])
    for _ in range(rng.choice((0, 0, 1, 2))):
        mutated, more = mutate(mutated, rng, rng.choice(pool)[1])
        kind += "+" + more
    return mutated, kind


def _run_one(runner: Runner, report: Report, path: Path, mutated: bytes, label: str, *, with_nlp: bool,
             slow_seconds: float, limit_seconds: float, out: Path | None) -> None:
    """Write one mutated input, run it, count its crashes and its wall and CPU time."""
    path.write_bytes(mutated)
    clock, cpu = time.perf_counter(), time.process_time()
    try:
        for reason in runner.run(path, nlp=with_nlp):
            report.add_crash(reason.split(":")[0].split(";")[0], label, reason)
            _keep(out, path, label)
    except Exception as error:  # a crash of the run itself: what the fuzzer is for
        report.add_crash(crash_key(error), label, f"{type(error).__name__}: {str(error)[:160]}")
        _keep(out, path, label)
    finally:
        path.unlink(missing_ok=True)
    spent, spent_cpu = time.perf_counter() - clock, time.process_time() - cpu
    if spent > slow_seconds:
        report.slow.append((spent, f"{label} (cpu {spent_cpu:.1f} s)" + (" (nlp)" if with_nlp else "")))
    report.over_limit += spent > limit_seconds
    report.cpu_over_limit += spent_cpu > limit_seconds
    report.max_seconds = max(report.max_seconds, spent)
    report.max_cpu_seconds = max(report.max_cpu_seconds, spent_cpu)
    report.inputs += 1
    report.nlp_inputs += with_nlp


def _progress(report: Report, seconds: float) -> None:
    """One progress line on stderr: how far, crashes, slow inputs, the slowest so far."""
    print(f"[fuzz] {report.inputs} inputs ({report.nlp_inputs} with NLP) in {seconds:.0f} s: "
          f"{report.crashes} crashes, {report.over_limit} over 10 s wall, {report.cpu_over_limit} over 10 s "
          f"CPU, slowest {report.max_seconds:.1f} s wall / {report.max_cpu_seconds:.1f} s CPU",
          file=sys.stderr, flush=True)


def _keep(out: Path | None, path: Path, label: str) -> None:
    """Copy a crashing input to the --out folder, if one was given."""
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / path.name).write_bytes(path.read_bytes())
        with (out / "index.txt").open("a") as handle:
            handle.write(f"{path.name}\t{label}\n")


def print_report(report: Report) -> None:
    """The report as text: totals, crash buckets, slowest inputs."""
    print(("STOPPED EARLY: " if report.stopped else "")
          + f"{report.inputs} inputs ({report.nlp_inputs} with NLP) in {report.seconds:.1f} s: "
          f"{report.crashes} crashes in {len(report.buckets)} buckets, {len(report.slow)} slow (> 2 s), "
          f"{report.over_limit} over 10 s wall, {report.cpu_over_limit} over 10 s CPU; slowest "
          f"{report.max_seconds:.1f} s wall, {report.max_cpu_seconds:.1f} s CPU")
    for key, finding in sorted(report.buckets.items(), key=lambda kv: -kv[1].count):
        print(f"  crash x{finding.count}: {key}\n    first: {finding.example}\n    {finding.detail}")
    for spent, label in report.slow[:20]:
        print(f"  slow {spent:.1f} s: {label}")


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; exit 1 when anything crashed or ran over the time limit."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000, help="mutated inputs to run")
    parser.add_argument("--nlp", type=int, default=60, help="how many of them (the first) run with NLP on")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path, default=None, help="folder to keep crashing inputs in")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--shard", type=Shard.parse, default=Shard(), help="K/N: run inputs numbered K mod N")
    parser.add_argument("--every", type=int, default=1000, help="a progress line on stderr every N inputs")
    parser.add_argument("--start", type=int, default=0, help="skip the inputs numbered below this (resume a run)")
    args = parser.parse_args(argv)
    _stop_on_sigterm()
    report = fuzz(count=args.count, nlp=args.nlp, seed=args.seed, out=args.out, shard=args.shard,
                  every=args.every, start=args.start)
    if args.json:
        print(json.dumps({"inputs": report.inputs, "nlp_inputs": report.nlp_inputs, "crashes": report.crashes,
                          "buckets": {k: v.count for k, v in report.buckets.items()}, "slow": len(report.slow),
                          "over_limit": report.over_limit, "cpu_over_limit": report.cpu_over_limit,
                          "max_seconds": round(report.max_seconds, 1),
                          "max_cpu_seconds": round(report.max_cpu_seconds, 1), "stopped": report.stopped,
                          "seconds": round(report.seconds, 1)}))
    else:
        print_report(report)
    return 1 if report.crashes or report.over_limit or report.stopped else 0


if __name__ == "__main__":
    sys.exit(main())
