"""The overview of a store: what `redline report` prints and the dashboard's front page shows, computed once.

    overview(store, filters=Filters(), profile=None) -> Overview          # matrix, impasses, openings, timeline, ...
    filtered_analysis(store, filters=..., profile=...) -> Analysis        # the deal space within the filters

Every list item carries `EvidenceRef`s (article id + character offsets) back to the sentence it came from.
Reads a handful of whole-table queries (no per-article queries), so a cold call stays fast on large stores.
Sizes and caps come from `redline/data/views.yaml`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from redline.datafiles import load_data_yaml
from redline.dealspace import (Analysis, Evidence, IssueStatus, PartyStance, Shift, by_weight,
                               deal_space, select_matrix, stored_evidence)
from redline.events.model import MergedEvent
from redline.positions import CaseProfile
from redline.store import Store
from redline.store.db import StoredRecord
from redline.views.filters import Filters
from redline.views.recent import DatedRecord, DayCounts, QuoteGroup, day_counts, most_cited, most_recent, quotes_at

_SIZES: dict[str, Any] = load_data_yaml("views.yaml")["overview"]


@dataclass(frozen=True, kw_only=True, slots=True)
class OverviewOptions:
    """Caps of the overview's lists (defaults from `redline/data/views.yaml`, documented there)."""

    max_issues: int = int(_SIZES["max_issues"])
    max_parties: int = int(_SIZES["max_parties"])
    cell_evidence: int = int(_SIZES["cell_evidence"])
    latest_events: int = int(_SIZES["latest_events"])
    latest_events_window: int = int(_SIZES["latest_events_window"])
    top_quotes: int = int(_SIZES["top_quotes"])
    quote_min_words: int = int(_SIZES["quote_min_words"])
    quote_citations: int = int(_SIZES["quote_citations"])
    timeline_items: int = int(_SIZES["timeline_items"])
    opening_stances: tuple[str, ...] = tuple(_SIZES["opening_stances"])


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One sentence of one article that shows a fact: where it is (article id, offsets) and who it is about."""

    article_id: str
    title: str | None
    source: str | None
    published: str | None
    actor: str | None
    via: str | None
    stance: str | None
    official: bool | None
    text: str
    start: int
    end: int
    reported: bool | None = None
    issue: str | None = None
    direction: str | None = None
    voice: str | None = None
    confidence: float | None = None
    id: str | None = None  # the record's stable id (what a review names)
    review: str | None = None  # its latest analyst verdict (confirm, correct, add), None when unreviewed

    def to_json(self) -> dict[str, Any]:
        """The reference as a plain dict."""
        return asdict(self)


@dataclass(slots=True)
class Cell:
    """A party's weighed stance on an issue: its direction, stance word and breakdown (items for / against /
    open / conditional, and their sources), with its strongest evidence first (at most `cell_evidence`)."""

    stance: str
    evidence_count: int
    sources: int
    official: bool
    evidence: list[EvidenceRef]
    direction: str = ""
    firm: bool = False
    voice: str = "official"
    breakdown: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class IssueRow:
    """An issue (its key and readable label) with its status and every party's cell; `voices` are the other
    voices about a party (legislators, commentary), shown apart."""

    issue: str
    status: str
    cells: dict[str, Cell]
    label: str = ""
    voices: dict[str, Cell] = field(default_factory=dict)

    def strongest(self) -> list[EvidenceRef]:
        """Each party's strongest evidence sentence (its `actor` is the party), official ones first."""
        found = [cell.evidence[0] for cell in self.cells.values() if cell.evidence]
        return sorted(found, key=lambda ref: not ref.official)


@dataclass(frozen=True, slots=True)
class Counts:
    """How much the filters keep: articles (with duplicates), first copies, and their records."""

    articles: int
    first_copies: int
    quotes: int
    events: int
    positions: int


