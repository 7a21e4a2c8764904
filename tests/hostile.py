"""Helpers for the hostile-input tests: run the real CLI in a subprocess, measure its time and peak memory,
and read back what reached the store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from synth import article_text

from redline.store import Store

# The child prints its own peak resident memory on exit (VmHWM, KB), whatever its exit code. Not ru_maxrss:
# Linux keeps a process's ru_maxrss across fork and exec, so a child of a large pytest process would report
# its parent's peak (1.4 GB after the Guardian corpus tests) instead of its own.
_MEASURED = (
    "import resource, runpy, sys\n"
    "sys.argv = ['redline'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('redline.cli', run_name='__main__')\n"
    "finally:\n"
    "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    peak = next((int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM')),\n"
    "                usage.ru_maxrss)\n"
    "    sys.stderr.write('\\nMAXRSS_KB %d CPU_S %.2f\\n' % (peak, usage.ru_utime + usage.ru_stime))\n"
)


@dataclass
class Run:
    """One CLI run: exit code, stderr text, wall seconds, CPU seconds (load-independent) and peak memory in MB."""

    returncode: int
    stderr: str
    stdout: str
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0


def run_cli(*args: str, stdin=None, timeout: float = 120, env: dict | None = None, cwd: Path | None = None) -> Run:
    """Run `redline ARGS` in a subprocess (in folder `cwd`, if given), measured."""
    started = time.monotonic()
    environment = {**os.environ, **(env or {})}
    if cwd is not None:  # the child imports redline from this checkout, wherever it runs
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]),
                                                                  environment.get("PYTHONPATH")]))
    result = subprocess.run([sys.executable, "-c", _MEASURED, *args], input=stdin, capture_output=True,
                            timeout=timeout, env=environment, cwd=cwd)
    stderr = result.stderr.decode("utf-8", "replace")
    measured = next((line.split() for line in stderr.splitlines() if line.startswith("MAXRSS_KB")), ["", "0", "", "0"])
    return Run(result.returncode, stderr, result.stdout.decode("utf-8", "replace"), time.monotonic() - started,
               int(measured[1]) / 1024, float(measured[3]))


def good_article(seed: int, title: str | None = None) -> str:
    """A distinct, clean English article as a plain-text page."""
    return f"{title or f'Talks report {seed}'}\n\n{article_text(seed)}\n"


def stored_inputs(db: Path) -> list[str]:
    """The input names of every stored article."""
    with Store(db, readonly=True) as store:
        return [a.input for a in store.articles()]


def no_traceback(run: Run) -> bool:
    """True when no Python traceback reached the user."""
    return "Traceback" not in run.stderr
