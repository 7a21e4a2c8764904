"""`redline review ...`: the review desk on the command line, one command per library call (redline.review)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from redline.cli.shared import DbOption, ProfileOption, app, check_profile, db_path, err, out
from redline.cli.terminal import reviews_table
from redline.review import (
    Addition, Correction, ReviewError, add, annotations, confirm, correct, import_reviews, reject, review_list,
)
from redline.store import Store

review_app = typer.Typer(help="Review records: confirm, reject, correct or add; the analysis follows.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

NoteOption = typer.Option(None, "--note", help="Why (kept with the review).")
WhoOption = typer.Option(None, "--who", help="Reviewer name (default: the OS user).")


def _open(db: Optional[Path]) -> Store:
    """The store opened for writing a review (never created: a missing file is an error)."""
    path = db_path(db)
    if not path.exists():
        err.print(f"error: no redline database at {path}", highlight=False)
        raise typer.Exit(1)
    return Store(path)


def _run(db: Optional[Path], action) -> None:
    """Run one review action on the store; a ReviewError is a one-line error, exit code 1, nothing written."""
    with _open(db) as store:
        try:
            review = action(store)
        except ReviewError as error:
            err.print(f"error: {error}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(1) from None
    err.print(f"{review.verdict} {review.record_id} ({review.kind} in article {review.article_id},"
              f" {review.start}-{review.end}) by {review.who}", highlight=False, markup=False)


@review_app.command("list")
def list_command(
    db: Optional[Path] = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
    orphaned: bool = typer.Option(False, "--orphaned", help="Only reviews whose record re-extraction no longer produces."),
) -> None:
    """List the latest review of every reviewed record (orphans marked: kept, never dropped)."""
    with _open(db) as store:
        rows = [r for r in review_list(store) if r.orphaned or not orphaned]
    if json_out:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return
    out.print(reviews_table(rows))


@review_app.command("confirm")
def confirm_command(record: str = typer.Argument(..., help="The record id (from --json listings)."),
                    note: Optional[str] = NoteOption, who: Optional[str] = WhoOption,
                    db: Optional[Path] = DbOption) -> None:
    """Confirm a record as extracted (also undoes a reject or a correction)."""
    _run(db, lambda store: confirm(store, record, note=note, who=who))


@review_app.command("reject")
def reject_command(record: str = typer.Argument(..., help="The record id (from --json listings)."),
                   note: Optional[str] = NoteOption, who: Optional[str] = WhoOption,
                   db: Optional[Path] = DbOption) -> None:
    """Reject a record: it leaves the matrix, impasses, shifts, report and exports."""
    _run(db, lambda store: reject(store, record, note=note, who=who))


@review_app.command("correct")
def correct_command(
    record: str = typer.Argument(..., help="The record id (from --json listings)."),
    stance: Optional[str] = typer.Option(None, "--stance", help="Position: demand, precondition, red_line, open, offer, reject."),
    party: Optional[str] = typer.Option(None, "--party", help="Position: the party holding it (an actor of the store)."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Position: the issue (a profile key or a phrase)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Position: who voiced it; quote: its speaker."),
    direction: Optional[str] = typer.Option(None, "--direction", help="Event: reverse (swap source and target)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="Event: its PLOVER type (e.g. THREATEN)."),
    source: Optional[List[str]] = typer.Option(None, "--source", help="Event: a source actor (repeatable)."),
    target: Optional[List[str]] = typer.Option(None, "--target", help="Event: a target actor (repeatable)."),
    note: Optional[str] = NoteOption, who: Optional[str] = WhoOption,
    db: Optional[Path] = DbOption, profile: Optional[str] = ProfileOption,
) -> None:
    """Correct a record's values; the analysis counts it with them."""
    change = Correction(stance=stance, party=party, issue=issue, speaker=speaker, direction=direction,
                        event_type=event_type, source=tuple(source) if source else None,
                        target=tuple(target) if target else None)
    case = check_profile(profile)
    _run(db, lambda store: correct(store, record, change, note=note, who=who, profile=case))


@review_app.command("add")
def add_command(
    article: str = typer.Option(..., "--article", help="The article id."),
    start: int = typer.Option(..., "--start", help="Evidence start offset in the article text."),
    end: int = typer.Option(..., "--end", help="Evidence end offset (exclusive)."),
    kind: str = typer.Option("position", "--type", help="position, quote or event."),
    party: Optional[str] = typer.Option(None, "--party", help="Position: the party; event: the source actor."),
    stance: Optional[str] = typer.Option(None, "--stance", help="Position: its stance."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Position: its issue."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Position: who voiced it; quote: the speaker."),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="Event: its PLOVER type."),
    target: Optional[List[str]] = typer.Option(None, "--target", help="Event: a target actor (repeatable)."),
    note: Optional[str] = NoteOption, who: Optional[str] = WhoOption,
    db: Optional[Path] = DbOption, profile: Optional[str] = ProfileOption,
) -> None:
    """Add a record the extractor missed, from a span of an article's text."""
    addition = Addition(article_id=article, start=start, end=end, kind=kind, party=party, stance=stance, issue=issue,
                        speaker=speaker, event_type=event_type, source=(party,) if party and kind == "event" else (),
                        target=tuple(target or ()))
    case = check_profile(profile)
    _run(db, lambda store: add(store, addition, note=note, who=who, profile=case))


@review_app.command("export")
def export_command(
    format: str = typer.Option("annotations", "--format", help="annotations (positions gold format, JSON Lines)."),
    output: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Write the reviewed positions as annotations for `make train EXTRA="--extra FILE"` (all reviews as they are:
    `redline export --table reviews`)."""
    if format != "annotations":
        raise typer.BadParameter("annotations (for the reviews themselves: redline export --table reviews)",
                                 param_hint="--format")
    with _open(db) as store:
        rows = annotations(store)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    err.print(f"{len(rows)} reviewed positions as annotations" + (f" written to {output}" if output else ""),
              highlight=False)


@review_app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="A reviews export (redline export --table reviews), JSON Lines; - for stdin."),
    db: Optional[Path] = DbOption,
) -> None:
    """Append the reviews of an export to this store (e.g. a fresh store re-ingested from the same inputs)."""
    lines = sys.stdin.read().splitlines() if str(path) == "-" else path.read_text(encoding="utf-8").splitlines()
    with _open(db) as store:
        try:
            stored = import_reviews(store, lines)
        except ReviewError as error:
            err.print(f"error: {error}; nothing imported", highlight=False, markup=False)
            raise typer.Exit(1) from None
        orphans = sum(r.orphaned for r in review_list(store) if r.review.seq in {s.seq for s in stored})
    err.print(f"{len(stored)} reviews imported ({orphans} orphaned: their records are not in this store)", highlight=False)
