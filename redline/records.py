"""Typed records that flow through the pipeline, one stage to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One page or record read from an input, decoded but not yet cleaned.

    `kind` says how the body must be cleaned: ``"text"`` (a scraped plain-text page: line-filtered),
    ``"html"`` (goes through HTML extraction), ``"markdown"`` (a Markdown body whose metadata came from
    its front matter: reduced to text, then line-filtered) or ``"record"`` (an already-extracted body from
    a JSON record or a caller: kept as it is). `given` is metadata the user gave at ingest (`--date`,
    `sources.yaml`), applied to the document's articles.
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
    author: str | None = None
    given: Any = None  # redline.ingest.given.Given, or None


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
    author: str | None = None
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
    "id", "input", "title", "published", "source", "language", "text", "duplicate_of", "url", "format", "author",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one input (or part of one) yielded no article, or was stored with a flag: one line for the summary."""

    input: str
    reason: str
    stored: bool = False

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an article copies an earlier one, which, and how closely."""

    duplicate_of: str | None
    kind: str | None = None
    similarity: float = 0.0


@dataclass(slots=True)
class ArticleOutcome:
    """An article with its deduplication verdict and MinHash signature, ready to store."""

    article: Article
    seq: int
    verdict: Verdict
    signature: object | None


@dataclass(slots=True)
class DocumentOutcome:
    """What one document yielded: its articles, or the reason it yielded none."""

    document: Document
    articles: list[ArticleOutcome] = field(default_factory=list)
    problem: Problem | None = None


@dataclass(slots=True)
class RunSummary:
    """Counts and reasons for one run, printed at its end."""

    files: int = 0
    documents: int = 0
    already_stored: int = 0
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    non_english: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    unexpected: int = 0  # units turned into a Problem by the last-resort guard (an unforeseen exception)

    @property
    def skipped(self) -> int:
        """Problems that left an input unit (or part of one) unread or unstored: what --strict fails on."""
        return sum(1 for p in self.problems if not p.stored)

    def count(self, outcome: DocumentOutcome | Problem) -> None:
        """Add one outcome to the counts."""
        if isinstance(outcome, Problem):
            self.problems.append(outcome)
            return
        self.documents += 1
        if outcome.problem is not None:
            self.problems.append(outcome.problem)
        for item in outcome.articles:
            self.articles += 1
            if item.verdict.duplicate_of:
                self.duplicates += 1
                self.near_duplicates += item.verdict.kind == "near"
            if "non_english" in item.article.flags:
                self.non_english += 1
                self.problems.append(
                    Problem(item.article.input, f"non-English ({item.article.language}): stored, flagged for later stages", stored=True)
                )

    @property
    def unique(self) -> int:
        """Articles that are first copies."""
        return self.articles - self.duplicates
