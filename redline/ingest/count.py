"""How many units (records) each input holds, for a progress bar that moves per record.

A JSON Lines file holds one unit per non-blank line, a WARC one per response record, any other file one.
Counting reads each file once more (decompressing gzip), without parsing records, so it is only done for
a progress bar on a terminal. Streams (standard input, FIFOs) cannot be read twice, and a file over
`COUNT_MAX_BYTES` would cost too long a first pass: they count as unknown (None), and the bar then shows
the records done without a total.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable

from redline.ingest.sniff import gunzip_head, is_gzip, sniff_format
from redline.ingest.sources import InputFile

_HEAD_BYTES = 65536
_CHUNK = 1 << 20
COUNT_MAX_BYTES = 256 << 20  # files larger than this (on disk) are not counted in advance


def count_units(items: Iterable[InputFile]) -> int | None:
    """The units in all the inputs; None when any is a stream (its count is unknown in advance)."""
    total = 0
    for item in items:
        units = input_units(item)
        if units is None:
            return None
        total += units
    return total


def input_units(item: InputFile) -> int | None:
    """The units in one input: JSON Lines lines, WARC response records, else 1; None for a stream or a
    file over COUNT_MAX_BYTES."""
    if item.stream or item.path is None or item.size > COUNT_MAX_BYTES:
        return None
    try:
        with open(item.path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
            compressed = is_gzip(head)
            fmt = sniff_format(gunzip_head(head) if compressed else head)
            handle.seek(0)
            if fmt == "warc":
                return _warc_responses(handle)
            if fmt == "json" and _first_char(gunzip_head(head) if compressed else head) == b"{":
                return _content_lines(gzip.GzipFile(fileobj=handle) if compressed else handle)
    except (OSError, EOFError, zlib.error):
        return 1  # damaged: the reader reports it as one problem, or as the records before the damage
    return 1


def _first_char(head: bytes) -> bytes:
    """The first non-blank byte (JSON Lines start with `{`; a JSON document may start with `[`)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]


def _content_lines(stream) -> int:
    """Non-blank lines, read a chunk at a time (an over-long line is never held whole)."""
    lines, counted = 0, False  # counted: the line in progress already holds something and was counted
    while chunk := stream.read(_CHUNK):
        for number, part in enumerate(chunk.split(b"\n")):
            if number:
                counted = False  # a newline ended the line in progress
            if not counted and part.strip():
                lines, counted = lines + 1, True
    return lines


def _warc_responses(stream) -> int:
    """Response records of a WARC (the units its reader yields), counted with warcio."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream):
            count += record.rec_type == "response"
    except Exception:  # noqa: BLE001 - warcio raises many types for a damaged archive; count what came before
        pass
    return max(count, 1)
