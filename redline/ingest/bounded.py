"""Bounded reads: lines, JSON nesting and streams measured while they are read, never whole first.

A 1 GB JSON line, JSON nested 100,000 deep or a silent FIFO must cost a bounded amount of memory and time
and end as one reason in the run summary, not as a crash or a hang.
"""

from __future__ import annotations

import os
import re
import select
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, BinaryIO

_SKIP_CHUNK = 1 << 20
_READ_CHUNK = 1 << 16
_SPOOL_IN_MEMORY = 8 * 1024 * 1024  # a stream larger than this is spooled to a temporary file
# A JSON string (escapes included), possessive so a long string cannot backtrack.
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a stream: its 1-based number and bytes, or `too_long` with the bytes left out."""

    number: int
    data: bytes
    too_long: bool = False


def bounded_lines(stream: BinaryIO, *, max_bytes: int) -> Iterator[Line]:
    """The stream's lines; a line over `max_bytes` is skipped in chunks (never held whole) and marked."""
    number = 0
    while True:
        data = stream.readline(max_bytes + 1)
        if not data:
            return
        number += 1
        if len(data) > max_bytes and not data.endswith(b"\n"):
            _skip_to_line_end(stream)
            yield Line(number, b"", too_long=True)
            continue
        yield Line(number, data)


def _skip_to_line_end(stream: BinaryIO) -> None:
    """Read and drop the rest of the current line, a chunk at a time."""
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def json_too_deep(data: bytes | str, *, limit: int) -> bool:
    """True when arrays/objects in the JSON text nest deeper than `limit` (brackets in strings not counted).

    Python's json module recurses once per level: 100,000 levels raise RecursionError, and later walks
    over the value (dumping it for a key) recurse again. This check is a flat scan.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


@dataclass(slots=True)
class Spooled:
    """A stream read to its end (or to the byte limit) into a seekable file, and why it stopped early."""

    file: IO[bytes]
    size: int
    problem: str | None = None


def spool_stream(fd: int, *, max_bytes: int, idle_seconds: float) -> Spooled:
    """Read a pipe, FIFO or standard input into a seekable spooled file, bounded in bytes and idle time.

    A FIFO opened without a writer reads as end-of-file at once; until the first byte arrives that is
    treated as silence, so a FIFO nobody writes to is given up after `idle_seconds` with a reason.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
    size, started, last = 0, time.monotonic(), time.monotonic()
    while True:
        wait = idle_seconds - (time.monotonic() - last)
        if wait <= 0:
            return _done(spool, size, f"no data for {idle_seconds:g} s (a silent FIFO or pipe); gave up")
        ready, _, _ = select.select([fd], [], [], min(wait, 1.0))
        if not ready:
            continue
        try:
            chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - size))
        except BlockingIOError:
            continue
        if not chunk:
            if size or time.monotonic() - started >= idle_seconds:
                return _done(spool, size, None if size else "empty stream")
            time.sleep(0.05)  # no writer yet on a FIFO: keep waiting until the idle limit
            continue
        spool.write(chunk)
        size += len(chunk)
        last = time.monotonic()
        if size > max_bytes:
            spool.truncate(max_bytes)
            limit = max_bytes / (1024 * 1024)
            return _done(spool, max_bytes, f"stream over {limit:g} MB; read the first {limit:g} MB (raise bounds.max_stdin_mb)")


def _done(spool: IO[bytes], size: int, problem: str | None) -> Spooled:
    """The spooled file rewound, with its size and the reason reading stopped early, if any."""
    spool.seek(0)
    return Spooled(file=spool, size=size, problem=problem)
