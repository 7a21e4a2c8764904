"""`redline demo` (the bundled examples end to end) and `redline stages` (the registered pipeline stages)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

import redline.actors  # noqa: F401  (each import registers its stages, for `redline stages`)
import redline.articles  # noqa: F401
import redline.nlp  # noqa: F401
import redline.pipeline  # noqa: F401
import redline.quotes  # noqa: F401
from redline.cli.shared import FileBar, app, check_profile, out
from redline.cli.terminal import articles_table, matrix_table, print_summary, quotes_table
from redline.dealspace import deal_space
from redline.pipeline import ingest as run_ingest
from redline.report.html import render_html
from redline.stages import in_pipeline_order
from redline.store import Store
from redline.views.overview import overview, store_evidence


def examples_dir() -> Path:
    """The bundled examples folder (in the source checkout beside the package)."""
    for candidate in (Path(__file__).resolve().parents[2] / "examples", Path.cwd() / "examples"):
        if candidate.is_dir():
            return candidate
    raise typer.BadParameter("no examples/ folder found beside the package or in the working folder")


@app.command()
def demo(
    db: Path = typer.Option(Path("redline-demo.db"), "--db", help="Database file for the demo."),
    profile: str = typer.Option("us-iran-2026", "--profile", help="Case profile for the stance matrix."),
) -> None:
    """Ingest the bundled examples into a fresh database, print articles, quotes and matrix, and write the HTML report."""
    folder = examples_dir()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    paths = [str(p) for p in sorted(folder.iterdir()) if p.name not in ("README.md", "build.py", "src")]
    with Store(db) as store, FileBar(paths) as bar:
        summary = run_ingest(paths, store=store, on_file=bar.advance, command="demo")
        rows = list(store.articles())
        said = list(store.quotes(limit=15))
        case = check_profile(profile)
        analysis = deal_space(store_evidence(store), profile=case)
    print_summary(summary, console=out)
    out.print(articles_table(rows, title=f"{len(rows)} articles in {db}"))
    out.print(quotes_table(said, title=f"who said what (first {len(said)} quotes; all: redline quotes --db {db})",
                           width=out.width))
    out.print(matrix_table(analysis, profile=case))
    out.print(f"positions: redline positions --db {db} --profile {profile}; events: redline events --db {db}", highlight=False)
    page = Path(db).with_name(f"{Path(db).stem}-report.html")
    with Store(db, readonly=True) as store:
        page.write_text(render_html(overview(store, profile=case), title=f"redline report: {Path(db).name}"), encoding="utf-8")
    out.print(f"HTML report: {page} (terminal: redline report --db {db} --profile {profile})", highlight=False, soft_wrap=True)


@app.command()
def stages() -> None:
    """List the registered pipeline stages with what each requires and assigns."""
    table = Table(title="pipeline stages")
    for name in ("stage", "requires", "assigns", "what"):
        table.add_column(name)
    for info in in_pipeline_order():
        table.add_row(info.name, ", ".join(info.requires), ", ".join(info.assigns), info.doc)
    out.print(table)
