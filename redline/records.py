"""Typed records that flow through the pipeline, one stage to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One page or record read from an input, decoded but not yet cleaned.

    `kind` says how the body must be cleaned: ``"text"`` (a scraped plain-text page: line-filtered),
    ``"html"`` (goes through HTML extraction) or ``"record"`` (an already-extracted body from a JSON
    record or a caller: kept as it is).
    """

    input: str
    kind: str
    content: str
    key: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """One article found in a cleaned page: its headline, dateline date and body."""

    text: str
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned, segmented article: the unit every later stage works on."""

    id: str
    input: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    url: str | None = None
    format: str = "text"
    body_hash: str = ""
    flags: list[str] = field(default_factory=list)
    analysed: bool = False
    actors: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    positions: list[Any] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The article as the JSON output contract names it (stage records by their own `to_json`)."""
        data = {f: getattr(self, f) for f in _ARTICLE_JSON_FIELDS}
        data["flags"] = list(self.flags)
        for stage_field in ("actors", "quotes", "events", "positions"):
            data[stage_field] = [record.to_json() for record in getattr(self, stage_field)]
        return data


_ARTICLE_JSON_FIELDS = (
    "id", "input", "title", "published", "source", "language", "text", "duplicate_of", "url", "format",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one input (or part of one) yielded no article, or was stored with a flag: one line for the summary."""

    input: str
    reason: str
    stored: bool = False

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
