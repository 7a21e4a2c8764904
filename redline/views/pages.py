"""The dashboard's page views: one issue, one party, one article (with its evidence marked), a search.

Each view reads a `Store` (read-only), takes `Filters`, and returns a dataclass with `to_json()`; the
dashboard renders the HTML from the same object. Unknown ids/issues/parties raise `ViewNotFound`; bad
parameters raise `FilterError` (a 4xx with its message).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from redline.datafiles import load_data_yaml
from redline.dealspace import DIRECTIONS
from redline.store.db import SEARCH_MARK, Store
from redline.views.filters import FilterError, Filters
from redline.views.overview import EvidenceRef, evidence_ref

KINDS = ("quote", "event", "position")
_HIGHLIGHT = re.compile(r"([0-9]+)-([0-9]+)", re.ASCII)  # ASCII digits only: "²", "١٠", "５" are refused
_WHOLE = re.compile(r"[0-9]+", re.ASCII)


class ViewNotFound(LookupError):
    """An article, issue or party that the store does not hold (a 404 with its message)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PageOptions:
    """Sizes and limits of the pages (redline/data/web.yaml)."""

    evidence_per_party: int = 100
    party_quotes: int = 50
    party_events: int = 50
    party_evidence: int = 20
    search_limit: int = 20
    search_max_limit: int = 100
    search_max_offset: int = 10000
    max_query: int = 200

    @classmethod
    def load(cls) -> "PageOptions":
        """The shipped sizes."""
        return _shipped_options()


@lru_cache(maxsize=1)
def _shipped_options() -> PageOptions:
    """PageOptions read once from redline/data/web.yaml."""
    data = load_data_yaml("web.yaml")
    pages, search = data.get("pages", {}), data.get("search", {})
    return PageOptions(**pages, search_limit=search["default_limit"], search_max_limit=search["max_limit"],
                       search_max_offset=search["max_offset"], max_query=search["max_query"])


@dataclass(slots=True)
class PartyOnIssue:
    """A party's weighed stance on an issue (or another voice's: "United States · legislator") and every
    evidence item, all directions, newest first; `by_direction` groups them for the page."""

    party: str
    stance: str
    evidence_count: int
    sources: int
    official: bool
    evidence: list[EvidenceRef]
    direction: str = ""
    firm: bool = False
    voice: str = "official"
    breakdown: dict[str, Any] = field(default_factory=dict)

    def by_direction(self) -> dict[str, list[EvidenceRef]]:
        """The evidence grouped by direction, the winning direction first."""
        order = [self.direction, *(d for d in DIRECTIONS if d != self.direction)]
        grouped = {d: [e for e in self.evidence if e.direction == d] for d in order}
        return {d: items for d, items in grouped.items() if items}

    def to_json(self) -> dict[str, Any]:
        """The party's stance with its evidence, grouped by direction."""
        return {"party": self.party, "stance": self.stance, "direction": self.direction, "firm": self.firm,
                "voice": self.voice, "evidence_count": self.evidence_count, "sources": self.sources,
                "official": self.official, "breakdown": self.breakdown,
                "evidence": [e.to_json() for e in self.evidence],
                "by_direction": {d: [e.to_json() for e in items] for d, items in self.by_direction().items()}}


@dataclass(slots=True)
class IssueView:
    """One issue: its status and each party's stance with every evidence item (or one party's, if chosen)."""

    issue: str
    label: str | None
    status: str
    filters: Filters
    party: str | None
    parties: list[PartyOnIssue]
    all_parties: list[str]

    def to_json(self) -> dict[str, Any]:
        """The issue page as JSON."""
        return {"issue": self.issue, "label": self.label, "status": self.status, "filters": self.filters.to_json(),
                "party": self.party, "all_parties": self.all_parties, "parties": [p.to_json() for p in self.parties]}


