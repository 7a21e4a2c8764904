"""The dashboard's page views (issue, party, article, search) over a real store, and the text cutting."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.pipeline import ingest
from redline.pipeline import load_profile
from redline.store import Store
from redline.views.filters import FilterError, Filters
from redline.views.pages import (Span, ViewNotFound, article_view, cut_text, fragments, issue_view, parse_highlight,
                                 party_view, search_view)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A read-only store of the example text pages and HTML pages, with NLP."""
    path = tmp_path_factory.mktemp("pages") / "pages.db"
    with Store(path) as writer:
        ingest([str(EXAMPLES / "pages"), str(EXAMPLES / "html"), str(EXAMPLES / "feed.jsonl")], store=writer,
               command="test-pages")
    with Store(path, readonly=True) as reader:
        yield reader


def test_views_pages_cut_text_splits_at_every_boundary_and_keeps_the_text():
    text = "Iran said no. The US said yes. Oman hosted."
    spans = [Span("quote", 0, 13, "q"), Span("position", 5, 30, "p"), Span("event", 31, 43, "e")]
    blocks = cut_text(text, spans, (14, 30))
    assert "".join(p.text for b in blocks for p in b.pieces) == text
    target = [b for b in blocks if b.target]
    assert len(target) == 1 and "".join(p.text for p in target[0].pieces) == text[14:30]
    kinds = {p.text: p.kinds for b in blocks for p in b.pieces}
    assert kinds["Iran "] == ["quote"] and kinds["said no."] == ["quote", "position"] and kinds[" "] == []


def test_views_pages_cut_text_ignores_spans_outside_the_text():
    blocks = cut_text("short", [Span("quote", 3, 99, "bad"), Span("event", 4, 2, "bad")], None)
    assert [(p.text, p.kinds) for b in blocks for p in b.pieces] == [("short", [])]


def test_views_pages_parse_highlight_checks_offsets():
    assert parse_highlight("3-9", 10) == (3, 9)
    assert parse_highlight(None) is None and parse_highlight(" ") is None
    for bad in ("9-3", "3", "a-b", "3-11", "-3-4", "1" * 30 + "-2"):
        with pytest.raises(FilterError):
            parse_highlight(bad, 10)


def test_views_pages_fragments_split_marked_snippets():
    found = fragments("a \x02Iran\x03 talk <b>\x02Muscat\x03")
    assert [(f.text, f.hit) for f in found] == [("a ", False), ("Iran", True), (" talk <b>", False), ("Muscat", True)]


def test_views_pages_issue_view_lists_each_party_with_evidence(store):
    profile = load_profile("us-iran-2026")
    from redline.views.overview import filtered_analysis

    analysis = filtered_analysis(store, profile=profile)
    held = next(i for i in analysis.issues if i.parties)
    view = issue_view(store, held.issue, profile=profile)
    assert view.status == held.status and [p.party for p in view.parties] == list(held.parties)
    item = view.parties[0].evidence[0]
    article = store.article(item.article_id)
    assert article.text[item.start:item.end] == item.text and item.title == article.title
    one = issue_view(store, held.issue, profile=profile, party=view.parties[0].party)
    assert [p.party for p in one.parties] == [view.parties[0].party]
    with pytest.raises(ViewNotFound):
        issue_view(store, "no-such-issue", profile=profile)
    with pytest.raises(ViewNotFound):
        issue_view(store, held.issue, profile=profile, party="Atlantis")


def test_views_pages_party_view_has_positions_and_filters_them(store):
    profile = load_profile("us-iran-2026")
    view = party_view(store, "Iran", profile=profile)
    assert view.positions and view.to_json()["name"] == "Iran"
    assert all("Iran" in e.record["source"] + e.record["target"] for e in view.events)
    early = party_view(store, "Iran", profile=profile, filters=Filters(until="2026-02-10"))
    assert all((e.published or "") <= "2026-02-10" for p in early.positions for e in p.evidence)
    assert sum(p.evidence_count for p in early.positions) <= sum(p.evidence_count for p in view.positions)
    with pytest.raises(ViewNotFound):
        party_view(store, "Atlantis", profile=profile)


def test_views_pages_article_view_marks_every_record(store):
    row = next(a for a in store.articles() if store.article(a.id).positions)
    view = article_view(store, row.id)
    kinds = {k for b in view.blocks for p in b.pieces for k in p.kinds}
    assert "position" in kinds and view.highlight is None
    assert "".join(p.text for b in view.blocks for p in b.pieces) == view.text
    position = view.positions[0]
    chosen = article_view(store, row.id, highlight=f"{position['start']}-{position['end']}")
    assert chosen.to_json()["highlight"]["text"] == position["text"]
    with pytest.raises(ViewNotFound):
        article_view(store, "0000000000000000")
    with pytest.raises(FilterError):
        article_view(store, row.id, highlight=f"0-{len(view.text) + 1}")


def test_views_pages_search_view_finds_words_within_filters(store):
    found = search_view(store, "Muscat")
    assert found.article_total >= 1 and any(f.hit for f in found.articles[0].snippet)
    assert search_view(store, "Muscat", filters=Filters(source="no-such-source")).article_total == 0
    assert search_view(store, "").article_total == 0
    with pytest.raises(FilterError):
        search_view(store, "x" * 500)
    with pytest.raises(FilterError):
        search_view(store, "Muscat", limit="0")
