"""The listings of the store: articles, quotes, events, positions, the stance matrix, shifts, and export.

Each command: parse the options (filters through the views' `Filters`, so --since means the article's
publication day here as in `redline report`), read through the library, render a table or JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from redline.cli.shared import (
    DbOption, JsonOption, OfficialOption, ProfileOption, ReviewedOption, SinceOption, SourceOption, UntilOption, app,
    check_profile,
    db_path, err, open_readonly, out, parse_filters, print_json_lines, wide_console,
)
from redline.cli.terminal import (
    articles_table, events_table, matrix_table, positions_table, quotes_table, record_where, shifts_table,
)
from redline.dealspace import deal_space, merged_evidence
from redline.views.overview import store_evidence
from redline.events import merge_reported
from redline.export import export_columns, export_rows, write_rows

EXPORT_TABLES = ("articles", "actors", "quotes", "events", "positions", "reviews")
WideOption = typer.Option(False, "--wide", help="One line per field, as wide as it needs (default: fit the terminal, breaking lines between words).")


def _print_listing(make, rows, *, title: str, wide: bool) -> None:
    """Print a listing table fitted to the output's width, or on a console wide enough for one line per field."""
    console = wide_console() if wide else out
    console.print(make(rows, title=title, width=console.width, wide=wide))


def _contains(needle: Optional[str], *names: str) -> bool:
    """True when no needle is given, or when one of the names contains it (case-insensitive)."""
    return not needle or any(needle.casefold() in name.casefold() for name in names)


@app.command()
def articles(
    db: Optional[Path] = DbOption,
    limit: int = typer.Option(50, "--limit", min=1, help="How many to list."),
    unique: bool = typer.Option(False, "--unique", help="Leave out duplicates."),
    json_out: bool = JsonOption,
) -> None:
    """List the stored articles."""
    with open_readonly(db) as store:
        rows = list(store.articles(include_duplicates=not unique, limit=limit))
        counts = store.counts()
    if json_out:
        print_json_lines(rows)
        return
    out.print(articles_table(rows, title=f"{counts.articles} articles ({counts.duplicates} duplicates) in {db_path(db)}"))


@app.command()
def quotes(
    db: Optional[Path] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only quotes whose speaker's name contains this."),
    limit: int = typer.Option(100, "--limit", min=1, help="How many to list."),
    reviewed: Optional[str] = ReviewedOption,
    json_out: bool = JsonOption,
    wide: bool = WideOption,
) -> None:
    """List the stored quotes: who said what, with the cue, the article it came from and the record id."""
    filters = parse_filters(reviewed=reviewed)
    with open_readonly(db) as store:
        rows = [r for r in store.quotes(actor=actor) if filters.keeps_review(r.review)][:limit]
    if json_out:
        print_json_lines(rows)
        return
    _print_listing(quotes_table, rows, title=f"{len(rows)} quotes" + (f" by speakers matching {actor!r}" if actor else ""),
                   wide=wide)


@app.command()
def events(
    db: Optional[Path] = DbOption,
    type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER event type (e.g. THREATEN)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events whose source or target contains this."),
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    source: Optional[str] = SourceOption,
    merged: bool = typer.Option(False, "--merged", help="One row per event across articles, with its mentions."),
    reviewed: Optional[str] = ReviewedOption,
    json_out: bool = JsonOption,
    wide: bool = WideOption,
) -> None:
    """List the coded events: who did what to whom, when, with the sentence it came from."""
    filters = parse_filters(since=since, until=until, source=source, reviewed=reviewed)
    with open_readonly(db) as store:
        rows = [r for r in store.stage_records("events")
                if filters.keeps_article(r.published, r.source) and filters.keeps_review(r.review)
                and (not type or r.record.type == type.upper()) and _contains(actor, *r.record.source, *r.record.target)]
    if merged:
        merged_rows = merge_reported(rows)
        if json_out:
            print_json_lines(merged_rows)
            return
        _print_listing(events_table, [(m.event, f"{m.count} mentions, {m.sources} sources") for m in merged_rows],
                       title=f"{len(merged_rows)} events across articles", wide=wide)
        return
    if json_out:
        print_json_lines(rows)
        return
    _print_listing(events_table, [(r.record, record_where(r)) for r in rows], title=f"{len(rows)} events", wide=wide)


@app.command()
def positions(
    db: Optional[Path] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only positions of parties whose name contains this."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Only issues containing this."),
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    source: Optional[str] = SourceOption,
    official: Optional[str] = OfficialOption,
    reviewed: Optional[str] = ReviewedOption,
    profile: Optional[str] = ProfileOption,
    json_out: bool = JsonOption,
    wide: bool = WideOption,
) -> None:
    """List the positions: each party's stance on each issue, with who voiced it, the evidence and the record id."""
    filters = parse_filters(since=since, until=until, source=source, official=official, reviewed=reviewed)
    with open_readonly(db) as store:
        evidence = merged_evidence(store_evidence(store), profile=check_profile(profile))
    rows = [e for e in evidence
            if filters.keeps_position(e.published, e.source, bool(e.position.official)) and filters.keeps_review(e.review)
            and _contains(actor, e.position.actor) and _contains(issue, e.position.issue)]
    if json_out:
        for e in rows:
            line = {"id": e.record_id, "review": e.review, **e.position.to_json(), "article_id": e.article_id,
                    "direction": e.direction, "voice": e.voice}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return
    _print_listing(positions_table, rows, title=f"{len(rows)} positions", wide=wide)


@app.command()
def matrix(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    show_all: bool = typer.Option(False, "--all", help="Every issue and party, not just the main ones."),
    reviewed: Optional[str] = ReviewedOption,
    json_out: bool = typer.Option(False, "--json", help="Print the analysis as JSON (always every issue)."),
) -> None:
    """Parties x issues with each party's current stance, and each issue's status (impasse, agenda, ...)."""
    case = check_profile(profile)
    filters = parse_filters(reviewed=reviewed)
    with open_readonly(db) as store:
        analysis = deal_space([e for e in store_evidence(store) if filters.keeps_review(e.review)], profile=case)
    if json_out:
        sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(matrix_table(analysis, profile=case, show_all=show_all))


@app.command()
def shifts(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    json_out: bool = JsonOption,
) -> None:
    """List the shifts: a party's stance on an issue changing between dates, with both pieces of evidence."""
    with open_readonly(db) as store:
        found = deal_space(store_evidence(store), profile=check_profile(profile)).shifts
    if json_out:
        print_json_lines(found)
        return
    out.print(shifts_table(found))


@app.command()
def export(
    table: str = typer.Option(..., "--table", help="articles, actors, quotes, events, positions or reviews."),
    format: str = typer.Option("jsonl", "--format", help="csv, jsonl or parquet."),
    output: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout; parquet needs --out)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export a stored table as CSV, JSON Lines or Parquet (list fields: JSON in CSV, lists in Parquet)."""
    if table not in EXPORT_TABLES:
        raise typer.BadParameter(f"one of {', '.join(EXPORT_TABLES)}", param_hint="--table")
    if format not in ("csv", "jsonl", "parquet"):
        raise typer.BadParameter("csv, jsonl or parquet", param_hint="--format")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give a file with --out", param_hint="--out")
    with open_readonly(db) as store:
        count = write_rows(export_rows(store, table), format=format, output=output, columns=export_columns(table))
    err.print(f"{count} {table} rows" + (f" written to {output}" if output else ""), highlight=False)
