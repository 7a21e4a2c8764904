#!/usr/bin/env python3
"""Regenerate the derived sample inputs in examples/ from examples/src/.

Usage:  .venv/bin/python examples/build.py

Writes (all byte-for-byte deterministic: fixed WARC dates and record ids,
gzip mtime=0, no file name in gzip headers):

  html/meridian-pezeshkian-fair-deal.html.gz   <- src/html/*.html (gzipped)
  feed.jsonl                                   <- src/feed/*.txt
  crawl.warc.gz                                <- src/warc/*.html
  bad/empty.txt                                   (0 bytes)
  bad/binary.bin                                  (PNG-like header + pseudo-random bytes incl. NULs)
  bad/latin1.txt                               <- src/latin1-article.utf8.txt, re-encoded as cp1252
  bad/truncated.warc.gz                           (same kind of WARC, last record cut mid-body)

Hand-written files (pages/*.txt, html/meridian-middle-east-index.html,
bad/german.txt, bad/broken.jsonl) are not touched.

Only the standard library and warcio are used.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# ---------------------------------------------------------------- helpers


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buf.getvalue()


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(HERE)} ({len(data)} bytes)")


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'redline-examples:' + key)}>"


# ---------------------------------------------------------------- html.gz


def build_html_gz() -> None:
    for src in sorted((SRC / "html").glob("*.html")):
        write(HERE / "html" / (src.name + ".gz"), gzip_bytes(src.read_bytes()))


# ---------------------------------------------------------------- feed.jsonl


def _parse_value(raw: str):
    raw = raw.strip()
    if raw == "null" or raw.startswith("[") or raw.startswith("{") or raw.isdigit():
        return json.loads(raw)
    return raw


def load_feed_source(path: Path) -> dict:
    """A feed source file is `key: value` header lines, a blank line, then the body.

    `body-field` names the JSON key the body goes into (text, maintext, html).
    news-please records (body in `maintext`) get alphabetically sorted keys, as
    news-please writes them; others keep header order with the body after `title`
    (or last, if there is no title).
    """
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields: list[tuple[str, object]] = []
    body_field = "text"
    for line in head.splitlines():
        key, _, value = line.partition(":")
        if key == "body-field":
            body_field = value.strip()
        else:
            fields.append((key.strip(), _parse_value(value)))
    body = body.strip("\n")
    if body_field == "html":
        body += "\n"
    if body_field == "maintext":
        record = dict(sorted(fields + [(body_field, body)]))
    else:
        record = {}
        keys = [k for k, _ in fields]
        for key, value in fields:
            record[key] = value
            if key == "title":
                record[body_field] = body
        if "title" not in keys:
            record[body_field] = body
    return record


def build_feed() -> None:
    lines = [
        json.dumps(load_feed_source(p), ensure_ascii=False)
        for p in sorted((SRC / "feed").glob("*.txt"))
    ]
    write(HERE / "feed.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))


# ---------------------------------------------------------------- WARC

# (source file, target URI, server IP, HTTP Date, WARC-Date, with request record?)
WARC_PAGES = [
    (
        "meridian-enrichment-hardest-knot.html",
        "https://www.meridianpost.example/world/middle-east/2026/02/14/enrichment-hardest-knot",
        "203.0.113.24",
        "Sat, 14 Feb 2026 12:00:03 GMT",
        "2026-02-14T12:00:03Z",
        True,
    ),
    (
        "eastbridge-abu-dhabi-prisoner-exchange.html",
        "https://www.eastbridge-times.example/europe/2026/02/05/abu-dhabi-second-round-prisoner-exchange",
        "198.51.100.71",
        "Thu, 05 Feb 2026 21:14:40 GMT",
        "2026-02-05T21:14:40Z",
        False,
    ),
]

USER_AGENT = "redline-sample-crawler/0.1 (+https://redline.example/bot)"


def _warcinfo(writer: WARCWriter, filename: str, date: str):
    info = (
        "software: redline examples/build.py (warcio)\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n"
        "description: Sample news crawl written for the redline project (fictional articles)\r\n"
        f"robots: obey\r\nhttp-header-user-agent: {USER_AGENT}\r\n"
    ).encode("utf-8")
    rid = record_id(f"warcinfo:{filename}")
    rec = writer.create_warc_record(
        "",
        "warcinfo",
        payload=io.BytesIO(info),
        length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": rid,
            "WARC-Date": date,
            "WARC-Filename": filename,
        },
    )
    return rec, rid


def _request(writer: WARCWriter, uri: str, ip: str, warc_date: str, warcinfo_id: str):
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    req = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"User-Agent: {USER_AGENT}\r\n"
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
        "Accept-Language: en-US,en;q=0.5\r\n"
        "Accept-Encoding: identity\r\n"
        "Connection: close\r\n\r\n"
    ).encode("ascii")
    rid = record_id(f"request:{uri}")
    rec = writer.create_warc_record(
        uri,
        "request",
        payload=io.BytesIO(req),
        length=len(req),
        warc_headers_dict={
            "WARC-Record-ID": rid,
            "WARC-Date": warc_date,
            "WARC-IP-Address": ip,
            "WARC-Warcinfo-ID": warcinfo_id,
        },
    )
    return rec, rid


def _response(writer, body: bytes, uri, ip, http_date, warc_date, warcinfo_id, concurrent_to=None):
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", http_date),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
            ("X-Frame-Options", "SAMEORIGIN"),
            ("Connection", "close"),
        ],
        protocol="HTTP/1.1",
    )
    headers = {
        "WARC-Record-ID": record_id(f"response:{uri}"),
        "WARC-Date": warc_date,
        "WARC-IP-Address": ip,
        "WARC-Warcinfo-ID": warcinfo_id,
        "WARC-Identified-Payload-Type": "text/html",
    }
    if concurrent_to:
        headers["WARC-Concurrent-To"] = concurrent_to
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict=headers,
    )


def warc_bytes(filename: str, pages) -> tuple[bytes, list[int]]:
    """Return the gzipped WARC and the byte offset at which each record starts."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.0")
    offsets = []
    first_date = min(p[4] for p in pages)
    rec, info_id = _warcinfo(writer, filename, first_date)
    offsets.append(out.tell())
    writer.write_record(rec)
    for src_name, uri, ip, http_date, warc_date, with_request in pages:
        body = (SRC / "warc" / src_name).read_bytes()
        req_id = None
        if with_request:
            req, req_id = _request(writer, uri, ip, warc_date, info_id)
            offsets.append(out.tell())
            writer.write_record(req)
        resp = _response(writer, body, uri, ip, http_date, warc_date, info_id, req_id)
        offsets.append(out.tell())
        writer.write_record(resp)
    return out.getvalue(), offsets


