"""The `redline` commands of this part, registered on the CLI app (imported at the end of redline/cli.py)."""

from __future__ import annotations

from redline.cli import app  # noqa: F401  (commands below register on it)
