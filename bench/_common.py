"""Helpers shared by the benchmarks: where the evaluation data is, and running a measured child process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def data_dir(name: str, override: str | None = None) -> Path | None:
    """The evaluation data folder, or None (with a message) when it is absent."""
    path = Path(override) if override else SHARED_DATA / name
    if not path.exists():
        print(f"evaluation data not found at {path}; nothing to measure", file=sys.stderr)
        return None
    return path


def run_child(code: str, *args: str) -> dict:
    """Run Python code in a fresh interpreter (so peak memory is its own) and parse the JSON it prints last."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])