def build_warc() -> None:
    data, _ = warc_bytes("crawl.warc.gz", WARC_PAGES)
    write(HERE / "crawl.warc.gz", data)


def build_truncated_warc() -> None:
    # Same pages in the other order (no request record), then cut the last
    # record's gzip member part-way, as an interrupted download would.
    pages = [(*p[:5], False) for p in reversed(WARC_PAGES)]
    data, offsets = warc_bytes("truncated.warc.gz", pages)
    last = offsets[-1]
    cut = last + int((len(data) - last) * 0.55)
    truncated = data[:cut]
    # sanity: the cut must land inside the HTML body of the last record
    partial = _inflate_partial(truncated[last:])
    assert b"<p>" in partial and b"</html>" not in partial, "cut is not mid-body"
    write(HERE / "bad" / "truncated.warc.gz", truncated)


def _inflate_partial(member: bytes) -> bytes:
    import zlib

    d = zlib.decompressobj(zlib.MAX_WBITS + 16)
    return d.decompress(member)


# ---------------------------------------------------------------- bad inputs


def build_bad() -> None:
    write(HERE / "bad" / "empty.txt", b"")

    # PNG signature + an IHDR chunk header, then deterministic pseudo-random
    # bytes with runs of NULs: clearly not text.
    blob = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\xc8\x08\x06\x00\x00\x00")
    seed = b"redline-binary-sample"
    while len(blob) < 640:
        seed = hashlib.sha256(seed).digest()
        blob += seed
        blob += b"\x00" * (seed[0] % 5)
    write(HERE / "bad" / "binary.bin", bytes(blob[:640]))

    text = (SRC / "latin1-article.utf8.txt").read_text(encoding="utf-8")
    write(HERE / "bad" / "latin1.txt", text.encode("cp1252"))


def main() -> None:
    build_html_gz()
    build_feed()
    build_warc()
    build_truncated_warc()
    build_bad()


if __name__ == "__main__":
    main()
