"""Input format detection from content, not from the file name."""

from __future__ import annotations

import gzip
import re

from redline.ingest.markdown import has_front_matter

GZIP_MAGIC = b"\x1f\x8b"
_HTML_MARKERS = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<div[\s>]|<p[\s>]|<meta\s|<title>",
    re.IGNORECASE,
)


def is_gzip(head: bytes) -> bool:
    """True when the bytes start with the gzip magic number."""
    return head.startswith(GZIP_MAGIC)


def gunzip_head(head: bytes, size: int = 65536) -> bytes:
    """The first bytes of a gzip stream's content (as far as the head allows)."""
    decompressor = gzip.zlib.decompressobj(16 + gzip.zlib.MAX_WBITS)
    try:
        return decompressor.decompress(head, size)
    except gzip.zlib.error:
        return b""


def sniff_format(head: bytes) -> str:
    """The format of a (decompressed) input from its first bytes: warc, json, markdown (with YAML front
    matter), html or text."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped[:1] in (b"{", b"["):
        return "json"
    if has_front_matter(stripped):
        return "markdown"
    if _HTML_MARKERS.search(stripped[:8192]):
        return "html"
    return "text"
