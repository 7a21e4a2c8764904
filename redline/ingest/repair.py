"""Text that cannot be stored or shown as it is, repaired visibly: replaced, and the repair named.

JSON can carry lone surrogate escapes (`\\ud800`) that no UTF-8 encoder accepts; pages can carry NUL bytes;
file names can hold bytes that are not UTF-8, line breaks or terminal escape sequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")
# Characters that would break a one-line reason or drive the terminal: C0/C1 controls, line and paragraph
# separators, and the bidirectional overrides that can make a name read backwards.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Repaired:
    """Text made storable, and how many characters had to be replaced."""

    text: str
    replaced: int


def repair_text(text: str) -> Repaired:
    """The text with lone surrogates and NUL characters replaced by U+FFFD, and how many there were."""
    if not _UNSTORABLE.search(text):
        return Repaired(text, 0)
    fixed, count = _UNSTORABLE.subn(REPLACEMENT, text)
    return Repaired(fixed, count)


def repair_optional(value: str | None) -> Repaired:
    """`repair_text` for a field that may be absent."""
    return repair_text(value) if value is not None else Repaired(None, 0)  # type: ignore[arg-type]


def escape_name(name: str) -> str:
    """A file or input name shown on one line: undecodable bytes as \\xNN, controls as escapes."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        raw = name.encode("utf-8", "surrogatepass")
    shown = raw.decode("utf-8", "backslashreplace")
    return _UNSHOWABLE.sub(_escape_char, shown)


def _escape_char(match: re.Match) -> str:
    """One unshowable character as a Python-style escape."""
    code = ord(match.group())
    return {10: "\\n", 13: "\\r", 9: "\\t"}.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
