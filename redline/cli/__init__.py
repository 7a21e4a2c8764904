"""The `redline` command line: a thin layer over the library, one module per command group.

Every command is parse -> library call or view -> render: it parses its options (filters through the
views' `Filters`, one meaning of --since/--until/--source/--official everywhere), calls the library, and
renders with `redline.cli.terminal` (every terminal table lives there) or prints JSON.

    shared.py     the typer `app`, the consoles `out`/`err`, the common options, profile check, filters,
                  progress bars
    terminal.py   every terminal table and the run summary
    ingest.py     ingest, extract
    listings.py   articles, quotes, events, positions, matrix, shifts, export
    profile.py    profile suggest, profile list
    demo.py       demo, stages
    batch.py      batch, load
    report.py     report
    serve.py      serve
    review.py     review list, confirm, reject, correct, add, export, import

Nothing outside `redline/cli/` imports this package (tests/test_architecture.py checks it).

Adding a command group: write `redline/cli/<group>.py` that imports `app` (and any options) from
`redline.cli.shared` and decorates its commands with `@app.command()` (or adds a sub-app with
`app.add_typer`), then add ONE line to the registration block below. The order of the block is the order of
`redline --help`.
"""

from redline.cli.shared import app

# Registration: each import adds its module's commands to `app`.
from redline.cli import ingest  # noqa: E402,F401  ingest, extract
from redline.cli import listings  # noqa: E402,F401  articles, quotes, events, positions, matrix, shifts, export
from redline.cli import profile  # noqa: E402,F401  profile suggest | list
from redline.cli import demo  # noqa: E402,F401  demo, stages
from redline.cli import batch  # noqa: E402,F401  batch, load
from redline.cli import report  # noqa: E402,F401  report
from redline.cli import serve  # noqa: E402,F401  serve
from redline.cli import review  # noqa: E402,F401  review list | confirm | reject | correct | add | export | import

__all__ = ["app"]
