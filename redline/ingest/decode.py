"""Bytes to text: byte-order marks, declared charsets, then detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BINARY_SAMPLE = 8192
# Share of control characters (not tab/newline/CR/form feed) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.05


class UndecodableError(ValueError):
    """Raised when bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True when the bytes are evidently not text (NUL bytes or many control characters)."""
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode bytes to text, trusting a BOM, then UTF-8, then a declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for candidate in (declared, _meta_charset(data) if html else None):
        if candidate and _known_codec(candidate):
            try:
                return Decoded(data.decode(candidate), candidate.lower())
            except UnicodeDecodeError:
                continue
    return _detect(data)


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _known_codec(name: str) -> bool:
    """True when Python knows a codec of this name."""
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _detect(data: bytes) -> Decoded:
    """Decode with the encoding charset-normalizer finds most plausible."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise UndecodableError("not text in any recognised encoding")
    return Decoded(data.decode(best.encoding, errors="replace"), best.encoding)
