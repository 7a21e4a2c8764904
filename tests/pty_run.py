"""Run the CLI on a pseudo-terminal (what a user sees in a terminal), bounded in time."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_on_terminal(args: list[str], *, columns: int = 120, timeout: float = 240) -> str:
    """Run `redline ARGS` with stdout and stderr on a terminal `columns` wide; everything it drew, with the
    terminal's escape sequences left in."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": str(columns), "LINES": "40"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen([sys.executable, "-m", "redline.cli", *args], stdin=subprocess.DEVNULL,
                             stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif child.poll() is not None:
            break
    child.kill() if child.poll() is None else None
    child.wait(timeout=10)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def plain(drawn: str) -> str:
    """What was drawn without the terminal's escape sequences."""
    return _ESCAPES.sub("", drawn)
