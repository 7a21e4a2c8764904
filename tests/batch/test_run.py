"""`redline batch` on a 2-worker LocalCluster: the single-process records, worker loads, crashes, resume, load."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import EXAMPLES, SHARED
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from redline.batch import resources
from redline.batch.finish import done_path
from redline.batch.options import BatchOptions
from redline.batch.read import read_dataset
from redline.batch.run import run_batch
from redline.batch.tables import stage_rows
from redline.cli import app
from redline.ingest.options import IngestOptions
from redline.pipeline import extract
from redline.store import Store
from redline.store.rows import STAGE_TABLES

GUARDIAN = SHARED / "data" / "guardian-syria-2019" / "articles.jsonl"
PARTITION_SIZE = 8


def _near_copy(text: str) -> str:
    """The text with a few words changed at its start and end: a near duplicate, not an exact one."""
    words = text.split(" ")
    return " ".join(["Updated:", *words[2:-3], "(Reuters contributed.)"])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """examples/ and, when ../shared is there, 30 Guardian articles plus a near copy of the 2nd as the 33rd record."""
    paths = [str(EXAMPLES)]
    if GUARDIAN.exists():
        lines = GUARDIAN.read_text(encoding="utf-8").splitlines()[:30]
        second = json.loads(lines[1])
        copy = {**second, "id": "near-copy", "text": _near_copy(second["text"])}
        lines += [lines[5], json.dumps(copy)]  # a repeated record (skipped by content key), then the near copy
        feed = tmp_path_factory.mktemp("slice") / "guardian-slice.jsonl"
        feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(feed))
    return paths


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of 2 single-threaded worker processes for the module (nannies restart killed workers)."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        with Client(local) as client:
            yield client


def _options(out: Path) -> BatchOptions:
    """Small partitions so a JSONL file is split across several."""
    return BatchOptions.load(out, partition_size=PARTITION_SIZE, split_from_bytes=0, ingest=IngestOptions.load())


@pytest.fixture(scope="module")
def first_run(cluster, inputs, tmp_path_factory) -> Path:
    """The batch output over the inputs, made through the CLI against the module's scheduler."""
    out = tmp_path_factory.mktemp("batch") / "out"
    result = CliRunner().invoke(app, ["batch", *inputs, "--out", str(out), "--scheduler", cluster.scheduler.address,
                                      "--partition-size", str(PARTITION_SIZE)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def single(inputs):
    """The single-process records over the same inputs."""
    return extract(inputs, options=IngestOptions.load())


def _rows(out: Path, dataset: str) -> set[str]:
    """A dataset's rows as JSON strings (the hive month, the batch order and the ingest time left out: a
    re-run stores the same records at a later time, by design)."""
    rows = read_dataset(out, dataset).drop_columns(["month"]).to_pylist()
    return {json.dumps({k: v.hex() if isinstance(v, bytes) else v for k, v in r.items() if k not in ("batch_order", "ingested")},
                       sort_keys=True) for r in rows}


def test_run_batch_matches_single_process(first_run, single):
    articles = read_dataset(first_run, "articles").to_pylist()
    assert {(a["id"], a["duplicate_of"]) for a in articles} == {(a.id, a.duplicate_of) for a in single.articles}
    for table in STAGE_TABLES:
        expected = {json.dumps(r, sort_keys=True) for a in single.articles for r in stage_rows(table, a)}
        assert _rows(first_run, table) == expected, table
    manifest = json.loads((first_run / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == len(single.articles)
    assert (first_run / "analysis.json").exists()


def test_run_batch_finds_near_duplicate_across_partitions(first_run, single):
    if not GUARDIAN.exists():
        pytest.skip("needs ../shared/data/guardian-syria-2019")
    articles = {a["input"].rsplit("/", 1)[-1]: a for a in read_dataset(first_run, "articles").to_pylist()}
    copy, original = articles["guardian-slice.jsonl:32"], articles["guardian-slice.jsonl:2"]
    assert copy["duplicate_of"] == original["id"] and copy["duplicate_kind"] == "near"
    assert copy["month"] == original["month"]
    parts = {p.name for p in (first_run / "articles").glob("month=*/part-*.parquet")
             if original["id"] in pq.read_table(p).column("id").to_pylist()
             or copy["id"] in pq.read_table(p).column("id").to_pylist()}
    assert len(parts) == 2  # the pair was split across two partitions
    single_copy = next(a for a in single.articles if a.id == copy["id"])
    assert copy["similarity"] is not None and single_copy.duplicate_of == original["id"]


def test_run_batch_loads_resources_once_per_worker(first_run, cluster):
    loads = cluster.run(resources.load_count)
    assert loads and all(found == {"": 1} for found in loads.values())
    assert set(cluster.run(resources.model_loads).values()) == {1}


def test_run_batch_survives_a_killed_worker(cluster, inputs, first_run, tmp_path):
    out = tmp_path / "out"
    killed: list[int] = []

    def kill_once(phase: str) -> None:
        if phase == "finish" and not killed:
            pid = next(iter(cluster.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    run_batch(inputs, client=cluster, options=_options(out), on_step=kill_once)
    assert killed
    ids = read_dataset(out, "articles").column("id").to_pylist()
    assert len(ids) == len(set(ids))
    for dataset in ("documents", "articles", *STAGE_TABLES):
        assert _rows(out, dataset) == _rows(first_run, dataset), dataset


def test_run_batch_rerun_skips_finished_partitions(cluster, inputs, first_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first_run, out)
    manifest = json.loads((out / "manifest.json").read_text())
    ids = [p["id"] for p in manifest["partitions"]]
    crashed = ids[-2:]
    for pid in crashed:  # as if the run died while writing these two partitions
        done_path(out, pid).unlink()
        for path in list((out / "articles").glob(f"month=*/part-{pid}.parquet"))[:1]:
            path.unlink()
    result = run_batch(inputs, client=cluster, options=_options(out))
    assert set(result.manifest["resumed"]) == set(ids) - set(crashed)
    for dataset in ("documents", "articles", *STAGE_TABLES):
        assert _rows(out, dataset) == _rows(first_run, dataset), dataset


def test_load_matches_counts_and_is_idempotent(first_run, single, tmp_path):
    db = tmp_path / "batch.db"
    for _ in range(2):
        result = CliRunner().invoke(app, ["load", str(first_run), "--db", str(db)])
        assert result.exit_code == 0, result.output
        with Store(db, readonly=True) as store:
            counts = store.counts()
            quotes = sum(1 for _ in store.stage_records("quotes", first_copies=False))
        assert counts.articles == len(single.articles)
        assert counts.duplicates == sum(1 for a in single.articles if a.duplicate_of)
        assert quotes == sum(len(a.quotes) for a in single.articles)
    with Store(db, readonly=True) as store:
        assert [a.id for a in store.articles()] == [a.id for a in single.articles]
