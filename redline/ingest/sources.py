"""Expanding command-line inputs (files, folders, globs, `-`, FIFOs) into the input files to read."""

from __future__ import annotations

import glob
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from redline.ingest.repair import escape_name
from redline.records import Problem

STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read; `path` is None for standard input; `stream` inputs (stdin, FIFOs, pipes) are
    read once, as they come, not seeked. `name` is shown escaped on one line."""

    name: str
    path: Path | None
    size: int
    stream: bool = False


@dataclass(frozen=True, slots=True)
class Expanded:
    """The input files found for a list of paths, and the paths that named nothing readable."""

    files: list[InputFile]
    problems: list[Problem]
    missing: list[str]


def expand_inputs(paths: list[str]) -> Expanded:
    """Inputs under the given paths, folders walked recursively in sorted order, hidden files skipped.

    A FIFO or pipe named on the command line (`<(cat feed.jsonl)`) is read as a stream; special files
    found inside a folder, dangling links and unreadable folders each get a reason.
    """
    expanded = Expanded(files=[], problems=[], missing=[])
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN_NAME:
            expanded.files.append(InputFile(name=STDIN_NAME, path=None, size=0, stream=True))
            continue
        candidates = _candidates(raw, expanded.problems)
        if candidates is None:
            expanded.problems.append(Problem(escape_name(raw), "no such file or folder"))
            expanded.missing.append(raw)
            continue
        for path, named in candidates:
            _add(path, named=named, seen=seen, into=expanded)
    return expanded


def _add(path: Path, *, named: bool, seen: set[Path], into: Expanded) -> None:
    """Add one candidate path as an input, or a reason why it is not read."""
    name = escape_name(str(path))
    try:
        info = path.stat()
        resolved = path.resolve()
    except OSError as error:
        reason = "dangling symbolic link" if path.is_symlink() else f"unreadable: {error.strerror or error}"
        into.problems.append(Problem(name, reason))
        return
    if resolved in seen:
        return
    seen.add(resolved)
    if stat.S_ISREG(info.st_mode):
        into.files.append(InputFile(name=name, path=path, size=info.st_size))
    elif stat.S_ISFIFO(info.st_mode) and named:
        into.files.append(InputFile(name=name, path=path, size=0, stream=True))
    elif not stat.S_ISDIR(info.st_mode):
        into.problems.append(Problem(name, _special_reason(info.st_mode, named=named)))


def _special_reason(mode: int, *, named: bool) -> str:
    """Why a special file is not read."""
    kind = ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
            else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file")
    if stat.S_ISFIFO(mode) and not named:
        return "FIFO inside a folder, not read (name it on the command line to read it as a stream)"
    return f"a {kind}, not a file: not read"


def _candidates(raw: str, problems: list[Problem]) -> list[tuple[Path, bool]] | None:
    """The paths one command-line argument stands for (with True when named directly); None for nothing."""
    path = Path(raw)
    if path.is_dir():
        return [(p, False) for p in _walk(path, problems)]
    if path.exists() or path.is_symlink():
        return [(path, True)]
    if glob.has_magic(raw):
        found = [(Path(p), True) for p in sorted(glob.glob(raw, recursive=True)) if not Path(p).is_dir()]
        return found or None
    return None


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every non-hidden entry under a folder that is not a folder, sorted; unreadable folders reported.

    Symbolic links to folders are not followed (no loops); links to files are read.
    """
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        problems.append(Problem(escape_name(str(error.filename)), f"unreadable folder: {error.strerror or error}"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        found.extend(base / n for n in names if not n.startswith("."))
    return sorted(found)


def read_stdin() -> bytes:
    """All of standard input as bytes."""
    return sys.stdin.buffer.read()