@dataclass(frozen=True, slots=True)
class DateRange:
    """The first and last publication dates in the store (None when no article is dated)."""

    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One item: an event (label = PLOVER type) or a statement (position: its stance; quote: "quote").
    `undated`: neither it nor its article has a date; `date` is then the day its article was ingested."""

    date: str
    kind: str
    label: str
    actor: str | None
    text: str
    article_id: str
    start: int
    end: int
    undated: bool = False


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """How many events and statements fall on one day."""

    date: str
    events: int
    statements: int


@dataclass(slots=True)
class LatestEvent:
    """An event merged across the articles that report it, with each report as evidence."""

    date: str | None
    type: str
    status: str
    negated: bool
    source: list[str]
    target: list[str]
    mentions: int
    sources: int
    evidence: list[EvidenceRef]
    undated: bool = False  # no report of it is dated: `date` is the day its first report was ingested


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """A party's stance on an issue changing: the evidence before and after (each with its stance)."""

    actor: str
    issue: str
    date: str | None
    before: EvidenceRef
    after: EvidenceRef
    before_direction: str = ""
    after_direction: str = ""


@dataclass(slots=True)
class CitedQuote:
    """A speaker's quote found in several articles: how many articles and sources cite it, and where."""

    speaker: str
    text: str
    articles: int
    sources: int
    citations: list[EvidenceRef]


@dataclass(slots=True)
class Overview:
    """Everything the front page shows, within the filters.

    `openings` are the issues with status `agenda` (one side's demand met by the other's openness or offer)
    plus any issue where some party's current stance is one of `opening_stances` (open, offer): where a deal
    could move, even beside an impasse between two other parties. With a profile, impasses and openings are
    among its issues (as the matrix rows); in open mode among all, best-evidenced first. `timeline` keeps the most recent items
    (chronological), undated ones placed at their article's ingest day and marked; `timeline_days` counts every dated
    item per day and `timeline_undated` the undated items.
    """

    filters: Filters
    profile: str | None
    counts: Counts
    sources: list[str]
    date_range: DateRange
    parties: list[str]
    issues: list[IssueRow]
    impasses: list[IssueRow]
    openings: list[IssueRow]
    timeline: list[TimelineItem]
    timeline_days: list[TimelineDay]
    timeline_undated: int
    latest_events: list[LatestEvent]
    shifts: list[ShiftRow]
    top_quotes: list[CitedQuote]
    hidden_issues: int = 0

    def to_json(self) -> dict[str, Any]:
        """The overview as plain JSON-able data (the dashboard's /index.json)."""
        data = asdict(self)
        data["filters"] = self.filters.to_json()
        return data


@dataclass(slots=True)
class _Read:
    """What the overview reads: the kept positions (records), and events and quotes (counts, recent ones)."""

    positions: list[StoredRecord]
    titles: dict[str, str | None]
    events: DayCounts
    quotes: DayCounts
    recent_events: list[DatedRecord]
    recent_quotes: list[DatedRecord]


def _kept_positions(store: Store, filters: Filters) -> list[StoredRecord]:
    """Stored positions of first copies that pass the filters (with their article's title, date, source)."""
    return [r for r in store.stage_records("positions")
            if filters.keeps_position(r.published, r.source, bool(r.record.official)) and filters.keeps_review(r.review)]


def store_evidence(store: Store) -> list[Evidence]:
    """Every stored position of a first copy as deal-space evidence, with who voiced it (the actors' roles)."""
    return stored_evidence(store.stage_records("positions"), store.actor_roles())


def filtered_analysis(store: Store, *, filters: Filters = Filters(), profile: CaseProfile | None = None) -> Analysis:
    """The deal space (issues merged across articles or mapped onto the profile) over the positions kept."""
    return _analysis(_kept_positions(store, filters), profile, store.actor_roles())


def _analysis(rows: list[StoredRecord], profile: CaseProfile | None, roles: dict[tuple[str, str], str]) -> Analysis:
    """The deal space over stored position rows."""
    return deal_space(stored_evidence(rows, roles), profile=profile)


