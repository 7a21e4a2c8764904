"""Expanding command-line inputs (files, folders, globs, `-`) into the input files to read."""

from __future__ import annotations

import glob
import sys
from dataclasses import dataclass
from pathlib import Path

from redline.records import Problem

STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read; `path` is None for standard input."""

    name: str
    path: Path | None
    size: int


@dataclass(frozen=True, slots=True)
class Expanded:
    """The input files found for a list of paths, and the paths that named nothing readable."""

    files: list[InputFile]
    problems: list[Problem]


def expand_inputs(paths: list[str]) -> Expanded:
    """Files under the given paths, folders walked recursively in sorted order, hidden files skipped."""
    files: list[InputFile] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN_NAME:
            files.append(InputFile(name=STDIN_NAME, path=None, size=0))
            continue
        candidates = _candidates(raw)
        if not candidates:
            problems.append(Problem(raw, "no such file or folder"))
        for path in candidates:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            try:
                size = path.stat().st_size
            except OSError as error:
                problems.append(Problem(str(path), f"unreadable: {error.strerror or error}"))
                continue
            files.append(InputFile(name=str(path), path=path, size=size))
    return Expanded(files=files, problems=problems)


def _candidates(raw: str) -> list[Path]:
    """The files one command-line path stands for."""
    path = Path(raw)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
    if path.exists():
        return [path]
    if glob.has_magic(raw):
        return [Path(p) for p in sorted(glob.glob(raw, recursive=True)) if Path(p).is_file()]
    return []


def _hidden(relative: Path) -> bool:
    """True when any part of the path starts with a dot (editor backups, .git, .DS_Store)."""
    return any(part.startswith(".") for part in relative.parts)


def read_stdin() -> bytes:
    """All of standard input as bytes."""
    return sys.stdin.buffer.read()