def issue_view(store: Store, issue: str, *, filters: Filters = Filters(), profile=None, party: str | None = None,
               options: PageOptions | None = None, analysis=None) -> IssueView:
    """The issue page: each party's current stance on `issue` with its evidence, within the filters.

    `analysis` is the filtered analysis when the caller already has it (the dashboard caches it).
    """
    from redline.views.overview import filtered_analysis

    options = options or PageOptions.load()
    analysis = analysis or filtered_analysis(store, filters=filters, profile=profile)
    found = next((i for i in analysis.issues if i.issue == issue), None)
    if found is None:
        raise ViewNotFound(f"unknown issue {issue[:80]!r}")
    columns = {**found.parties, **found.voices}  # the parties, then their other voices
    if party is not None and party not in columns:
        raise ViewNotFound(f"{party[:80]!r} holds no stance on {issue[:80]!r}")
    chosen = [party] if party is not None else list(columns)
    evidence = [e for p in chosen for e in columns[p].evidence]
    titles = store.article_titles([e.article_id for e in evidence])
    parties = [_party_on_issue(p, columns[p], titles, options.evidence_per_party) for p in chosen]
    return IssueView(issue=issue, label=found.label or issue, status=found.status, filters=filters,
                     party=party, parties=parties, all_parties=list(columns))


def _party_on_issue(party: str, stance, titles: dict[str, str | None], cap: int) -> PartyOnIssue:
    """A PartyStance of the analysis with its evidence as items, newest first, at most `cap`."""
    items = [_evidence_item(e, titles) for e in stance.evidence]
    items.sort(key=lambda e: (e.published or "", e.article_id, e.start), reverse=True)
    return PartyOnIssue(party=party, stance=stance.stance, evidence_count=stance.evidence_count,
                        sources=stance.sources, official=stance.official, evidence=items[:cap],
                        direction=stance.direction, firm=stance.firm, voice=stance.voice,
                        breakdown=stance.breakdown.to_json())


def _evidence_item(evidence, titles: dict[str, str | None]) -> EvidenceRef:
    """An analysis Evidence as a reference to its sentence, dated by the article, else by the position."""
    return replace(evidence_ref(evidence, titles), published=evidence.published or evidence.position.date)


@dataclass(slots=True)
class PartyIssue:
    """A party's current stance on one issue, on the party page."""

    issue: str
    status: str
    stance: str
    evidence_count: int
    sources: int
    evidence: list[EvidenceRef]

    def to_json(self) -> dict[str, Any]:
        """The stance with its evidence."""
        return {"issue": self.issue, "status": self.status, "stance": self.stance,
                "evidence_count": self.evidence_count, "sources": self.sources,
                "evidence": [e.to_json() for e in self.evidence]}


@dataclass(slots=True)
class RecordItem:
    """A quote or an event on the party page, with the article it came from."""

    article_id: str
    title: str | None
    source: str | None
    published: str | None
    record: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The record's JSON with its article."""
        return {**self.record, "article_id": self.article_id, "title": self.title, "article_source": self.source,
                "published": self.published}


@dataclass(slots=True)
class PartyView:
    """A party or actor: its stances on issues, the quotes of its voices, and the events it takes part in."""

    name: str
    filters: Filters
    positions: list[PartyIssue]
    voices: list[str]
    quotes: list[RecordItem]
    events: list[RecordItem]

    def to_json(self) -> dict[str, Any]:
        """The party page as JSON."""
        return {"name": self.name, "filters": self.filters.to_json(), "voices": self.voices,
                "positions": [p.to_json() for p in self.positions], "quotes": [q.to_json() for q in self.quotes],
                "events": [e.to_json() for e in self.events]}


def party_view(store: Store, name: str, *, filters: Filters = Filters(), profile=None,
               options: PageOptions | None = None, analysis=None) -> PartyView:
    """The party page: stances (from the filtered analysis), quotes by it or its voices, events naming it."""
    from redline.views.overview import filtered_analysis

    options = options or PageOptions.load()
    analysis = analysis or filtered_analysis(store, filters=filters, profile=profile)
    held = [(i, i.parties[name]) for i in analysis.issues if name in i.parties]
    evidence = [e for _, stance in held for e in stance.evidence]
    titles = store.article_titles([e.article_id for e in evidence])
    positions = [PartyIssue(issue=i.issue, status=i.status, stance=s.stance, evidence_count=s.evidence_count,
                            sources=s.sources, evidence=_party_on_issue(name, s, titles, options.party_evidence).evidence)
                 for i, s in held]
    voices = sorted({e.position.via for e in evidence if e.position.via} - {name})
    keep = lambda r: filters.keeps_article(r.published, r.source) and filters.keeps_review(r.review)  # noqa: E731
    quotes = [r for r in store.actor_quotes([name, *voices], limit=options.party_quotes * 4) if keep(r)]
    events = [r for r in store.actor_events(name, limit=options.party_events * 4) if keep(r)]
    if not positions and not quotes and not events:
        raise ViewNotFound(f"no positions, quotes or events for {name[:80]!r}")
    return PartyView(name=name, filters=filters, positions=positions, voices=voices,
                     quotes=[_record_item(r) for r in quotes[:options.party_quotes]],
                     events=[_record_item(r) for r in events[:options.party_events]])