def overview(store: Store, *, filters: Filters = Filters(), profile: CaseProfile | None = None,
             options: OverviewOptions = OverviewOptions(), analysis: Analysis | None = None) -> Overview:
    """The overview of the store within the filters: counts, matrix, impasses, openings, timeline, events, quotes.

    `analysis`, when given, is `filtered_analysis` of the same store, filters and profile, already computed
    (the dashboard shares one between the overview and the issue and party pages).
    """
    read = _read(store, filters, options)
    analysis = analysis if analysis is not None else _analysis(read.positions, profile, store.actor_roles())
    matrix = select_matrix(analysis, profile=profile, max_issues=options.max_issues, max_parties=options.max_parties)
    shown = {i.issue: i for i in matrix.issues}  # status over the parties on screen
    rows = {i.issue: _issue_row(shown.get(i.issue, i), read.titles, options) for i in analysis.issues}
    scope = {i.key for i in profile.issues} if profile is not None else None
    listed = [i.issue for i in by_weight(analysis.issues) if scope is None or i.issue in scope]
    timeline = _timeline(read, options)
    return Overview(
        filters=filters, profile=profile.key if profile is not None else None,
        counts=_counts(store, filters, read), sources=_sources(store), date_range=_date_range(store),
        parties=matrix.parties, issues=[rows[i.issue] for i in matrix.issues],
        impasses=[rows[k] for k in listed if rows[k].status == "impasse"][:options.max_issues],
        openings=[rows[k] for k in listed if _is_opening(rows[k], options)][:options.max_issues],
        timeline=timeline.items, timeline_days=timeline.days, timeline_undated=timeline.undated,
        latest_events=_latest_events(read.recent_events, options),
        shifts=[_shift_row(s, read.titles) for s in analysis.shifts],
        top_quotes=_top_quotes(store, filters, options), hidden_issues=len(analysis.issues) - len(matrix.issues),
    )


def _read(store: Store, filters: Filters, options: OverviewOptions) -> _Read:
    """One pass over the store: positions as records, events and quotes as counts and their most recent."""
    positions = _kept_positions(store, filters)
    return _Read(
        positions=positions, titles={r.article_id: r.title for r in positions},
        events=day_counts(store, "events", filters), quotes=day_counts(store, "quotes", filters),
        recent_events=most_recent(store, "events", filters, limit=max(options.latest_events_window, options.timeline_items)),
        recent_quotes=most_recent(store, "quotes", filters, limit=options.timeline_items),
    )


def _is_opening(row: IssueRow, options: OverviewOptions) -> bool:
    """True for an agenda issue or one where some party is open or offers."""
    return row.status == "agenda" or any(c.stance in options.opening_stances for c in row.cells.values())


def evidence_ref(e: Evidence, titles: dict[str, str | None]) -> EvidenceRef:
    """A position's evidence as a reference to its sentence (`published`: the article's date)."""
    p = e.position
    return EvidenceRef(article_id=e.article_id, title=titles.get(e.article_id), source=e.source, published=e.published,
                       actor=p.actor, via=p.via, stance=p.stance, official=bool(p.official), text=p.text,
                       start=p.start, end=p.end, reported=bool(p.reported), issue=p.issue, direction=e.direction,
                       voice=e.voice, confidence=p.confidence, id=e.record_id, review=e.review)


