"""Normalising the dates that records and headers carry to ISO `YYYY-MM-DD`."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

# ASCII digits only: str.isdigit() and \d also take superscripts and other scripts' digits ("²", "١٠").
_ISO_DAY = re.compile(r"^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_EPOCH = re.compile(r"[0-9]{1,15}", re.ASCII)  # seconds or milliseconds; longer runs are no date
_MIN_YEAR = 1900
_MAX_YEAR = 2100


def normalise_date(value: object) -> str | None:
    """An ISO day for a record's date value (ISO string, RFC 2822 string or epoch seconds), else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_DAY.match(text)
    if match:
        return _valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if _EPOCH.fullmatch(text):
        return _from_epoch(int(text))
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _valid_day(parsed.year, parsed.month, parsed.day)


def _from_epoch(seconds: float) -> str | None:
    """An ISO day for epoch seconds (or milliseconds), else None (also for numbers no float holds, NaN, inf)."""
    try:
        seconds = float(seconds)
        if seconds > 1e11:  # milliseconds, as JavaScript scrapers write them
            seconds /= 1000
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
