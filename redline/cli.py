"""The `redline` command line: a thin layer over the library, one command per library entry point."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from redline.ingest.options import IngestOptions
from redline.ingest.repair import escape_name
from redline.pipeline import RunSummary
from redline.store import Store, default_db_path

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

DbOption = typer.Option(None, "--db", help="Database file (default: $REDLINE_DB or redline.db).")
ConfigOption = typer.Option(None, "--config", help="YAML file overriding redline/data/ingest.yaml.")
NlpOption = typer.Option(None, "--nlp/--no-nlp", help="Run the NLP stages: actors, quotes, events, positions (default on).")
ProfileOption = typer.Option(None, "--profile", help="Case profile: a shipped name (us-iran-2026) or a YAML file; default open mode.")


def _options(config: Optional[Path], nlp: Optional[bool], profile: Optional[str] = None) -> IngestOptions:
    """Ingest options from the shipped YAML, a user file, the --nlp switch and the --profile."""
    overrides = {k: v for k, v in (("nlp", nlp), ("profile", profile)) if v is not None}
    _check_profile(profile)
    return IngestOptions.load(config, **overrides)


def _check_profile(profile: Optional[str]):
    """The case profile named on the command line, or a clear usage error."""
    from redline.pipeline import load_profile
    from redline.positions import ProfileError

    try:
        return load_profile(profile)
    except (ProfileError, OSError) as error:
        raise typer.BadParameter(str(error), param_hint="--profile") from None


def _db(path: Optional[Path]) -> Path:
    """The database path chosen by option, environment or default."""
    return path or default_db_path()


def _open_readonly(path: Optional[Path]) -> Store:
    """The store opened for reading, or a clear one-line error and exit code 1."""
    from redline.store import StoreError

    try:
        return Store(_db(path), readonly=True)
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    except StoreError as error:
        err.print(f"error: database {error}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(5) from None


def _progress(total_bytes: int):
    """A rich progress bar over input bytes on a terminal; None (quiet) when stderr is piped."""
    if not err.is_terminal:
        return None
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err, transient=True)


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


class _Bar(ProgressBars):
    """Progress over input files, advanced by their size as each is finished."""

    def __init__(self, paths: list[str]) -> None:
        from redline.ingest.sources import expand_inputs

        files = expand_inputs(paths).files
        self.progress = _progress(sum(f.size for f in files))
        self.task = self.progress.add_task("reading", total=sum(f.size for f in files) or None) if self.progress else None

    def advance(self, item) -> None:
        """Mark one input file as done."""
        if self.progress:
            self.progress.update(self.task, advance=item.size, description=Path(item.name).name[:40])


def print_summary(summary: RunSummary, *, console: Console = err) -> None:
    """The end-of-run summary: counts, then one line per problem."""
    console.print(
        f"[bold]{summary.files}[/] files, [bold]{summary.documents}[/] documents read, "
        f"[bold]{summary.already_stored}[/] already stored; [bold]{summary.articles}[/] articles "
        f"([bold]{summary.unique}[/] unique, {summary.duplicates} duplicates of which {summary.near_duplicates} near), "
        f"{summary.non_english} non-English; {summary.seconds:.1f} s"
        + (f"; {summary.unexpected} unexpected errors (each skipped unit named below)" if summary.unexpected else ""),
        highlight=False,
        soft_wrap=True,
    )
    skipped = [p for p in summary.problems if not p.stored]
    flagged = [p for p in summary.problems if p.stored]
    for label, problems in (("skipped", skipped), ("flagged", flagged)):
        if problems:
            console.print(f"[bold]{len(problems)} {label}:[/]")
            for problem in problems:
                # escaped: a name with a line break or terminal escapes must stay one inert line
                console.print(f"  {escape_name(problem.input)}: {escape_name(problem.reason)}", highlight=False, markup=False, soft_wrap=True)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, FIFOs, or - for standard input."),
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
    strict: bool = typer.Option(False, "--strict", help="Stop at the first skipped input (exit 3); what was read is stored."),
) -> None:
    """Read, clean, deduplicate, analyse and store articles. Idempotent: the same input twice adds nothing.

    Exit codes: 0 all read; 3 some inputs skipped (each with its reason); 4 a path does not exist (no
    database created); 5 the database cannot be opened or written.
    """
    from redline import exitcodes
    from redline.exitcodes import check_paths, open_store_or_exit, terminate_as_interrupt
    from redline.ingest.run import ingest as run_ingest

    options = _options(config, nlp, profile)
    check_paths(paths, console=err)
    terminate_as_interrupt()
    with open_store_or_exit(_db(db), console=err) as store, _Bar(paths) as bar:
        summary = run_ingest(paths, store=store, options=options, on_file=bar.advance,
                             command=" ".join(["ingest", *paths]), strict=strict)
        counts = store.counts()
    print_summary(summary)
    err.print(
        f"store {_db(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(exitcodes.for_summary(summary))


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input."),
    format: str = typer.Option("json", "--format", help="json (one object) or jsonl (one article per line)."),
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
    profile: Optional[str] = ProfileOption,
) -> None:
    """Run the pipeline with no database and print the records as JSON, with the deal-space analysis."""
    from redline.pipeline import extract as run_extract

    if format not in ("json", "jsonl"):
        raise typer.BadParameter("use json or jsonl", param_hint="--format")
    with _Bar(paths) as bar:
        options = _options(config, nlp, profile)
        result = run_extract(paths, options=options, on_file=bar.advance)
    records = [a.to_json() for a in result.articles]
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        from redline.dealspace import article_evidence, deal_space

        document = {"articles": records}
        if options.nlp:
            analysis = deal_space(article_evidence(result.articles), profile=_check_profile(profile))
            document["analysis"] = analysis.to_json()
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print_summary(result.summary)


@app.command()
def articles(
    db: Optional[Path] = DbOption,
    limit: int = typer.Option(50, "--limit", min=1, help="How many to list."),
    unique: bool = typer.Option(False, "--unique", help="Leave out duplicates."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """List the stored articles."""
    with _open_readonly(db) as store:
        rows = list(store.articles(include_duplicates=not unique, limit=limit))
        counts = store.counts()
    if json_out:
        for article in rows:
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        return
    out.print(articles_table(rows, title=f"{counts.articles} articles ({counts.duplicates} duplicates) in {_db(db)}"))


def articles_table(rows, *, title: str) -> Table:
    """A terminal table of articles: id, date, source, language, title, words, duplicate."""
    table = Table(title=title, show_lines=False)
    for name in ("id", "published", "source", "lang", "title", "words", "duplicate of"):
        table.add_column(name, overflow="ellipsis", no_wrap=name != "title")
    for a in rows:
        table.add_row(
            a.id, a.published or "-", (a.source or "-")[:24], a.language or "-", (a.title or "(no title)")[:80],
            str(len(a.text.split())), a.duplicate_of or "",
        )
    return table


@app.command()
def quotes(
    db: Optional[Path] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only quotes whose speaker's name contains this."),
    limit: int = typer.Option(100, "--limit", min=1, help="How many to list."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """List the stored quotes: who said what, with the cue and the article it came from."""
    with _open_readonly(db) as store:
        rows = list(store.quotes(actor=actor, limit=limit))
    if json_out:
        for quote in rows:
            sys.stdout.write(json.dumps(quote.to_json(), ensure_ascii=False) + "\n")
        return
    out.print(quotes_table(rows, title=f"{len(rows)} quotes" + (f" by speakers matching {actor!r}" if actor else "")))


def quotes_table(rows, *, title: str) -> Table:
    """A terminal table of quotes: speaker, country, cue, direct, text, article."""
    table = Table(title=title, show_lines=True)
    for name in ("speaker", "country", "cue", "direct", "quote", "article"):
        table.add_column(name, overflow="fold")
    for row in rows:
        q = row.record
        table.add_row(
            q.speaker or "(unnamed)", q.speaker_country or "-", q.cue or "-", "yes" if q.direct else "reported",
            q.text if len(q.text) <= 200 else q.text[:197] + "...", f"{row.article_id}\n{row.published or ''}",
        )
    return table


def _since(value: Optional[str]) -> Optional[str]:
    """A --since date validated as YYYY-MM-DD."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date as YYYY-MM-DD", param_hint="--since") from None


