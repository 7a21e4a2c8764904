"""`run_batch`: the same stages as `redline ingest`, on a Dask cluster, to partitioned Parquet under DIR.

Phase 0 surveys the files (plain-text line counts for the recurring-line cleaner; record counts of
large files, to split them); phase 1 prepares each partition on the workers (read, clean, segment,
MinHash); phase 2 shuffles the LSH band keys into buckets, checks candidate pairs on the workers and
resolves the verdicts on the driver in global input order; phase 3 runs the NLP stages on each
partition and writes its Parquet files. Scheduling, retries and worker restarts are Dask's.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from distributed import Client, as_completed

from redline.batch.finish import PartitionCounts, counts_from_marker, done_path, finish_partition
from redline.batch.lsh import bucket_edges
from redline.batch.options import BatchOptions
from redline.batch.partitions import Partition, split, survey_file, whole_files
from redline.batch.prepare import PartitionIndex, prepare_partition
from redline.batch.resolve import Resolution, resolve
from redline.batch.resources import WorkerResources
from redline.batch.workdir import atomic_json, work_path
from redline.clean import RecurringLines
from redline.ingest.sources import STDIN_NAME, expand_inputs

Step = Callable[[str], None]  # told the phase name each time a task of it finishes


class BatchError(RuntimeError):
    """Raised when a batch run cannot start (standard input, or DIR holds another run's work)."""


@dataclass(slots=True)
class BatchResult:
    """What a batch run wrote: its manifest, as a dict, and where."""

    out: Path
    manifest: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """The partitions of a run and what phase 1 needs about the whole input."""

    partitions: list[Partition]
    recurring: dict
    read_problems: list


def run_batch(paths: list[str], *, client: Client, options: BatchOptions, on_step: Step | None = None,
              on_plan: Callable[[int], None] | None = None) -> BatchResult:
    """Run every stage over the inputs on the client's cluster; the manifest of what was written."""
    if STDIN_NAME in paths:
        raise BatchError("batch reads files, folders and globs, not standard input")
    timings: dict[str, float] = {}
    step = on_step or (lambda phase: None)
    out = options.out
    _claim(out, paths, options)
    if options.ingest.nlp:
        client.register_plugin(WorkerResources(options.ingest.profile))
    started = time.perf_counter()
    plan = _plan(paths, client=client, options=options, step=step)
    timings["survey"] = time.perf_counter() - started
    if on_plan is not None:
        on_plan(len(plan.partitions))
    indexes = _phase(client, "prepare", prepare_partition, plan.partitions, step, options.retries, out=out,
                     options=options.ingest, recurring=client.scatter([plan.recurring], broadcast=True)[0],
                     buckets=_buckets(plan, options))
    timings["prepare"] = time.perf_counter() - started - sum(timings.values())
    resolution = _dedup(client, plan, indexes, options=options, step=step)
    timings["dedup"] = time.perf_counter() - started - sum(timings.values())
    resumed = [i.partition_id for i in indexes if done_path(out, i.partition_id).exists()]
    counts = _finish(client, indexes, resolution, options=options, step=step)
    timings["analyse_and_write"] = time.perf_counter() - started - sum(timings.values())
    manifest = _manifest(paths, plan, counts, resolution, options=options, timings=timings, client=client)
    manifest["resumed"] = resumed
    if options.ingest.nlp:
        from redline.batch.analysis import write_analysis
        from redline.pipeline import load_profile

        write_analysis(out, profile=load_profile(options.ingest.profile))
        manifest["timings"]["analysis"] = round(time.perf_counter() - started - sum(timings.values()), 3)
    atomic_json(out / "manifest.json", manifest)
    return BatchResult(out=out, manifest=manifest)


def _claim(out: Path, paths: list[str], options: BatchOptions) -> None:
    """Mark DIR as this run's (inputs + options); a re-run of the same resumes, another run is refused."""
    files = expand_inputs(paths).files
    fingerprint = {"inputs": [[f.name, f.size, f.path.stat().st_mtime_ns if f.path else 0] for f in files],
                   "options": options.describe()}
    digest = hashlib.blake2b(json.dumps(fingerprint, sort_keys=True).encode(), digest_size=16).hexdigest()
    marker = work_path(out, "run.json")
    if marker.exists():
        if json.loads(marker.read_text(encoding="utf-8")).get("fingerprint") != digest:
            raise BatchError(f"{out} holds the output of a run over other inputs or options; choose another --out")
        return
    atomic_json(marker, {"fingerprint": digest, **fingerprint})


def _plan(paths: list[str], *, client: Client, options: BatchOptions, step: Step) -> Plan:
    """Survey every file on the workers; split the large ones; merge the recurring-line counts."""
    expanded = expand_inputs(paths)
    wholes = whole_files(expanded.files)
    futures = [
        client.submit(survey_file, whole, options=options.ingest, count=whole.size >= options.split_from_bytes,
                      retries=options.retries, key=f"survey-{whole.id}")
        for whole in wholes
    ]
    surveys = {}
    for future, survey in as_completed(futures, with_results=True):
        surveys[survey.file_index] = survey
        step("survey")
    recurring = RecurringLines()
    partitions: list[Partition] = []
    for whole in wholes:
        survey = surveys[whole.file_index]
        recurring.merge(survey.lines)
        partitions.extend(split(whole, survey.records, options.partition_size))
    return Plan(partitions=partitions, recurring=recurring.groups(), read_problems=list(expanded.problems))


def _phase(client: Client, name: str, func, items: list, step: Step, retries: int, **kwargs) -> list:
    """Run `func(item, **kwargs)` on every item on the cluster; the results in item order."""
    futures = [client.submit(func, item, **kwargs, retries=retries, key=f"{name}-{_item_id(item)}") for item in items]
    for _ in as_completed(futures):
        step(name)
    return client.gather(futures)


def _item_id(item) -> str:
    """A task key suffix for a partition, a partition id or a bucket number."""
    return getattr(item, "id", None) or str(item)


def _buckets(plan: Plan, options: BatchOptions) -> int:
    """How many shuffle buckets the band keys go to."""
    return max(1, min(len(plan.partitions), options.max_buckets))


def _dedup(client: Client, plan: Plan, indexes: list[PartitionIndex], *, options: BatchOptions, step: Step) -> Resolution:
    """Candidate edges per bucket on the workers, then the verdicts on the driver."""
    ids = [index.partition_id for index in indexes]
    buckets = list(range(_buckets(plan, options)))
    edge_lists = _phase(client, "dedup", bucket_edges, buckets, step, options.retries, out=options.out,
                        partition_ids=ids, dedup=options.ingest.dedup)
    edges = {(e.earlier, e.later): e for found in edge_lists for e in found}
    return resolve(indexes, list(edges.values()))


def _finish(client: Client, indexes: list[PartitionIndex], resolution: Resolution, *, options: BatchOptions,
            step: Step) -> list[PartitionCounts]:
    """Phase 3 on every partition not finished by an earlier run, each given only its own part of the resolution."""
    results: dict[str, PartitionCounts] = {}
    futures = []
    for index in indexes:
        marker = done_path(options.out, index.partition_id)
        if marker.exists():
            results[index.partition_id] = counts_from_marker(marker)
            step("finish")
            continue
        futures.append(client.submit(finish_partition, index.partition_id, out=options.out, options=options.ingest,
                                     resolution=resolution.for_partition(index), retries=options.retries,
                                     key=f"finish-{index.partition_id}"))
    for _, counts in as_completed(futures, with_results=True):
        results[counts.partition_id] = counts
        step("finish")
    return [results[index.partition_id] for index in indexes]


def _manifest(paths, plan: Plan, counts: list[PartitionCounts], resolution: Resolution, *,
              options: BatchOptions, timings: dict, client: Client) -> dict:
    """The run's record: inputs, options, partitions, counts and timings."""
    totals: dict[str, int] = {}
    for c in counts:
        for dataset, n in c.rows.items():
            totals[dataset] = totals.get(dataset, 0) + n
    articles = sum(c.articles for c in counts)
    return {
        "inputs": list(paths),
        "files": [{"name": p.name, "size": p.size} for p in plan.partitions if p.start == 0],
        "options": options.describe(),
        "workers": len(client.scheduler_info().get("workers", {})),
        "dashboard": client.dashboard_link,
        "partitions": [{"id": p.id, "file": p.name, "start": p.start, "stop": p.stop, **c.to_json()}
                       for p, c in zip(plan.partitions, counts)],
        "counts": {
            "documents": sum(c.documents for c in counts), "articles": articles,
            "unique": articles - resolution.duplicates, "duplicates": resolution.duplicates,
            "near_duplicates": resolution.near_duplicates, "non_english": sum(c.non_english for c in counts),
            "skipped_repeated_documents": sum(len(s) for s in resolution.skipped.values()),
            "problems": sum(c.problems for c in counts) + len(plan.read_problems), "rows": totals,
        },
        "input_problems": [str(p) for p in plan.read_problems],
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }
