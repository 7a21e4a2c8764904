"""`redline ingest` and `redline extract`: run the pipeline into the store, or to JSON on stdout."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from redline import exitcodes
from redline.cli.shared import (
    ConfigOption, DbOption, NlpOption, ProfileOption, app, check_paths, check_profile, db_path, err,
    ingest_options, open_store_or_exit, RecordBar, terminate_as_interrupt,
)
from redline.cli.terminal import print_summary
from redline.dealspace import extract_document
from redline.ingest.given import GivenMetadata, SourcesError, command_line_given, load_sources
from redline.ingest.options import IngestOptions
from redline.pipeline import extract as run_extract
from redline.pipeline import ingest as run_ingest
from redline.store import Store

PathsArgument = typer.Argument(..., help="Files, folders (recursive), globs, FIFOs, or - for standard input.")
DateOption = typer.Option(None, "--date", help="Publication day (YYYY-MM-DD) of every article read; wins over the page's own.")
GivenSourceOption = typer.Option(None, "--source", help="Source (publisher) of every article read; wins over the page's own.")
UrlOption = typer.Option(None, "--url", help="URL of every article read; wins over the page's own.")
SourcesOption = typer.Option(None, "--sources", help="A sources.yaml mapping folders or globs to a source and a date rule.")


def with_given(options: IngestOptions, *, date: Optional[str], source: Optional[str], url: Optional[str],
               sources: Optional[Path]) -> IngestOptions:
    """The ingest options with the metadata given on the command line and in a sources.yaml."""
    try:
        line = command_line_given(date=date, source=source, url=url)
    except SourcesError as error:
        raise typer.BadParameter(str(error), param_hint="--date") from None
    try:
        rules = load_sources(sources) if sources is not None else ()
    except SourcesError as error:
        raise typer.BadParameter(str(error), param_hint="--sources") from None
    return replace(options, given=GivenMetadata(command_line=line, rules=rules))


@app.command()
def ingest(
    paths: list[str] = PathsArgument,
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
    strict: bool = typer.Option(False, "--strict", help="Stop at the first skipped input (exit 3); what was read is stored."),
    date: Optional[str] = DateOption,
    source: Optional[str] = GivenSourceOption,
    url: Optional[str] = UrlOption,
    sources: Optional[Path] = SourcesOption,
) -> None:
    """Read, clean, deduplicate, analyse and store articles. Idempotent: the same input twice adds nothing.

    Exit codes: 0 all read; 3 some inputs skipped (each with its reason); 4 a path does not exist (no
    database created); 5 the database cannot be opened or written.
    """
    options = with_given(ingest_options(config, nlp, profile), date=date, source=source, url=url, sources=sources)
    check_paths(paths)
    terminate_as_interrupt()
    with open_store_or_exit(db_path(db)) as store, RecordBar(paths) as bar:
        summary = run_ingest(paths, store=store, options=options, on_file=bar.advance, on_unit=bar.units,
                             command=" ".join(["ingest", *paths]), strict=strict)
        counts = store.counts()
    print_summary(summary, console=err)
    err.print(
        f"store {db_path(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(exitcodes.for_summary(summary))


@app.command()
def extract(
    paths: list[str] = PathsArgument,
    format: str = typer.Option("json", "--format", help="json (one object) or jsonl (one article per line)."),
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
    date: Optional[str] = DateOption,
    source: Optional[str] = GivenSourceOption,
    url: Optional[str] = UrlOption,
    sources: Optional[Path] = SourcesOption,
) -> None:
    """Run the pipeline with no database and print the records as JSON, with the deal-space analysis."""
    if format not in ("json", "jsonl"):
        raise typer.BadParameter("use json or jsonl", param_hint="--format")
    with RecordBar(paths) as bar:
        options = with_given(ingest_options(config, nlp, profile), date=date, source=source, url=url,
                             sources=sources)
        result = run_extract(paths, options=options, on_file=bar.advance, on_unit=bar.units)
    records = [a.to_json() for a in result.articles]
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        document = {"articles": records}
        if options.nlp:
            document = extract_document(result.articles, profile=check_profile(profile))
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print_summary(result.summary, console=err)