def strongest_first(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence ordered strongest first: official, then first-hand, then voiced by a named person, then the latest."""
    latest = sorted(evidence, key=lambda e: e.published or e.position.date or "", reverse=True)
    return sorted(latest, key=lambda e: (not e.position.official, e.position.reported, not e.position.via))


def _cell(stance: PartyStance, titles: dict[str, str | None], options: OverviewOptions) -> Cell:
    """A matrix cell from a party's weighed stance, its strongest evidence for the winning direction first."""
    carrying = [e for e in stance.evidence if e.direction == stance.direction]
    best = strongest_first(carrying)[:options.cell_evidence]
    return Cell(stance=stance.stance, evidence_count=stance.evidence_count, sources=stance.sources,
                official=stance.official, evidence=[evidence_ref(e, titles) for e in best],
                direction=stance.direction, firm=stance.firm, voice=stance.voice,
                breakdown=stance.breakdown.to_json())


def _issue_row(issue: IssueStatus, titles: dict[str, str | None], options: OverviewOptions) -> IssueRow:
    """An issue of the analysis as a row with a cell per party (and per other voice)."""
    return IssueRow(issue=issue.issue, status=issue.status, label=issue.label or issue.issue,
                    cells={party: _cell(s, titles, options) for party, s in issue.parties.items()},
                    voices={group: _cell(s, titles, options) for group, s in issue.voices.items()})


def _shift_row(shift: Shift, titles: dict[str, str | None]) -> ShiftRow:
    """A shift with both sides as evidence references."""
    return ShiftRow(actor=shift.actor, issue=shift.issue, date=shift.after.date,
                    before=evidence_ref(shift.before, titles), after=evidence_ref(shift.after, titles),
                    before_direction=shift.before_direction, after_direction=shift.after_direction)


def _counts(store: Store, filters: Filters, read: _Read) -> Counts:
    """Article counts within the date and source filters (one grouped query), and the kept records."""
    sql = ("SELECT substr(published, 1, 10) AS day, source, duplicate_of IS NULL AS first, count(*) AS n"
           " FROM articles GROUP BY day, source, first")
    articles = first = 0
    for row in store.connection.execute(sql):
        if filters.keeps_article(row["day"], row["source"]):
            articles += row["n"]
            first += row["n"] if row["first"] else 0
    return Counts(articles=articles, first_copies=first, quotes=read.quotes.total, events=read.events.total,
                  positions=len(read.positions))


def _sources(store: Store) -> list[str]:
    """Every source name in the store, sorted."""
    sql = "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source"
    return [row["source"] for row in store.connection.execute(sql)]


def _date_range(store: Store) -> DateRange:
    """The first and last publication dates in the store."""
    row = store.connection.execute("SELECT min(published) AS first, max(published) AS last FROM articles"
                                   " WHERE published IS NOT NULL AND published != ''").fetchone()
    return DateRange(first=row["first"], last=row["last"])


def _day(own: str | None, published: str | None) -> str | None:
    """A record's day: its own full date, else its article's publication day, else None."""
    for value in (own, published):
        if value and len(value) >= 10:
            return value[:10]
    return None


@dataclass(slots=True)
class _Timeline:
    """The timeline's listed items, its per-day counts and how many items had no date."""

    items: list[TimelineItem]
    days: list[TimelineDay]
    undated: int


def _timeline(read: _Read, options: OverviewOptions) -> _Timeline:
    """The most recent items (chronological; undated ones at their ingest day, marked), per-day counts of the
    dated ones, and how many are undated."""
    days: dict[str, list[int]] = {}
    for day, n in read.events.per_day.items():
        days.setdefault(day, [0, 0])[0] += n
    for day, n in read.quotes.per_day.items():
        days.setdefault(day, [0, 0])[1] += n
    items = [_event_item(d) for d in read.recent_events[:options.timeline_items]]
    items += [_quote_item(d) for d in read.recent_quotes]
    undated = read.events.undated + read.quotes.undated
    for r in read.positions:
        item = _position_item(r)
        if item is None or item.undated:
            undated += 1
        else:
            days.setdefault(item.date, [0, 0])[1] += 1
        if item is not None:
            items.append(item)
    items.sort(key=lambda i: (i.date, i.undated, i.kind, i.article_id, i.start))
    per_day = [TimelineDay(date=d, events=n[0], statements=n[1]) for d, n in sorted(days.items())]
    return _Timeline(items=items[-options.timeline_items:] if options.timeline_items else [], days=per_day, undated=undated)


def _event_item(dated: DatedRecord) -> TimelineItem:
    """A dated event as a timeline item (label: its PLOVER type, actor: its source actors)."""
    e = dated.row.record
    return TimelineItem(date=dated.day, kind="event", label=e.type, actor=", ".join(e.source) or None, text=e.text,
                        article_id=dated.row.article_id, start=e.start, end=e.end, undated=dated.undated)


def _quote_item(dated: DatedRecord) -> TimelineItem:
    """A dated quote as a timeline statement (label "quote", actor: its speaker)."""
    q = dated.row.record
    return TimelineItem(date=dated.day, kind="statement", label="quote", actor=q.speaker, text=q.text,
                        article_id=dated.row.article_id, start=q.start, end=q.end, undated=dated.undated)


def _position_item(row: StoredRecord) -> TimelineItem | None:
    """A position as a timeline statement (label: its stance); undated ones at their article's ingest day,
    marked; None when it has no date and no ingest time either."""
    p = row.record
    day = _day(p.date, row.published)
    placed = day or _day(row.ingested, None)
    if placed is None:
        return None
    return TimelineItem(date=placed, kind="statement", label=p.stance, actor=p.actor, text=p.text,
                        article_id=row.article_id, start=p.start, end=p.end, undated=day is None)


def _latest_events(recent: list[DatedRecord], options: OverviewOptions) -> list[LatestEvent]:
    """The most recent events, merged across the articles reporting them, newest first."""
    from redline.events import merge_reported

    window = [d.row for d in recent[:max(options.latest_events_window, options.latest_events)]]
    articles = {d.row.article_id: d.row for d in recent}
    found = [_latest(m, articles) for m in merge_reported(window)]
    found.sort(key=lambda e: (e.date or "", not e.undated), reverse=True)
    return found[:options.latest_events]


def _latest(merged: MergedEvent, articles: dict[str, StoredRecord]) -> LatestEvent:
    """A merged event with its mentions as evidence references."""
    e = merged.event
    refs = [EvidenceRef(article_id=m.article_id, title=articles[m.article_id].title, source=m.source,
                        published=articles[m.article_id].published, actor=", ".join(e.source) or None, via=None,
                        stance=None, official=None, text=m.text, start=m.start, end=m.end) for m in merged.mentions]
    first = min((r.published for r in refs if r.published), default=None)
    day = _day(e.date, first)
    ingested = min((articles[m.article_id].ingested or "" for m in merged.mentions), default="")
    return LatestEvent(date=day or _day(ingested, None), type=e.type, status=e.status, negated=bool(e.negated),
                       source=list(e.source), target=list(e.target), mentions=len(merged.mentions),
                       sources=merged.sources, evidence=refs, undated=day is None)


def _top_quotes(store: Store, filters: Filters, options: OverviewOptions) -> list[CitedQuote]:
    """The quotes cited by the most distinct sources, then articles (same speaker, same words), with citations."""
    groups = most_cited(store, filters, limit=options.top_quotes, min_words=options.quote_min_words)
    rows = {r_id: r for g in groups for r_id, r in zip(g.rowids[:options.quote_citations],
                                                        quotes_at(store, g.rowids[:options.quote_citations]))}
    return [_cited(g, [rows[n] for n in g.rowids[:options.quote_citations]]) for g in groups]


def _cited(group: QuoteGroup, rows: list[StoredRecord]) -> CitedQuote:
    """A quote group with its citations as evidence references (its text: the first citation's words)."""
    refs = [EvidenceRef(article_id=r.article_id, title=r.title, source=r.source, published=r.published,
                        actor=r.record.speaker, via=r.record.speaker, stance=None, official=None, text=r.record.text,
                        start=r.record.start, end=r.record.end) for r in rows]
    return CitedQuote(speaker=group.speaker, text=refs[0].text if refs else group.text, articles=group.articles,
                      sources=group.sources, citations=refs)
