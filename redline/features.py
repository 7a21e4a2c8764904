"""Feature hashing, shared by every learned stage (quotes, events, positions).

A feature name's column is the CRC-32 of its UTF-8 bytes, masked to the model's hash bits. The shipped
models were trained with exactly this function, so it must never change: a different hash would move every
column and silently invalidate the weights in redline/data/models/.

The CRC of a name is kept once computed: names recur across candidates, sentences and articles (the same
dependency labels, lemmas and paths), and a dictionary lookup costs a fraction of encoding and hashing.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

_CRC: dict[str, int] = {}  # feature name -> its CRC-32
_CRC_LIMIT = 400_000  # names kept before the cache starts over (bounds memory on a long batch run)


def name_hash(name: str) -> int:
    """The CRC-32 of a feature name (cached)."""
    value = _CRC.get(name)
    if value is None:
        if len(_CRC) >= _CRC_LIMIT:
            _CRC.clear()
        value = _CRC[name] = zlib.crc32(name.encode("utf-8"))
    return value


def column(name: str, bits: int) -> int:
    """The hashed column of one feature name, in [0, 2**bits)."""
    return name_hash(name) & ((1 << bits) - 1)


def hashed_columns(names: Iterable[str], bits: int, offset: int = 0) -> list[int]:
    """The distinct hashed columns of some 0/1 feature names, ascending, each shifted by `offset` (the
    width of a dense block before the hashed one); a name given twice, or two names that collide, count once."""
    mask = (1 << bits) - 1
    known = _CRC
    names = names if isinstance(names, (list, tuple)) else list(names)
    try:  # the common case: every name seen before, one set comprehension
        return sorted({offset + (known[name] & mask) for name in names})
    except KeyError:
        return sorted({offset + (name_hash(name) & mask) for name in names})
