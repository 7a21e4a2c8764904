"""WARC inputs (`.warc`, `.warc.gz`, as Common Crawl News publishes them), read with warcio."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import BinaryIO

from redline.ingest.decode import UndecodableError, decode_bytes, looks_binary
from redline.ingest.jsonl import domain_of
from redline.ingest.options import IngestOptions
from redline.records import Document, Problem

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc_stream(stream: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """One Document per HTML or text response record; a truncated file reports where it broke off."""
    from warcio.archiveiterator import ArchiveIterator

    count = records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response":
                continue
            count += 1
            yield _contained(record, name=name, options=options, number=records)
    except Exception as error:  # warcio raises many types (ArchiveLoadFailed, zlib, EOF, None headers) for one cause
        yield Problem(name, f"truncated or corrupt WARC after {count} complete response record(s) ({type(error).__name__})")
        return
    if count == 0:
        yield Problem(name, f"WARC holds no response records ({records} record(s) of other types or empty headers)")


def _contained(record, *, name: str, options: IngestOptions, number: int) -> Document | Problem:
    """One response record read on its own: whatever goes wrong inside it, the next record is still read."""
    try:
        return _response_document(record, name=name, options=options)
    except Exception as error:  # a bad header value or payload in one record must not end the archive
        return Problem(f"{name}#record-{number}", f"unreadable WARC record ({type(error).__name__}): {str(error).splitlines()[0] if str(error) else ''}".rstrip(": "))


def _response_document(record, *, name: str, options: IngestOptions) -> Document | Problem:
    """A Document from one WARC response record, or why it holds no page."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{name}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        return Problem(where, f"HTTP status {status}, no page")
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if content_type and not content_type.lower().startswith(_PAGE_TYPES):
        return Problem(where, f"not a page ({content_type.split(';')[0]})")
    payload = record.content_stream().read(options.max_record_bytes + 1)
    if len(payload) > options.max_record_bytes:
        return Problem(where, "record too large; raise max_record_mb")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended before the length the record declares
        return Problem(where, f"truncated WARC record: body cut off after {len(payload)} bytes")
    if not payload.strip():
        return Problem(where, "empty response")
    if looks_binary(payload):
        return Problem(where, "binary payload, not text")
    declared = _charset(content_type)
    html = "text/plain" not in content_type.lower()
    try:
        text = decode_bytes(payload, declared=declared, html=html).text
    except UndecodableError as error:
        return Problem(where, str(error))
    return Document(
        input=where,
        kind="html" if html else "text",
        content=text,
        key=hashlib.blake2b(uri.encode("utf-8") + b"\n" + payload, digest_size=12).hexdigest(),
        url=uri or None,
        source=domain_of(uri),
        group=domain_of(uri),
    )


def _charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
