"""JSON Lines and JSON inputs: one article per record, in the field names of common scrapers."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from redline.ingest.bounded import bounded_lines, json_too_deep
from redline.ingest.dates import normalise_date
from redline.ingest.decode import UndecodableError, decode_bytes
from redline.ingest.options import IngestOptions, RecordFields
from redline.records import Document, Problem


def read_json_stream(stream: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """Records of a (seekable) JSON Lines stream, or of one JSON document when it is not line-delimited.

    A compressed stream cut short, with a bad CRC or trailing junk keeps the records read before the
    damage and ends with one reason.
    """
    read = 0
    try:
        for found in _json_stream(stream, name=name, options=options):
            read += isinstance(found, Document)
            yield found
    except (OSError, EOFError, zlib.error) as error:
        yield Problem(name, f"corrupt compressed file after {read} record(s): {_first_line(str(error))}")


def _json_stream(stream: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """`read_json_stream` without the containment of a damaged compressed stream."""
    first = _first_content_line(stream, max_bytes=_line_limit(options))
    stream.seek(0)
    if first is None or not _parses_as_object(first, options):
        whole = stream.read(options.max_record_bytes + 1)
        if json_too_deep(whole, limit=options.bounds.max_json_depth):
            yield Problem(name, f"JSON nested deeper than {options.bounds.max_json_depth} levels (bounds.max_json_depth)")
            return
        try:
            document = json.loads(decode_bytes(whole).text)
        except (ValueError, UndecodableError, RecursionError):
            pass  # not one JSON document either: read it as JSON Lines, reporting each broken line
        else:
            yield from _records_of_document(document, name=name, options=options)
            return
        stream.seek(0)
    yield from _read_lines(stream, name=name, options=options)


def _line_limit(options: IngestOptions) -> int:
    """The most bytes one JSON Lines line may hold."""
    return min(options.bounds.max_line_bytes, options.max_record_bytes)


def _first_content_line(stream: BinaryIO, *, max_bytes: int) -> bytes | None:
    """The first non-blank line of the stream (None when it is over the line limit or there is none)."""
    for line in bounded_lines(stream, max_bytes=max_bytes):
        if line.too_long:
            return None
        if line.data.strip():
            return line.data
    return None


def _parses_as_object(line: bytes, options: IngestOptions) -> bool:
    """True when a line is a complete JSON object on its own (the mark of JSON Lines)."""
    if json_too_deep(line, limit=options.bounds.max_json_depth):
        return line.lstrip().startswith(b"{")  # a deep record is a JSON Lines line refused on its own
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _read_lines(stream: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """One Document per JSON Lines record; a broken line is reported with its line number."""
    depth = options.bounds.max_json_depth
    for line in bounded_lines(stream, max_bytes=_line_limit(options)):
        where = f"{name}:{line.number}"
        if line.too_long:
            limit = _line_limit(options) / (1024 * 1024)
            yield Problem(where, f"record too large (line over {limit:g} MB, skipped unread); raise max_record_mb")
            continue
        if not line.data.strip():
            continue
        if json_too_deep(line.data, limit=depth):
            yield Problem(where, f"JSON nested deeper than {depth} levels (bounds.max_json_depth)")
            continue
        try:
            record = json.loads(decode_bytes(line.data).text)
        except (ValueError, UndecodableError) as error:
            yield Problem(where, f"broken JSON line: {_first_line(str(error))}")
            continue
        yield record_document(record, input_name=where, raw=line.data, fields=options.fields)


def _records_of_document(document: Any, *, name: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """Documents from a whole JSON value: an object, a list of objects, or an object holding a list."""
    if isinstance(document, dict):
        nested = next((v for v in document.values() if isinstance(v, list) and v and isinstance(v[0], dict)), None)
        records = nested if nested is not None and not _has_any(document, options.fields) else [document]
    elif isinstance(document, list):
        records = document
    else:
        yield Problem(name, "JSON holds no article records")
        return
    for index, record in enumerate(records):
        # surrogatepass: a lone surrogate escape in a record is repaired later, it must not break its key
        raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
        yield record_document(record, input_name=f"{name}[{index}]", raw=raw, fields=options.fields)


def _has_any(record: dict[str, Any], fields: RecordFields) -> bool:
    """True when a record carries a body field (text or html)."""
    return _field(record, fields.text) is not None or _field(record, fields.html) is not None


def record_document(record: Any, *, input_name: str, raw: bytes, fields: RecordFields) -> Document | Problem:
    """A Document from one JSON record, or a Problem when it holds no article body."""
    if not isinstance(record, dict):
        return Problem(input_name, f"record is a JSON {type(record).__name__}, not an object")
    text = _field(record, fields.text)
    html = _field(record, fields.html) if text is None else None
    if text is None and html is None:
        return Problem(input_name, f"record has no body field (one of: {', '.join(fields.text + fields.html)})")
    url = _field(record, fields.url)
    source = _source_name(_field(record, fields.source)) or domain_of(url)
    return Document(
        input=input_name,
        kind="record" if text is not None else "html",
        content=text if text is not None else html,
        key=hashlib.blake2b(raw.strip(), digest_size=12).hexdigest(),
        url=url,
        title=_field(record, fields.title),
        published=normalise_date(_raw_field(record, fields.date)),
        source=source,
        group=source,
    )


def _raw_field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first present, non-empty value among the names, as it is."""
    for key in names:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first present value among the names as text (a nested `{"name": …}` gives its name)."""
    value = _raw_field(record, names)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _source_name(value: str | None) -> str | None:
    """A record's source: a bare domain loses its `www.`, a name stays as it is."""
    if value and " " not in value and "." in value:
        return domain_of(value)
    return value


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading `www.`, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[::1" and other unparseable netlocs: no domain, not a failed record
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _first_line(message: str) -> str:
    """The first line of an error message."""
    return message.splitlines()[0] if message else "unknown error"