def _record_item(stored) -> RecordItem:
    """A StoredRecord as a RecordItem (its record's JSON with its stable id and review)."""
    return RecordItem(article_id=stored.article_id, title=stored.title, source=stored.source,
                      published=stored.published, record={"id": stored.id, "review": stored.review,
                                                          **stored.record.to_json()})


@dataclass(frozen=True, slots=True)
class Span:
    """A marked stretch of the article text: a quote, event or position (or the chosen highlight)."""

    kind: str
    start: int
    end: int
    label: str


@dataclass(slots=True)
class Piece:
    """A run of article text with the kinds of record covering it (empty: plain text)."""

    text: str
    kinds: list[str]
    labels: list[str]


@dataclass(slots=True)
class Block:
    """Consecutive pieces, inside the chosen highlight (`target`) or outside it."""

    target: bool
    pieces: list[Piece]


@dataclass(slots=True)
class ArticleView:
    """An article's cleaned text cut into pieces at the offsets of its quotes, events and positions."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    text: str
    blocks: list[Block]
    highlight: tuple[int, int] | None
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    counts: dict[str, int] = field(default_factory=dict)
    evidence_of: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The article page as JSON: the article, its records, and the highlight (if any) with what it is
        evidence of (party, stance, direction, issue)."""
        return {"id": self.id, "title": self.title, "published": self.published, "source": self.source,
                "url": self.url, "language": self.language, "duplicate_of": self.duplicate_of, "text": self.text,
                "highlight": {"start": self.highlight[0], "end": self.highlight[1],
                              "text": self.text[self.highlight[0]:self.highlight[1]],
                              "evidence_of": self.evidence_of} if self.highlight else None,
                "quotes": self.quotes, "events": self.events, "positions": self.positions}


def parse_highlight(value: str | None, length: int | None = None) -> tuple[int, int] | None:
    """START-END offsets from `?highlight=`, checked against the text length; None when empty."""
    if value is None or not value.strip():
        return None
    match = _HIGHLIGHT.fullmatch(value.strip()) if len(value) <= 24 else None
    if match is None:
        raise FilterError(f"highlight: {value[:30]!r} is not START-END (two offsets, e.g. 120-245)")
    start, end = int(match.group(1)), int(match.group(2))
    if start >= end or (length is not None and end > length):
        raise FilterError(f"highlight: {start}-{end} is not a stretch of the article text (0-{length})")
    return start, end


def article_evidence_of(analysis, article_id: str) -> list[dict[str, Any]]:
    """What each position of an article is evidence of in the deal space: party (or voice), stance, direction
    toward which issue (key and label), with the sentence's offsets."""
    if analysis is None:
        return []
    found = []
    for issue in analysis.issues:
        for group, stance in {**issue.parties, **issue.voices}.items():
            for e in stance.evidence:
                if e.article_id == article_id:
                    found.append({"party": group, "stance": e.position.stance, "direction": e.direction,
                                  "issue": issue.issue, "label": issue.label or issue.issue, "voice": e.voice,
                                  "start": e.position.start, "end": e.position.end})
    return sorted(found, key=lambda f: (f["start"], f["end"], f["party"]))


def _position_label(p, placed: list[dict[str, Any]]) -> str:
    """A position's mark: party · stance (direction) · issue label, as the deal space reads it when it does."""
    for f in placed:
        if (f["start"], f["end"]) == (p.start, p.end) and f["party"].split(" · ")[0] == p.actor:
            return f"evidence: {f['party']} · {f['stance']} ({f['direction']}) · {f['label']}"
    return f"position: {p.actor} · {p.stance} · {p.issue_text or p.issue}"


