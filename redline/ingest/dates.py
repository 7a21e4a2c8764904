"""Normalising the dates that records and headers carry to ISO `YYYY-MM-DD`."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_MIN_YEAR = 1900
_MAX_YEAR = 2100


def normalise_date(value: object) -> str | None:
    """An ISO day for a record's date value (ISO string, RFC 2822 string or epoch seconds), else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_DAY.match(text)
    if match:
        return _valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if text.isdigit():
        return _from_epoch(float(text))
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _valid_day(parsed.year, parsed.month, parsed.day)


def _from_epoch(seconds: float) -> str | None:
    """An ISO day for epoch seconds (or milliseconds), else None."""
    if seconds > 1e11:  # milliseconds, as JavaScript scrapers write them
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return _valid_day(moment.year, moment.month, moment.day)


def _valid_day(year: int, month: int, day: int) -> str | None:
    """The ISO day when it is a real calendar day in a plausible range, else None."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None
