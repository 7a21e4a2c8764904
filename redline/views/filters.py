"""The filters every view accepts: date range, source, official or not. Validated before any query runs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)  # ASCII digits only (no "２０２６", no week dates)


class FilterError(ValueError):
    """A filter value that cannot be used, with a message fit to show the user (a 4xx, never a 500)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """Which articles and positions a view covers.

    `since`/`until` bound the article's publication date (inclusive, YYYY-MM-DD; an article with no
    date is kept only when neither bound is set); `source` keeps one source (exact, e.g. "guardian");
    `official` keeps only positions voiced by officials (True) or only the others (False); `reviewed` keeps
    only positions an analyst reviewed (True) or only the unreviewed ones (False).
    """

    since: str | None = None
    until: str | None = None
    source: str | None = None
    official: bool | None = None
    reviewed: bool | None = None

    @classmethod
    def parse(cls, *, since: str | None = None, until: str | None = None, source: str | None = None,
              official: str | bool | None = None, reviewed: str | bool | None = None) -> "Filters":
        """Filters from user input (query string or CLI); raises FilterError with a clear reason."""
        return cls(since=parse_date(since, "since"), until=parse_date(until, "until"),
                   source=(source or "").strip() or None, official=parse_official(official),
                   reviewed=parse_official(reviewed, "reviewed"))

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")

    @property
    def empty(self) -> bool:
        """True when the filters keep everything."""
        return (self.since is None and self.until is None and self.source is None and self.official is None
                and self.reviewed is None)

    def keeps_article(self, published: str | None, source: str | None) -> bool:
        """Whether an article with this date and source passes the date and source filters."""
        if self.source is not None and source != self.source:
            return False
        if self.since is None and self.until is None:
            return True
        if not published:
            return False
        day = published[:10]
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def keeps_position(self, published: str | None, source: str | None, official: bool) -> bool:
        """Whether a position passes every filter (its article's date and source, and its official flag)."""
        return self.keeps_article(published, source) and (self.official is None or official == self.official)

    def keeps_review(self, verdict: str | None) -> bool:
        """Whether a record with this latest review verdict (None: unreviewed) passes the `reviewed` filter."""
        return self.reviewed is None or (verdict is not None) == self.reviewed

    def to_json(self) -> dict[str, Any]:
        """The filters as query parameters name them (unset ones left out)."""
        return {k: v for k, v in (("since", self.since), ("until", self.until), ("source", self.source),
                                  ("official", self.official), ("reviewed", self.reviewed)) if v is not None}


def parse_date(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD date checked for being a real day, or None when empty."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat() if _DAY.fullmatch(text) else _bad_date(text, name)
    except ValueError:
        return _bad_date(text, name)


def _bad_date(text: str, name: str) -> str:
    """Raise the error for a date that is not YYYY-MM-DD."""
    raise FilterError(f"{name}: {text[:40]!r} is not a date (use YYYY-MM-DD)")


def parse_official(value: str | bool | None, name: str = "official") -> bool | None:
    """True/False from yes/no, true/false, 1/0, official/other (reviewed/unreviewed); None when empty or "all"."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("", "all", "any"):
        return None
    if text in ("1", "true", "yes", "official", "reviewed"):
        return True
    if text in ("0", "false", "no", "other", "unofficial", "unreviewed"):
        return False
    raise FilterError(f"{name}: {text[:20]!r} is not one of yes, no, all")
