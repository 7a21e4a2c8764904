"""`redline batch` and `redline load`: every stage on a Dask cluster to partitioned Parquet, and that output
brought into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from redline.cli.shared import (
    ConfigOption, DbOption, NlpOption, PartitionBar, ProfileOption, app, db_path, err, ingest_options,
)
from redline.store import Store


def _client(scheduler: Optional[str], workers: Optional[int]):
    """A client of the scheduler at ADDRESS, or of a local cluster of N single-threaded worker processes."""
    import os

    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address="127.0.0.1:0", host="127.0.0.1")
    return Client(cluster)


@app.command()
def batch(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs: JSONL, WARC, HTML, text."),
    out: Path = typer.Option(..., "--out", help="Output folder: partitioned Parquet datasets, manifest.json, analysis.json."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Without --scheduler: local worker processes (default: cores)."),
    profile: Optional[str] = ProfileOption,
    partition_size: Optional[int] = typer.Option(None, "--partition-size", help="Records per partition of a JSONL/WARC file (given: every file is split; default: files over split_from_mb)."),
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
) -> None:
    """Run every stage on a Dask cluster and write partitioned Parquet; a re-run resumes where a crash stopped."""
    # Imported here, not at the top: Dask and distributed take seconds to import, which only `batch` needs.
    from redline.batch.options import BatchOptions
    from redline.batch.run import BatchError, run_batch

    # an explicit --partition-size applies to every file, however small (the size threshold only saves counting)
    options = BatchOptions.load(out, partition_size=partition_size, split_from_bytes=0 if partition_size else None,
                                ingest=ingest_options(config, nlp, profile))
    with _client(scheduler, workers) as client, PartitionBar() as bar:
        err.print(f"Dask dashboard: {client.dashboard_link}", highlight=False, soft_wrap=True)
        try:
            result = run_batch(paths, client=client, options=options, on_step=bar.step, on_plan=bar.plan)
        except BatchError as error:
            err.print(f"error: {error}", highlight=False)
            raise typer.Exit(1) from None
    counts = result.manifest["counts"]
    err.print(
        f"[bold]{len(result.manifest['partitions'])}[/] partitions ({len(result.manifest['resumed'])} already done), "
        f"[bold]{counts['documents']}[/] documents, [bold]{counts['articles']}[/] articles "
        f"([bold]{counts['unique']}[/] unique, {counts['duplicates']} duplicates of which {counts['near_duplicates']} near), "
        f"{counts['problems']} problems; written to {out}",
        highlight=False, soft_wrap=True,
    )


@app.command()
def load(
    out: Path = typer.Argument(..., help="A `redline batch` output folder."),
    db: Optional[Path] = DbOption,
) -> None:
    """Bring a batch output into the database, so matrix, report and serve work on it. Idempotent."""
    # Imported here, not at the top: redline.batch.load reads Parquet (pyarrow), which only `load` needs.
    from redline.batch.load import load_batch

    try:
        with Store(db_path(db)) as store:
            summary = load_batch(out, store=store)
            counts = store.counts()
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(
        f"read {summary.partitions} partitions ({summary.documents} documents, {summary.articles} articles); "
        f"store {db_path(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False, soft_wrap=True,
    )
