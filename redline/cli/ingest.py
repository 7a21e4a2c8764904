"""`redline ingest` and `redline extract`: run the pipeline into the store, or to JSON on stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from redline.cli.shared import (
    ConfigOption, DbOption, FileBar, NlpOption, ProfileOption, app, check_profile, db_path, err, ingest_options,
)
from redline.cli.terminal import print_summary
from redline.dealspace import article_evidence, deal_space
from redline.pipeline import extract as run_extract
from redline.pipeline import ingest as run_ingest
from redline.store import Store

PathsArgument = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input.")


@app.command()
def ingest(
    paths: list[str] = PathsArgument,
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
) -> None:
    """Read, clean, deduplicate, analyse and store articles. Idempotent: the same input twice adds nothing."""
    options = ingest_options(config, nlp, profile)
    with Store(db_path(db)) as store, FileBar(paths) as bar:
        summary = run_ingest(paths, store=store, options=options, on_file=bar.advance, command=" ".join(["ingest", *paths]))
        counts = store.counts()
    print_summary(summary, console=err)
    err.print(
        f"store {db_path(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def extract(
    paths: list[str] = PathsArgument,
    format: str = typer.Option("json", "--format", help="json (one object) or jsonl (one article per line)."),
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
) -> None:
    """Run the pipeline with no database and print the records as JSON, with the deal-space analysis."""
    if format not in ("json", "jsonl"):
        raise typer.BadParameter("use json or jsonl", param_hint="--format")
    with FileBar(paths) as bar:
        options = ingest_options(config, nlp, profile)
        result = run_extract(paths, options=options, on_file=bar.advance)
    records = [a.to_json() for a in result.articles]
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        document = {"articles": records}
        if options.nlp:
            analysis = deal_space(article_evidence(result.articles), profile=check_profile(profile))
            document["analysis"] = analysis.to_json()
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print_summary(result.summary, console=err)
