"""`redline watch` and `redline alerts`: follow feeds and sitemaps, list the alerts raised."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from redline.cli.shared import (
    ConfigOption, DbOption, ProfileOption, ProgressBars, app, db_path, err, ingest_options, open_readonly, out,
    print_json_lines,
)
from redline.store import Store


@app.command()
def watch(
    sources: Optional[list[str]] = typer.Argument(None, help="Feed URLs (RSS, Atom, JSON Feed), sitemap URLs, or YAML sources files."),
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    interval: Optional[float] = typer.Option(None, "--interval", help="Minutes between passes (default: watch.yaml interval_minutes)."),
    once: bool = typer.Option(False, "--once", help="One pass, then exit."),
    alerts: Optional[Path] = typer.Option(None, "--alerts", help="Append each alert to this JSON Lines file."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each alert as JSON to this URL (retried; never fatal)."),
    status: bool = typer.Option(False, "--status", help="Show each source's last success, last error and counts, then exit."),
    settings: Optional[Path] = typer.Option(None, "--settings", help="YAML file overriding redline/data/watch.yaml."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Follow feeds and sitemaps: ingest every new article, and raise alerts when a stance moves."""
    if status:
        _print_status(db)
        return
    if not sources:
        raise typer.BadParameter("name at least one feed, sitemap or sources file", param_hint="SOURCES")
    from redline.watch import SourcesError, WatchConfig, WatchOptions, load_sources
    from redline.watch.run import watch as run_watch

    try:
        followed = load_sources(sources)
        options = WatchOptions.load(settings)
    except (SourcesError, ValueError, OSError) as error:
        raise typer.BadParameter(str(error), param_hint="SOURCES" if isinstance(error, SourcesError) else "--settings") from None
    if webhook is not None and not webhook.lower().startswith(("http://", "https://")):
        raise typer.BadParameter(f"not an http(s) URL: {webhook!r}", param_hint="--webhook")
    if interval is not None:
        from dataclasses import replace

        options = replace(options, interval_minutes=max(interval, 0.0))
    config_ = WatchConfig(sources=followed, options=options, ingest=ingest_options(config, None, profile),
                          alerts_file=alerts, webhook=webhook)
    stop = _stop_on_signals()
    with Store(db_path(db)) as store:
        with _PagesBar() as bar:
            run_watch(store, config_, once=once, stop=stop, on_pass=_print_pass, progress=bar)


class _PagesBar(ProgressBars):
    """A progress bar over the pages of each pass on a terminal; quiet when stderr is piped."""

    def __init__(self) -> None:
        self.progress = _progress_bar()
        self.task = None

    def start(self, total: int) -> None:
        """A new pass over `total` pages."""
        if self.progress:
            if self.task is not None:
                self.progress.remove_task(self.task)
            self.task = self.progress.add_task("fetching + analysing", total=total or None)

    def step(self) -> None:
        """One page handled."""
        if self.progress and self.task is not None:
            self.progress.advance(self.task)


def _progress_bar():
    """A transient rich progress bar on a terminal, None when stderr is piped."""
    if not err.is_terminal:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True)


def _stop_on_signals() -> threading.Event:
    """An event set by SIGINT or SIGTERM: the watcher finishes the batch it is writing, then stops."""
    stop = threading.Event()

    def handler(signum, frame) -> None:
        err.print(f"stopping after the current batch ({signal.Signals(signum).name})", highlight=False)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, handler)
    return stop


def _print_pass(report) -> None:
    """One pass's summary and its problems, on stderr."""
    err.print(
        f"pass: {report.sources} sources, {report.listed} entries listed, {report.fetched} pages fetched"
        f" ({report.not_modified} not modified, {report.already_stored} already stored), {report.articles} articles stored,"
        f" {len(report.alerts)} alerts, {report.requests} requests; {report.seconds:.1f} s"
        + (" (stopped)" if report.stopped else ""),
        highlight=False, soft_wrap=True,
    )
    for problem in report.problems:
        err.print(f"  {problem.input}: {problem.reason}", highlight=False, markup=False, soft_wrap=True)
    for alert in report.alerts:
        err.print(f"  alert {alert.kind}: {alert.party or '-'} on {alert.issue}: {alert.before or '-'} -> {alert.after or '-'}",
                  highlight=False, markup=False, soft_wrap=True)


def _print_status(db: Optional[Path]) -> None:
    """The sources table of `redline watch --status`."""
    from redline.store.watch import WatchState

    with open_readonly(db) as store:
        state = WatchState(store)
        rows = state.sources() if state.has_tables() else []
    table = Table(title=f"watched sources ({len(rows)})")
    for name in ("source", "kind", "last success", "last error", "passes", "304", "entries", "fetched", "articles", "errors", "retry"):
        table.add_column(name)
    for r in rows:
        error = f"{r.last_error_at}: {r.last_error}" if r.last_error else ""
        table.add_row(r.name, r.kind or "", r.last_success or "never", error, str(r.passes), str(r.not_modified),
                      str(r.entries), str(r.fetched), str(r.articles), str(r.errors), str(r.pending))
    out.print(table)


@app.command("alerts")
def alerts_command(
    db: Optional[Path] = DbOption,
    since: Optional[str] = typer.Option(None, "--since", help="Only alerts raised on or after this date (YYYY-MM-DD) or time (ISO)."),
    json_: bool = typer.Option(False, "--json", help="One JSON object per line."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the latest N alerts."),
) -> None:
    """The alerts `redline watch` raised: new red lines, shifts, impasses, parties, with their evidence."""
    from redline.store.watch import WatchState

    since = _since_time(since)
    with open_readonly(db) as store:
        state = WatchState(store)
        found = state.alerts(since=since, limit=limit) if state.has_tables() else []
    if json_:
        print_json_lines(found)
        return
    table = Table(title=f"alerts ({len(found)})")
    for name in ("raised", "kind", "party", "issue", "before", "after", "evidence", "url"):
        table.add_column(name)
    for a in found:
        table.add_row(a.created or "", a.kind, a.party or "", a.issue, a.before or "", a.after or "",
                      (a.evidence or "")[:160], a.url or "")
    out.print(table)


def _since_time(value: Optional[str]) -> Optional[str]:
    """A --since value checked as an ISO date or time (compared as text with the stored UTC times)."""
    if value is None:
        return None
    from datetime import datetime

    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD) or ISO time", param_hint="--since") from None
    return parsed.isoformat(timespec="seconds") if "T" in value else parsed.date().isoformat()
