"""Reading one input file into Documents (or Problems), whatever its format."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from redline.ingest.bounded import spool_stream
from redline.ingest.decode import UndecodableError, decode_bytes, looks_binary
from redline.ingest.options import IngestOptions
from redline.ingest.jsonl import domain_of, read_json_stream
from redline.ingest.markdown import split_front_matter
from redline.ingest.sniff import gunzip_head, is_gzip, sniff_format
from redline.ingest.sources import InputFile
from redline.ingest.warc import read_warc_stream
from redline.records import Document, Problem

_HEAD_BYTES = 65536


def content_key(data: bytes) -> str:
    """A stable identity for an input's raw content (the basis of article ids)."""
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def read_input(item: InputFile, *, options: IngestOptions, formats: frozenset[str] | None = None) -> Iterator[Document | Problem]:
    """Documents found in one input, sniffing its format; `formats` limits which formats are read. Each
    carries the metadata the user gave for the input (`--date`, `sources.yaml`), if any."""
    given = options.given.for_input(item)
    for found in _read_input(item, options=options, formats=formats):
        yield replace(found, given=given) if given is not None and isinstance(found, Document) else found


def _read_input(item: InputFile, *, options: IngestOptions, formats: frozenset[str] | None) -> Iterator[Document | Problem]:
    """Documents found in one input, sniffing its format."""
    try:
        stream, cut = _open(item, options=options)
    except OSError as error:
        yield Problem(item.name, f"unreadable: {error.strerror or error}")
        return
    if cut is not None:
        yield Problem(item.name, cut)
    with stream:
        head = stream.read(_HEAD_BYTES)
        compressed = is_gzip(head)
        inner_head = gunzip_head(head) if compressed else head
        if not head:
            if cut is None:
                yield Problem(item.name, "empty file")
            return
        fmt = sniff_format(inner_head)
        if looks_binary(inner_head) and fmt != "warc":
            yield Problem(item.name, "binary file, not text" + (" (gzip)" if compressed else ""))
            return
        if formats is not None and fmt not in formats:
            return
        stream.seek(0)
        if fmt == "warc":
            yield from read_warc_stream(stream, name=item.name, options=options)
            return
        body = gzip.GzipFile(fileobj=stream) if compressed else stream
        if fmt == "json":
            yield from read_json_stream(body, name=item.name, options=options)
            return
        yield from _read_page(body, item=item, fmt=fmt, options=options)


def _open(item: InputFile, *, options: IngestOptions) -> tuple[BinaryIO, str | None]:
    """A seekable binary stream over the input, and why a stream input was cut short, if it was.

    Standard input, FIFOs and pipes are spooled (to memory, then a temporary file) up to
    `bounds.max_stdin_mb`, giving up on a source silent for `bounds.stream_idle_seconds`.
    """
    if not item.stream:
        return open(item.path, "rb"), None
    bounds = options.bounds
    if item.path is None:
        fd, own = sys.stdin.fileno(), False
    else:
        fd, own = os.open(item.path, os.O_RDONLY | os.O_NONBLOCK), True
    try:
        spooled = spool_stream(fd, max_bytes=bounds.max_stdin_bytes, idle_seconds=bounds.stream_idle_seconds)
    finally:
        if own:
            os.close(fd)
    return spooled.file, spooled.problem


def read_page_bytes(data: bytes, *, name: str, options: IngestOptions) -> Document | Problem:
    """One text or HTML page held in memory (a fetched page), read as `read_input` reads a page file."""
    head = data[:_HEAD_BYTES]
    if not data.strip():
        return Problem(name, "empty page")
    fmt = sniff_format(head)
    if looks_binary(head) or fmt not in ("html", "text"):
        return Problem(name, f"not a text or HTML page ({'binary' if looks_binary(head) else fmt})")
    item = InputFile(name=name, path=None, size=len(data))
    return next(_read_page(io.BytesIO(data), item=item, fmt=fmt, options=options))


def _read_page(body: BinaryIO, *, item: InputFile, fmt: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """One text or HTML page, refused with a reason when it is too large or not decodable."""
    try:
        data = body.read(options.max_page_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        yield Problem(item.name, f"corrupt compressed file: {error}")
        return
    if len(data) > options.max_page_bytes:
        limit = options.max_page_bytes / (1024 * 1024)
        yield Problem(item.name, f"too large for one {fmt} page (over {limit:g} MB); split it or raise max_page_mb")
        return
    if not data.strip():
        yield Problem(item.name, "empty file")
        return
    try:
        decoded = decode_bytes(data, html=fmt == "html")
    except UndecodableError as error:
        yield Problem(item.name, str(error))
        return
    if decoded.mixed_lines:
        yield Problem(item.name, f"mixed encodings: {decoded.mixed_lines} line(s) not UTF-8, read as Windows-1252; stored, flagged", stored=True)
    group = str(item.path.parent) if item.path is not None else None
    if fmt == "markdown":
        yield _markdown_document(decoded.text, item=item, key=content_key(data), group=group)
        return
    yield Document(input=item.name, kind=fmt, content=decoded.text, key=content_key(data), group=group)


def _markdown_document(text: str, *, item: InputFile, key: str, group: str | None) -> Document:
    """A Markdown page with front matter: metadata from the front matter, the Markdown body as content."""
    page = split_front_matter(text)
    return Document(input=item.name, kind="markdown", content=page.body, key=key, url=page.url, title=page.title,
                    published=page.published, source=page.source or domain_of(page.url), group=group,
                    author=page.author)