def article_view(store: Store, article_id: str, *, highlight: str | None = None, analysis=None) -> ArticleView:
    """The article page: its text with every quote, event and position marked, and the chosen highlight.

    With the deal space's `analysis`, each position says what it is evidence of (party · stance · issue), and
    the highlight lists the evidence it overlaps.
    """
    article = store.article(article_id)
    if article is None:
        raise ViewNotFound(f"unknown article {article_id[:80]!r}")
    chosen = parse_highlight(highlight, len(article.text))
    # the records as reviewed: rejected ones are listed (marked, so the rejection can be undone) but not marked in the text
    found = {t: store.article_records(article_id, t, keep_rejected=True) for t in ("quotes", "events", "positions")}
    live = {t: [r.record for r in rows if r.review != "reject"] for t, rows in found.items()}
    placed = article_evidence_of(analysis, article_id)
    spans = ([Span("quote", q.start, q.end, f"quote: {q.speaker or 'unnamed'}") for q in live["quotes"]]
             + [Span("event", e.start, e.end, f"event: {e.type} ({e.status})") for e in live["events"]]
             + [Span("position", p.start, p.end, _position_label(p, placed)) for p in live["positions"]])
    listed = {t: [{"id": r.id, "review": r.review, **r.record.to_json()} for r in rows] for t, rows in found.items()}
    return ArticleView(
        id=article.id, title=article.title, published=article.published, source=article.source, url=article.url,
        language=article.language, duplicate_of=article.duplicate_of, text=article.text,
        blocks=cut_text(article.text, spans, chosen), highlight=chosen,
        quotes=listed["quotes"], events=listed["events"], positions=listed["positions"],
        counts={"quote": len(live["quotes"]), "event": len(live["events"]), "position": len(live["positions"])},
        evidence_of=[f for f in placed if chosen and f["start"] < chosen[1] and chosen[0] < f["end"]],
    )


def cut_text(text: str, spans: list[Span], highlight: tuple[int, int] | None) -> list[Block]:
    """The text cut at every span boundary (and the highlight's), each piece with the spans covering it."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = {0, len(text), *(s.start for s in valid), *(s.end for s in valid), *(highlight or ())}
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    blocks: list[Block] = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [s for s in valid if s.start <= start and end <= s.end]
        piece = Piece(text=text[start:end], kinds=sorted({s.kind for s in covering}, key=KINDS.index),
                      labels=[s.label for s in covering])
        target = highlight is not None and highlight[0] <= start and end <= highlight[1]
        if blocks and blocks[-1].target == target:
            blocks[-1].pieces.append(piece)
        else:
            blocks.append(Block(target=target, pieces=[piece]))
    return blocks


@dataclass(slots=True)
class Fragment:
    """A run of snippet text; `hit` when it is a matched term."""

    text: str
    hit: bool


@dataclass(slots=True)
class SearchItem:
    """One search hit: an article or a quote, with its snippet as fragments (escaped when rendered)."""

    kind: str
    article_id: str
    title: str | None
    published: str | None
    source: str | None
    snippet: list[Fragment]
    speaker: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The hit as JSON: the snippet as plain text plus the matched terms' fragments."""
        data = asdict(self)
        data["snippet_text"] = "".join(f.text for f in self.snippet)
        return data


