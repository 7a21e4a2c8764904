"""The `redline` commands of this part, registered on the CLI app (imported at the end of redline/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from redline.cli import ConfigOption, DbOption, NlpOption, ProfileOption, ProgressBars, _db, _options, app, err


class _PartitionBar(ProgressBars):
    """A rich progress bar over finished partitions on a terminal; quiet when stderr is piped."""

    def __init__(self) -> None:
        self.progress = None
        self.tasks: dict[str, int] = {}
        if err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=err, transient=True)

    def plan(self, partitions: int) -> None:
        """Add one bar per phase over the partitions."""
        if self.progress:
            for phase, label in (("prepare", "clean + sign"), ("finish", "analyse + write")):
                self.tasks[phase] = self.progress.add_task(label, total=partitions)

    def step(self, phase: str) -> None:
        """One task of a phase finished."""
        if self.progress and phase in self.tasks:
            self.progress.advance(self.tasks[phase])


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
    from redline.batch.options import BatchOptions
    from redline.batch.run import BatchError, run_batch

    # an explicit --partition-size applies to every file, however small (the size threshold only saves counting)
    options = BatchOptions.load(out, partition_size=partition_size, split_from_bytes=0 if partition_size else None,
                                ingest=_options(config, nlp, profile))
    with _client(scheduler, workers) as client, _PartitionBar() as bar:
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
    from redline.batch.load import load_batch
    from redline.store import Store

    try:
        with Store(_db(db)) as store:
            summary = load_batch(out, store=store)
            counts = store.counts()
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(
        f"read {summary.partitions} partitions ({summary.documents} documents, {summary.articles} articles); "
        f"store {_db(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False, soft_wrap=True,
    )