def _print_json_lines(rows) -> None:
    """One JSON object per line on stdout."""
    for row in rows:
        sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")


@app.command()
def events(
    db: Optional[Path] = DbOption,
    type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER event type (e.g. THREATEN)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events whose source or target contains this."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events dated (or published) on or after YYYY-MM-DD."),
    merged: bool = typer.Option(False, "--merged", help="One row per event across articles, with its mentions."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """List the coded events: who did what to whom, when, with the sentence it came from."""
    from redline.events import merge_mentions

    start = _since(since)
    with _open_readonly(db) as store:
        rows = [r for r in store.stage_records("events") if _event_matches(r, type, actor, start)]
    if merged:
        by_article: dict[str, tuple] = {}
        for r in rows:
            by_article.setdefault(r.article_id, (r.article_id, r.source, []))[2].append(r.record)
        merged_rows = merge_mentions(list(by_article.values()))
        if json_out:
            _print_json_lines(merged_rows)
            return
        out.print(events_table([(m.event, f"{m.count} mentions, {m.sources} sources") for m in merged_rows],
                               title=f"{len(merged_rows)} events across articles"))
        return
    if json_out:
        _print_json_lines(rows)
        return
    out.print(events_table([(r.record, f"{r.article_id}\n{r.published or ''}") for r in rows], title=f"{len(rows)} events"))


def _event_matches(row, type: Optional[str], actor: Optional[str], since: Optional[str]) -> bool:
    """True when a stored event passes the --type, --actor and --since filters."""
    event = row.record
    if type and event.type != type.upper():
        return False
    if actor and not any(actor.casefold() in name.casefold() for name in [*event.source, *event.target]):
        return False
    day = event.date or row.published
    return not since or (day is not None and day >= since)


def events_table(rows, *, title: str) -> Table:
    """A terminal table of events: type, status, source, target, date, evidence, where."""
    table = Table(title=title, show_lines=True)
    for name in ("type", "status", "source", "target", "date", "evidence", "where"):
        table.add_column(name, overflow="fold")
    for event, where in rows:
        status = ("not " if event.negated else "") + event.status
        if event.mediated_by:
            status += f"\nmediated by {event.mediated_by}"
        text = event.text.strip()
        table.add_row(event.type, status, ", ".join(event.source) or "-", ", ".join(event.target) or "-",
                      event.date or "-", text if len(text) <= 160 else text[:157] + "...", where)
    return table


@app.command()
def positions(
    db: Optional[Path] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only positions of parties whose name contains this."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Only issues containing this."),
    profile: Optional[str] = ProfileOption,
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """List the positions: each party's stance on each issue, with who voiced it and the evidence."""
    from redline.dealspace import merged_evidence

    with _open_readonly(db) as store:
        evidence = merged_evidence(store.evidence(), profile=_check_profile(profile))
    rows = [e for e in evidence
            if (not actor or actor.casefold() in e.position.actor.casefold())
            and (not issue or issue.casefold() in e.position.issue.casefold())]
    if json_out:
        for e in rows:
            sys.stdout.write(json.dumps({**e.position.to_json(), "article_id": e.article_id}, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} positions", show_lines=True)
    for name in ("party", "issue", "stance", "via", "evidence", "article"):
        table.add_column(name, overflow="fold")
    for e in rows:
        p = e.position
        via = (p.via or "-") + ("" if p.official else " (commentary)") + (" (reported)" if p.reported else "")
        text = p.text.strip()
        table.add_row(p.actor, p.issue, p.stance, via, text if len(text) <= 160 else text[:157] + "...",
                      f"{e.article_id}\n{e.published or ''}")
    out.print(table)


STANCE_STYLE = {"red_line": "bold red", "reject": "red", "precondition": "yellow", "demand": "yellow",
                "open": "green", "offer": "bold green"}
STATUS_STYLE = {"impasse": "bold red", "contested": "yellow", "agenda": "bold green", "one-sided": "dim", "unknown": "dim"}


@app.command()
def matrix(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    show_all: bool = typer.Option(False, "--all", help="Every issue and party, not just the main ones."),
    json_out: bool = typer.Option(False, "--json", help="Print the analysis as JSON (always every issue)."),
) -> None:
    """Parties x issues with each party's current stance, and each issue's status (impasse, agenda, ...)."""
    from redline.dealspace import deal_space

    case = _check_profile(profile)
    with _open_readonly(db) as store:
        analysis = deal_space(store.evidence(), profile=case)
    if json_out:
        sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(matrix_table(analysis, profile=case, show_all=show_all))


def matrix_table(analysis, *, profile=None, show_all: bool = False, max_issues: int = 15, max_parties: int = 6) -> Table:
    """The stance matrix: one row per issue, one column per party, the cell its stance and evidence count.

    Unless `show_all`: with a profile, its issues and parties only; without, the issues two or more
    parties hold, then the best-evidenced, and the parties with the most evidence.
    """
    from redline.views.overview import select_matrix

    if show_all:
        issues = analysis.issues
        parties = select_matrix(analysis, profile=None, max_issues=len(issues), max_parties=10**6).parties
    else:
        choice = select_matrix(analysis, profile=profile, max_issues=max_issues, max_parties=max_parties)
        issues, parties = choice.issues, choice.parties
    hidden = len(analysis.issues) - len(issues)
    title = "stance matrix (stance, evidence count / sources)" + (f"; {hidden} more issues with --all" if hidden else "")
    table = Table(title=title, show_lines=True)
    table.add_column("issue", overflow="fold")
    table.add_column("status")
    for party in parties:
        table.add_column(party, overflow="fold")
    for issue in issues:
        cells = []
        for party in parties:
            stance = issue.parties.get(party)
            cells.append("" if stance is None else
                         f"[{STANCE_STYLE.get(stance.stance, '')}]{stance.stance}[/] {stance.evidence_count}/{stance.sources}")
        table.add_row(issue.issue, f"[{STATUS_STYLE.get(issue.status, '')}]{issue.status}[/]", *cells)
    return table


@app.command()
def shifts(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    json_out: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """List the shifts: a party's stance on an issue changing between dates, with both pieces of evidence."""
    from redline.dealspace import deal_space

    with _open_readonly(db) as store:
        found = deal_space(store.evidence(), profile=_check_profile(profile)).shifts
    if json_out:
        _print_json_lines(found)
        return
    table = Table(title=f"{len(found)} shifts", show_lines=True)
    for name in ("party", "issue", "before", "after"):
        table.add_column(name, overflow="fold")
    for shift in found:
        side = lambda e: f"{e.position.stance} ({e.published or e.position.date})\n{e.position.text.strip()[:120]}"  # noqa: E731
        table.add_row(shift.actor, shift.issue, side(shift.before), side(shift.after))
    out.print(table)


EXPORT_TABLES = ("articles", "actors", "quotes", "events", "positions")


@app.command()
def export(
    table: str = typer.Option(..., "--table", help="articles, actors, quotes, events or positions."),
    format: str = typer.Option("jsonl", "--format", help="csv, jsonl or parquet."),
    output: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout; parquet needs --out)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export a stored table as CSV, JSON Lines or Parquet (list fields: JSON in CSV, lists in Parquet)."""
    from redline.export import export_columns, export_rows, write_rows

    if table not in EXPORT_TABLES:
        raise typer.BadParameter(f"one of {', '.join(EXPORT_TABLES)}", param_hint="--table")
    if format not in ("csv", "jsonl", "parquet"):
        raise typer.BadParameter("csv, jsonl or parquet", param_hint="--format")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give a file with --out", param_hint="--out")
    with _open_readonly(db) as store:
        count = write_rows(export_rows(store, table), format=format, output=output, columns=export_columns(table))
    err.print(f"{count} {table} rows" + (f" written to {output}" if output else ""), highlight=False)


profile_app = typer.Typer(help="Case profiles: the parties and issues of a negotiation.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


@profile_app.command("suggest")
def profile_suggest(
    db: Optional[Path] = DbOption,
    key: str = typer.Option("my-case", "--key", help="The new profile's key."),
    output: Optional[Path] = typer.Option(None, "--out", help="Write the YAML here (default: stdout)."),
) -> None:
    """Draft a case profile (parties, issues with their phrases) from the stored articles, to edit."""
    import yaml

    from redline.positions import suggest_profile

    with _open_readonly(db) as store:
        articles = [store.article(a.id) for a in store.articles(include_duplicates=False)]
    text = yaml.safe_dump(suggest_profile(articles, key=key), sort_keys=False, allow_unicode=True)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"profile draft written to {output}")
    else:
        sys.stdout.write(text)


@profile_app.command("list")
def profile_list() -> None:
    """List the shipped case profiles."""
    from redline.positions.profile import shipped_profiles

    for name in shipped_profiles():
        out.print(name)


def examples_dir() -> Path:
    """The bundled examples folder (in the source checkout beside the package)."""
    for candidate in (Path(__file__).resolve().parents[1] / "examples", Path.cwd() / "examples"):
        if candidate.is_dir():
            return candidate
    raise typer.BadParameter("no examples/ folder found beside the package or in the working folder")


@app.command()
def demo(
    db: Path = typer.Option(Path("redline-demo.db"), "--db", help="Database file for the demo."),
    profile: str = typer.Option("us-iran-2026", "--profile", help="Case profile for the stance matrix."),
) -> None:
    """Ingest the bundled examples into a fresh database, print articles, quotes and matrix, and write the HTML report."""
    from redline.dealspace import deal_space
    from redline.ingest.run import ingest as run_ingest

    folder = examples_dir()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    paths = [str(p) for p in sorted(folder.iterdir()) if p.name not in ("README.md", "build.py", "src")]
    with Store(db) as store, _Bar(paths) as bar:
        summary = run_ingest(paths, store=store, on_file=bar.advance, command="demo")
        rows = list(store.articles())
        said = list(store.quotes(limit=15))
        case = _check_profile(profile)
        analysis = deal_space(store.evidence(), profile=case)
    print_summary(summary, console=out)
    out.print(articles_table(rows, title=f"{len(rows)} articles in {db}"))
    out.print(quotes_table(said, title=f"who said what (first {len(said)} quotes; all: redline quotes --db {db})"))
    out.print(matrix_table(analysis, profile=case))
    out.print(f"positions: redline positions --db {db} --profile {profile}; events: redline events --db {db}", highlight=False)
    from redline.report.command import write_or_print
    from redline.views.filters import Filters

    page = Path(db).with_name(f"{Path(db).stem}-report.html")
    with Store(db, readonly=True) as store:
        write_or_print(store, filters=Filters(), profile=case, html=page, title=f"redline report: {Path(db).name}")
    out.print(f"HTML report: {page} (terminal: redline report --db {db} --profile {profile})", highlight=False, soft_wrap=True)


@app.command()
def stages() -> None:
    """List the registered pipeline stages with what each requires and assigns."""
    import redline.actors  # noqa: F401  (each import registers its stages)
    import redline.articles  # noqa: F401
    import redline.nlp  # noqa: F401
    import redline.pipeline  # noqa: F401
    import redline.quotes  # noqa: F401
    from redline.stages import in_pipeline_order

    table = Table(title="pipeline stages")
    for name in ("stage", "requires", "assigns", "what"):
        table.add_column(name)
    for info in in_pipeline_order():
        table.add_row(info.name, ", ".join(info.requires), ", ".join(info.assigns), info.doc)
    out.print(table)


# Commands defined beside the parts they drive register themselves on `app` (report, serve, batch, load).
import redline.batch.command  # noqa: E402,F401
import redline.report.command  # noqa: E402,F401
import redline.web.command  # noqa: E402,F401

if __name__ == "__main__":
    app()
