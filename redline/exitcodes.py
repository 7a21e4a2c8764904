"""The exit codes of `redline ingest` (and the other commands that read inputs or open a store).

Scripts can trust them: 0 only when every input was read.
"""

from __future__ import annotations

OK = 0            # every input read (articles flagged, e.g. non-English or repaired text, still count as read)
ERROR = 1         # an unexpected failure of the run itself
USAGE = 2         # a bad option or argument (typer/click's own code)
SKIPPED = 3       # the run finished but some inputs, records or pages were skipped, each with its reason;
                  # with --strict the run stops at the first skip, with this code, after storing what it read
NO_SUCH_PATH = 4  # a named path does not exist: nothing was read and no database was created
STORE = 5         # the database cannot be opened or written (missing folder, not a database, newer schema, ...)


def for_summary(summary) -> int:
    """OK when nothing was skipped, else SKIPPED."""
    return SKIPPED if summary.skipped else OK


def check_paths(paths: list[str], *, console) -> None:
    """Exit with NO_SUCH_PATH, one line per path, when a named path does not exist (before any database
    is opened, so none is created)."""
    import typer

    from redline.ingest.sources import expand_inputs

    missing = expand_inputs(paths).missing
    if not missing:
        return
    from redline.ingest.repair import escape_name

    for raw in missing:
        console.print(f"error: {escape_name(raw)}: no such file or folder", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(NO_SUCH_PATH)


def open_store_or_exit(path, *, console):
    """The store opened for writing, or one line naming the path and the cause and exit code STORE."""
    import typer

    from redline.store import Store, StoreError

    try:
        return Store(path)
    except StoreError as error:
        console.print(f"error: database {error}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(STORE) from None


def terminate_as_interrupt() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so a terminated run stores what it read and finishes its row."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)
