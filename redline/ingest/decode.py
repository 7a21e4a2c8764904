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
# Share of NUL bytes above which bytes are binary; one stray NUL in a page is repaired, not refused.
_MAX_NUL_SHARE = 0.01
# UTF-32 before UTF-16: ASCII in UTF-32 also decodes as UTF-16, with NULs between the letters.
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_MIN_PRINTABLE_SHARE = 0.95


class UndecodableError(ValueError):
    """Raised when bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str
    mixed_lines: int = 0  # lines that were not UTF-8 in an otherwise UTF-8 file, decoded as Windows-1252


def looks_binary(data: bytes) -> bool:
    """True when the bytes are evidently not text (NUL bytes or many control characters)."""
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS) or wide_encoding(sample):
        return False
    if sample.count(b"\x00") / len(sample) > _MAX_NUL_SHARE:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode bytes to text, trusting a BOM, then UTF-8, then a declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    wide = wide_encoding(data[:_BINARY_SAMPLE])
    if wide:
        return Decoded(data.decode(wide, errors="replace"), wide)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _per_line(data)
    if mixed is not None:
        return mixed
    for candidate in (declared, _meta_charset(data) if html else None):
        if candidate and _known_codec(candidate):
            try:
                return Decoded(data.decode(candidate), candidate.lower())
            except UnicodeDecodeError:
                continue
    return _detect(data)


def wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 (either byte order) recognised without a byte-order mark, else None.

    Text in these encodings is full of NUL bytes, so this runs before the binary check: the sample must
    decode strictly and read as printable text.
    """
    if len(sample) < 4 or sample.count(b"\x00") < len(sample) // 5:
        return None
    for encoding in _WIDE:
        unit = 4 if "32" in encoding else 2
        try:
            text = sample[: len(sample) - len(sample) % unit].decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t\f")
        if text and printable / len(text) >= _MIN_PRINTABLE_SHARE:
            return encoding
    return None


def _per_line(data: bytes) -> Decoded | None:
    """Half UTF-8, half Windows-1252 (pasted together): each line decoded on its own, else None.

    Only when some line carries real multi-byte UTF-8 and another is not UTF-8; a file that is wholly in
    one legacy encoding is left to detection.
    """
    lines = data.split(b"\n")
    decoded, legacy, utf8_multibyte = [], 0, False
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8_multibyte |= not line.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            legacy += 1
        decoded.append(text)
    if not utf8_multibyte or not legacy:
        return None
    return Decoded("\n".join(decoded), "utf-8+cp1252", mixed_lines=legacy)


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
