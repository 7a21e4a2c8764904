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

