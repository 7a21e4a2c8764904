"""The overview over real stores built by the ingest library: matrix, impasses, openings, timeline, events, quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.positions import CaseProfile
from redline.store import Store
from redline.views.filters import Filters
from redline.views.overview import Overview, OverviewOptions, filtered_analysis, overview, store_evidence


@pytest.fixture(scope="module")
def examples_view(examples_db) -> Overview:
    with Store(examples_db, readonly=True) as store:
        return overview(store, profile=CaseProfile.load("us-iran-2026"))


def _all_refs(view: Overview):
    """Every evidence reference the overview holds."""
    for row in [*view.issues, *view.impasses, *view.openings]:
        for cell in row.cells.values():
            yield from cell.evidence
    for event in view.latest_events:
        yield from event.evidence
    for quote in view.top_quotes:
        yield from quote.citations
    for shift in view.shifts:
        yield shift.before
        yield shift.after


def test_views_overview_seeds_missiles_impasse_with_shamkhani(seeds_db):
    with Store(seeds_db, readonly=True) as store:
        view = overview(store, profile=CaseProfile.load("us-iran-2026"))
    impasses = {row.issue: row for row in view.impasses}
    assert "missiles" in impasses
    iran = impasses["missiles"].cells["Iran"]
    assert iran.stance == "red_line"
    assert "Ali Shamkhani" in {ref.via for ref in iran.evidence}
    assert iran.evidence[0].via == "Ali Shamkhani", "strongest first: official, first-hand, named, before the rest"
    assert [ref.official for ref in iran.evidence] == sorted((ref.official for ref in iran.evidence), reverse=True)
    assert view.profile == "us-iran-2026"
    assert view.parties[:2] == ["United States", "Iran"]


def test_views_overview_refs_point_at_their_sentences(examples_db, examples_view):
    refs = list(_all_refs(examples_view))
    assert len(refs) > 20
    with Store(examples_db, readonly=True) as store:
        texts = {ref.article_id: store.article(ref.article_id).text for ref in refs}
    for ref in refs:
        assert texts[ref.article_id][ref.start:ref.end] == ref.text


def test_views_overview_counts_match_the_store(examples_db, examples_view):
    with Store(examples_db, readonly=True) as store:
        counts = store.counts()
        quotes = len(list(store.stage_records("quotes")))
        events = len(list(store.stage_records("events")))
        positions = len(store_evidence(store))
    c = examples_view.counts
    assert (c.articles, c.first_copies) == (counts.articles, counts.articles - counts.duplicates)
    assert (c.quotes, c.events, c.positions) == (quotes, events, positions)
    assert examples_view.date_range.first <= examples_view.date_range.last
    assert len(examples_view.sources) >= 3


def test_views_overview_filters_change_the_counts(examples_db, examples_view):
    source = "Harbourline Media Ltd"
    with Store(examples_db, readonly=True) as store:
        by_source = overview(store, filters=Filters(source=source))
        late = overview(store, filters=Filters(since="2026-02-20"))
        official = overview(store, filters=Filters(official=True))
        nothing = overview(store, filters=Filters(since="2030-01-01"))
    full = examples_view.counts
    assert 0 < by_source.counts.articles < full.articles
    assert 0 < by_source.counts.quotes < full.quotes
    assert 0 < late.counts.first_copies < full.first_copies
    assert all(item.date >= "2026-02-20" or item.kind == "event" for item in late.timeline)
    assert all(ref.source == source for ref in _all_refs(by_source))
    assert 0 < official.counts.positions < full.positions
    assert all(ref.official for row in official.issues for cell in row.cells.values() for ref in cell.evidence)
    assert official.counts.quotes == full.quotes, "the official filter is about positions only"
    assert nothing.counts == type(nothing.counts)(articles=0, first_copies=0, quotes=0, events=0, positions=0)
    assert nothing.issues == [] and nothing.top_quotes == [] and nothing.latest_events == []
    assert nothing.sources == examples_view.sources, "the dropdown lists every source, whatever the filters"


def test_views_overview_filtered_analysis_is_the_deal_space(examples_db):
    from redline.dealspace import deal_space

    profile = CaseProfile.load("us-iran-2026")
    with Store(examples_db, readonly=True) as store:
        expected = deal_space(store_evidence(store), profile=profile).to_json()
        assert filtered_analysis(store, profile=profile).to_json() == expected
        narrowed = filtered_analysis(store, filters=Filters(until="2026-02-05"), profile=profile)
    assert narrowed.to_json() != expected


def test_views_overview_matrix_columns_as_the_matrix_command(examples_db, examples_view):
    from redline.cli.terminal import matrix_table
    from redline.dealspace import deal_space

    profile = CaseProfile.load("us-iran-2026")
    with Store(examples_db, readonly=True) as store:
        table = matrix_table(deal_space(store_evidence(store), profile=profile), profile=profile)
    assert [str(c.header) for c in table.columns][2:] == examples_view.parties
    assert [row.label for row in examples_view.issues] == [str(c) for c in table.columns[0].cells]
    nuclear = next(row for row in examples_view.issues if row.issue == "nuclear")
    # Iran's own demand and precondition on limits to its nuclear programme (Shamkhani, Araghchi) are its terms
    # (`conditional`, the profile names Iran the issue's subject), not support for the limits
    assert nuclear.status == "agenda" and nuclear.cells["Iran"].direction in ("conditional", "open")


def test_views_overview_openings_are_agenda_or_open(examples_view):
    assert examples_view.openings
    for row in examples_view.openings:
        assert row.status == "agenda" or any(c.stance in ("open", "offer") for c in row.cells.values())
    keys = {i.key for i in CaseProfile.load("us-iran-2026").issues}
    assert {row.issue for row in [*examples_view.openings, *examples_view.impasses]} <= keys


def test_views_overview_timeline_is_dated_and_counted(examples_view):
    view = examples_view
    dates = [item.date for item in view.timeline]
    assert dates == sorted(dates) and all(len(d) == 10 for d in dates)
    assert {item.kind for item in view.timeline} == {"event", "statement"}
    counted = sum(d.events + d.statements for d in view.timeline_days) + view.timeline_undated
    assert counted == view.counts.events + view.counts.quotes + view.counts.positions


def test_views_overview_options_cap_the_lists(examples_db, examples_view):
    small = OverviewOptions(timeline_items=5, latest_events=2, top_quotes=1, cell_evidence=1, max_parties=2)
    with Store(examples_db, readonly=True) as store:
        view = overview(store, profile=CaseProfile.load("us-iran-2026"), options=small)
    assert len(view.timeline) == 5 and view.timeline == examples_view.timeline[-5:]
    assert len(view.latest_events) == 2 and len(view.top_quotes) == 1 and len(view.parties) == 2
    assert all(len(cell.evidence) <= 1 for row in view.issues for cell in row.cells.values())
    assert view.counts == examples_view.counts


def test_views_overview_latest_events_newest_first(examples_view):
    events = examples_view.latest_events
    assert events and len(events) <= OverviewOptions().latest_events
    dates = [e.date for e in events]
    assert dates == sorted(dates, reverse=True)
    assert all(e.evidence and e.mentions == len(e.evidence) for e in events)


def test_views_overview_to_json_is_plain(examples_view):
    data = json.loads(json.dumps(examples_view.to_json()))
    assert data["profile"] == "us-iran-2026" and data["filters"] == {}
    assert set(data["counts"]) == {"articles", "first_copies", "quotes", "events", "positions"}
    cell = next(iter(data["issues"][0]["cells"].values()))
    assert set(cell) == {"stance", "direction", "firm", "voice", "breakdown", "evidence_count", "sources", "official",
                         "evidence"}
    assert {"article_id", "title", "source", "published", "actor", "via", "stance", "official", "text", "start",
            "end", "reported", "issue", "direction", "voice", "confidence", "id", "review"} == set(cell["evidence"][0])
    assert cell["evidence"][0]["id"].startswith("p-") and cell["evidence"][0]["review"] is None


CITED = "We will not give up our missile programme under any circumstances"


def test_views_overview_most_cited_quote_groups_sources(tmp_path: Path):
    from redline.pipeline import ingest

    lines = []
    stories = [  # different articles (no near-duplicates) citing the same words with other case and punctuation
        ("Alpha News", CITED + ".", "Oil prices rose in Asian trading as markets weighed the chance of new sanctions."),
        ("Beta Wire", CITED.upper() + "!", "Diplomats in Geneva said a third round of talks could open in March in Oman."),
        ("Gamma Post", "We will NOT give up our missile programme - under any circumstances.", "The parliament's speaker praised the armed forces during a televised parade."),
    ]
    for n, (source, text, other) in enumerate(stories):
        body = (f'TEHRAN - Iran\'s top security official Ali Shamkhani said on Monday: "{text}" {other}\n\n'
                f"{' '.join([other] * (n + 2))}")
        lines.append(json.dumps({"title": f"Report {n}", "text": body, "source": source, "published": f"2026-02-0{n + 1}"}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "q.db") as store:
        ingest([str(feed)], store=store)
    with Store(tmp_path / "q.db", readonly=True) as store:
        view = overview(store)
        only_beta = overview(store, filters=Filters(source="Beta Wire"))
    top = view.top_quotes[0]
    assert top.speaker == "Ali Shamkhani"
    assert (top.articles, top.sources) == (3, 3)
    assert {c.source for c in top.citations} == {"Alpha News", "Beta Wire", "Gamma Post"}
    assert only_beta.top_quotes[0].sources == 1
