"""What every command module of the CLI shares: the typer app, the consoles, the common options, the
profile check, the filters and the progress bars.

Nothing here runs a pipeline stage or renders a table: commands call the library, tables live in
`redline.cli.terminal`.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from redline import exitcodes
from redline.ingest.options import IngestOptions
from redline.ingest.repair import escape_name
from redline.ingest.sources import expand_inputs
from redline.pipeline import load_profile
from redline.positions import CaseProfile, ProfileError
from redline.store import Store, StoreError, default_db_path
from redline.views.filters import FilterError, Filters

app = typer.Typer(
    help="redline: a sourced, structured record of a negotiation or conflict, from raw news.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
out = Console()
err = Console(stderr=True)
# Piped output would wrap at 80 columns; tables of articles read better wider.
if not out.is_terminal:
    out = Console(width=140)

WIDE = 100_000  # the console width of --wide listings: tables as wide as their longest lines


def wide_console() -> Console:
    """A console on stdout wide enough that no listing line wraps (colours as on `out`)."""
    return Console(width=WIDE, force_terminal=out.is_terminal or None)


DbOption = typer.Option(None, "--db", help="Database file (default: $REDLINE_DB or redline.db).")
ConfigOption = typer.Option(None, "--config", help="YAML file overriding redline/data/ingest.yaml.")
NlpOption = typer.Option(None, "--nlp/--no-nlp", help="Run the NLP stages: actors, quotes, events, positions (default on).")
ProfileOption = typer.Option(None, "--profile", help="Case profile: a shipped name (us-iran-2026) or a YAML file; default open mode.")
JsonOption = typer.Option(False, "--json", help="Print JSON Lines instead of a table.")
# One meaning of each filter in every command (redline/views/filters.py): the article's publication day.
SinceOption = typer.Option(None, "--since", help="Only articles published on or after YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Only articles published on or before YYYY-MM-DD.")
SourceOption = typer.Option(None, "--source", help="Only articles of this source (exact name).")
OfficialOption = typer.Option(None, "--official", help="Positions voiced by officials: yes, no or all.")
ReviewedOption = typer.Option(None, "--reviewed", help="Records an analyst reviewed: yes (only those), no (only the others) or all.")


def ingest_options(config: Optional[Path], nlp: Optional[bool], profile: Optional[str] = None) -> IngestOptions:
    """Ingest options from the shipped YAML, a user file, the --nlp switch and the --profile."""
    overrides = {k: v for k, v in (("nlp", nlp), ("profile", profile)) if v is not None}
    check_profile(profile)
    return IngestOptions.load(config, **overrides)


def check_profile(profile: Optional[str]) -> Optional[CaseProfile]:
    """The case profile named on the command line, or a clear usage error."""
    try:
        return load_profile(profile)
    except (ProfileError, OSError) as error:
        raise typer.BadParameter(str(error), param_hint="--profile") from None


def parse_filters(*, since: Optional[str] = None, until: Optional[str] = None, source: Optional[str] = None,
                  official: Optional[str] = None, reviewed: Optional[str] = None) -> Filters:
    """The views' `Filters` from command-line options, or a clear usage error."""
    try:
        return Filters.parse(since=since, until=until, source=source, official=official, reviewed=reviewed)
    except FilterError as error:
        raise typer.BadParameter(str(error)) from None


def db_path(path: Optional[Path]) -> Path:
    """The database path chosen by option, environment or default."""
    return path or default_db_path()


def open_readonly(path: Optional[Path]) -> Store:
    """The store opened for reading, or a clear one-line error and exit code 1."""
    try:
        return Store(db_path(path), readonly=True)
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    except StoreError as error:
        err.print(f"error: database {error}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(exitcodes.STORE) from None


def open_store_or_exit(path: Path) -> Store:
    """The store opened for writing, or one line naming the path and the cause and exit code 5 (STORE)."""
    try:
        return Store(path)
    except StoreError as error:
        err.print(f"error: database {error}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(exitcodes.STORE) from None


def check_paths(paths: list[str]) -> None:
    """Exit with code 4 (NO_SUCH_PATH), one line per path, when a named path does not exist; checked before
    any database is opened, so none is created."""
    missing = expand_inputs(paths).missing
    for raw in missing:
        err.print(f"error: {escape_name(raw)}: no such file or folder", highlight=False, markup=False, soft_wrap=True)
    if missing:
        raise typer.Exit(exitcodes.NO_SUCH_PATH)


def terminate_as_interrupt() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so a terminated run stores what it read and finishes its row."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def print_json_lines(rows) -> None:
    """One JSON object per line on stdout, each row's `to_json()`."""
    for row in rows:
        sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")


class ProgressBars:
    """A rich progress display started and stopped with the `with` block; `progress` is None when piped."""

    progress = None

    def __enter__(self):
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()


class FileBar(ProgressBars):
    """Progress over input files, advanced by their size as each is finished."""

    def __init__(self, paths: list[str]) -> None:
        files = expand_inputs(paths).files
        total = sum(f.size for f in files)
        self.progress = None
        if err.is_terminal:
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
                                     TimeRemainingColumn(), console=err, transient=True)
        self.task = self.progress.add_task("reading", total=total or None) if self.progress else None

    def advance(self, item) -> None:
        """Mark one input file as done."""
        if self.progress:
            self.progress.update(self.task, advance=item.size, description=Path(item.name).name[:40])


class RecordBar(ProgressBars):
    """Progress per record on a terminal: JSON Lines lines and WARC response records count one each, any
    other input file one. Quiet (and nothing is counted) when stderr is piped."""

    def __init__(self, paths: list[str]) -> None:
        self.progress, self.task = None, None
        if not err.is_terminal:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from redline.ingest.count import count_units

        self.total = count_units(expand_inputs(paths).files)
        self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("records"), TimeRemainingColumn(), console=err, transient=True)
        self.task = self.progress.add_task("reading", total=self.total)

    def advance(self, item) -> None:
        """Show which input file was just finished."""
        if self.progress:
            self.progress.update(self.task, description=Path(item.name).name[:40])

    def units(self, done: int) -> None:
        """Records finished so far (NLP included)."""
        if self.progress:
            self.progress.update(self.task, completed=done)


class PartitionBar(ProgressBars):
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
