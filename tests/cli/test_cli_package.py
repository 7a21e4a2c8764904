"""The CLI package: every command group registered once, in `--help` order, by `redline.cli` and by `python -m redline.cli`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redline.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["ingest", "extract", "articles", "quotes", "events", "positions", "matrix", "shifts", "export",
            "demo", "stages", "batch", "load", "report", "serve"]


def test_cli_package_registers_each_command_once_in_help_order():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names == COMMANDS
    assert [g.name for g in app.registered_groups] == ["profile", "review"]


def test_cli_package_python_m_lists_every_command():
    done = subprocess.run([sys.executable, "-m", "redline.cli", "--help"], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "COLUMNS": "120", "PATH": ""})
    assert done.returncode == 0, done.stderr
    commands = done.stdout.split("Commands")[1]
    listed = [line.split()[1] for line in commands.splitlines() if line.startswith("│ ") and line[2].isalpha()]
    assert listed == [*COMMANDS, "profile", "review"]