@dataclass(slots=True)
class SearchView:
    """The search page: the query, the best article and quote hits, and how many matched in all."""

    q: str
    filters: Filters
    limit: int
    articles: list[SearchItem]
    quotes: list[SearchItem]
    article_total: int
    quote_total: int
    offset: int = 0

    @property
    def total(self) -> int:
        """Hits of both kinds in all."""
        return self.article_total + self.quote_total

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, when either kind has hits past this one."""
        following = self.offset + self.limit
        return following if following < max(self.article_total, self.quote_total) else None

    @property
    def previous_offset(self) -> int | None:
        """The offset of the previous page, when this is not the first."""
        return max(self.offset - self.limit, 0) if self.offset else None

    def page_params(self, offset: int) -> dict[str, Any]:
        """The query parameters of this search at another offset (filters, limit and words kept)."""
        return {"q": self.q, **self.filters.to_json(), "limit": self.limit, "offset": offset or None}

    def json_url(self, offset: int | None) -> str | None:
        """The local URL of this search's JSON at another offset (None for no such page)."""
        if offset is None:
            return None
        params = {k: v for k, v in self.page_params(offset).items() if v is not None and v != ""}
        return "/search.json?" + urlencode(params)

    def to_json(self) -> dict[str, Any]:
        """The search results as JSON, with the totals and the next and previous pages' offsets."""
        return {"q": self.q, "filters": self.filters.to_json(), "limit": self.limit, "offset": self.offset,
                "article_total": self.article_total, "quote_total": self.quote_total, "total": self.total,
                "next_offset": self.next_offset, "previous_offset": self.previous_offset,
                "more": self.json_url(self.next_offset), "previous": self.json_url(self.previous_offset),
                "articles": [a.to_json() for a in self.articles], "quotes": [q.to_json() for q in self.quotes]}


def parse_limit(value: str | None, options: PageOptions) -> int:
    """The `?limit=` of a search: a whole number from 1 to the configured maximum."""
    if value is None or not value.strip():
        return options.search_limit
    text = value.strip()
    digits = text.lstrip("0") or "0"
    if (not _WHOLE.fullmatch(text) or len(digits) > len(str(options.search_max_limit))
            or not 1 <= int(digits) <= options.search_max_limit):
        raise FilterError(f"limit: {text[:20]!r} is not a whole number from 1 to {options.search_max_limit}")
    return int(digits)


def parse_offset(value: str | None, options: PageOptions) -> int:
    """The `?offset=` of a search: a whole number from 0 to the configured maximum (ASCII digits only)."""
    if value is None or not value.strip():
        return 0
    text = value.strip()
    digits = text.lstrip("0") or "0"
    if (not _WHOLE.fullmatch(text) or len(digits) > len(str(options.search_max_offset))
            or int(digits) > options.search_max_offset):
        raise FilterError(f"offset: {text[:20]!r} is not a whole number from 0 to {options.search_max_offset}")
    return int(digits)


def search_view(store: Store, q: str | None, *, filters: Filters = Filters(), limit: str | None = None,
                options: PageOptions | None = None, offset: str | None = None) -> SearchView:
    """Full-text search over article titles and texts and over quotes, within the filters; one page of
    `limit` hits of each kind from `offset`."""
    options = options or PageOptions.load()
    query = (q or "").strip()
    if len(query) > options.max_query:
        raise FilterError(f"q: the query is {len(query)} characters long; at most {options.max_query}")
    count, skip = parse_limit(limit, options), parse_offset(offset, options)
    if not query:
        return SearchView(q="", filters=filters, limit=count, articles=[], quotes=[], article_total=0, quote_total=0,
                          offset=skip)
    if not store.has_search():
        raise FilterError("this database has no search index yet: open it once with a redline command that writes")
    found = store.search(query, limit=count, source=filters.source, since=filters.since, until=filters.until,
                         offset=skip)
    item = lambda kind, h, snippet: SearchItem(  # noqa: E731
        kind=kind, article_id=h.article_id, title=h.title, published=h.published, source=h.source,
        snippet=fragments(snippet), speaker=h.speaker, start=h.start, end=h.end)
    return SearchView(q=query, filters=filters, limit=count,
                      articles=[item("article", h, h.snippet) for h in found.articles],
                      quotes=[item("quote", h, h.snippet) for h in found.quotes],
                      article_total=found.article_total, quote_total=found.quote_total, offset=skip)


def fragments(marked: str) -> list[Fragment]:
    """A snippet with SEARCH_MARK around matched terms, as plain and hit fragments."""
    opening, closing = SEARCH_MARK
    found: list[Fragment] = []
    for n, part in enumerate(marked.split(opening)):
        hit, _, rest = part.partition(closing) if n else ("", "", part)
        if hit:
            found.append(Fragment(text=hit, hit=True))
        if rest:
            found.append(Fragment(text=rest, hit=False))
    return found
