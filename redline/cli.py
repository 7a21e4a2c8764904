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
NlpOption = typer.Option(None, "--nlp/--no-nlp", help="Run spaCy, actors and quotes (default: nlp in ingest.yaml, on).")


def _options(config: Optional[Path], nlp: Optional[bool]) -> IngestOptions:
    """Ingest options from the shipped YAML, a user file, and the --nlp switch."""
    return IngestOptions.load(config) if nlp is None else IngestOptions.load(config, nlp=nlp)


def _db(path: Optional[Path]) -> Path:
    """The database path chosen by option, environment or default."""
    return path or default_db_path()


def _open_readonly(path: Optional[Path]) -> Store:
    """The store opened for reading, or a clear one-line error and exit code 1."""
    try:
        return Store(_db(path), readonly=True)
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None


def _progress(total_bytes: int):
    """A rich progress bar over input bytes on a terminal; None (quiet) when stderr is piped."""
    if not err.is_terminal:
        return None
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err, transient=True)


class _Bar:
    """Progress over input files, advanced by their size as each is finished."""

    def __init__(self, paths: list[str]) -> None:
        from redline.ingest.sources import expand_inputs

        files = expand_inputs(paths).files
        self.progress = _progress(sum(f.size for f in files))
        self.task = self.progress.add_task("reading", total=sum(f.size for f in files) or None) if self.progress else None

    def __enter__(self) -> "_Bar":
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()

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
        f"{summary.non_english} non-English; {summary.seconds:.1f} s",
        highlight=False,
        soft_wrap=True,
    )
    skipped = [p for p in summary.problems if not p.stored]
    flagged = [p for p in summary.problems if p.stored]
    for label, problems in (("skipped", skipped), ("flagged", flagged)):
        if problems:
            console.print(f"[bold]{len(problems)} {label}:[/]")
            for problem in problems:
                console.print(f"  {problem.input}: {problem.reason}", highlight=False, markup=False, soft_wrap=True)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input."),
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
) -> None:
    """Read, clean, deduplicate, analyse and store articles. Idempotent: the same input twice adds nothing."""
    from redline.ingest.run import ingest as run_ingest

    options = _options(config, nlp)
    with Store(_db(db)) as store, _Bar(paths) as bar:
        summary = run_ingest(paths, store=store, options=options, on_file=bar.advance, command=" ".join(["ingest", *paths]))
        counts = store.counts()
    print_summary(summary)
    err.print(
        f"store {_db(db)}: {counts.articles} articles ({counts.duplicates} duplicates) from {counts.documents} documents",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input."),
    format: str = typer.Option("json", "--format", help="json (one object) or jsonl (one article per line)."),
    config: Optional[Path] = ConfigOption,
    nlp: Optional[bool] = NlpOption,
) -> None:
    """Run the pipeline with no database and print the records as JSON."""
    from redline.pipeline import extract as run_extract

    if format not in ("json", "jsonl"):
        raise typer.BadParameter("use json or jsonl", param_hint="--format")
    with _Bar(paths) as bar:
        result = run_extract(paths, options=_options(config, nlp), on_file=bar.advance)
    records = [a.to_json() for a in result.articles]
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps({"articles": records}, ensure_ascii=False, indent=2) + "\n")
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
        q = row.quote
        table.add_row(
            q.speaker or "(unnamed)", q.speaker_country or "-", q.cue or "-", "yes" if q.direct else "reported",
            q.text if len(q.text) <= 200 else q.text[:197] + "...", f"{row.article_id}\n{row.published or ''}",
        )
    return table


def examples_dir() -> Path:
    """The bundled examples folder (in the source checkout beside the package)."""
    for candidate in (Path(__file__).resolve().parents[1] / "examples", Path.cwd() / "examples"):
        if candidate.is_dir():
            return candidate
    raise typer.BadParameter("no examples/ folder found beside the package or in the working folder")


@app.command()
def demo(db: Path = typer.Option(Path("redline-demo.db"), "--db", help="Database file for the demo.")) -> None:
    """Ingest the bundled examples into a fresh database and print what was found."""
    from redline.ingest.run import ingest as run_ingest

    folder = examples_dir()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    paths = [str(p) for p in sorted(folder.iterdir()) if p.name not in ("README.md", "build.py", "src")]
    with Store(db) as store, _Bar(paths) as bar:
        summary = run_ingest(paths, store=store, on_file=bar.advance, command="demo")
        rows = list(store.articles())
        said = list(store.quotes(limit=25))
    print_summary(summary, console=out)
    out.print(articles_table(rows, title=f"{len(rows)} articles in {db}"))
    out.print(quotes_table(said, title=f"who said what (first {len(said)} quotes; all: redline quotes --db {db})"))


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


if __name__ == "__main__":
    app()
