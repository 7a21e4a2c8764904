"""Undated articles stay in the story: the seeds' undated Al Jazeera page appears in the report's latest
events and timeline, placed at the day it was ingested and marked undated."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app
from redline.store import Store
from redline.views.overview import overview

AL_JAZEERA = "004_191a4cd148bb01ae"  # the seed page with no date (the Oman talks, Trump's threats, Qatar)


def _undated_ids(db: Path) -> set[str]:
    """The ids of the stored articles read from the undated seed page."""
    with Store(db, readonly=True) as store:
        found = {a.id: a for a in store.articles() if AL_JAZEERA in a.input}
    assert found and all(a.published is None for a in found.values())
    return set(found)


def test_report_undated_page_is_in_latest_events_and_timeline(seeds_db):
    ids = _undated_ids(seeds_db)
    with Store(seeds_db, readonly=True) as store:
        view = overview(store)
        ingested = {row[0][:10] for row in store.connection.execute("SELECT ingested FROM articles WHERE id IN (%s)"
                                                                   % ",".join("?" * len(ids)), sorted(ids))}
    events = [e for e in view.latest_events if any(r.article_id in ids for r in e.evidence)]
    assert events, [(e.date, e.type) for e in view.latest_events]
    assert all(e.undated and e.date in ingested for e in events)
    items = [i for i in view.timeline if i.article_id in ids]
    assert items and all(i.undated and i.date in ingested for i in items)
    assert {i.kind for i in items} >= {"event"}
    assert view.timeline_undated >= len(items)
    dated = [i for i in view.timeline if i.article_id not in ids]
    assert any(not i.undated for i in dated)  # dated articles keep their own dates beside them
    assert view.timeline == sorted(view.timeline, key=lambda i: (i.date, i.undated, i.kind, i.article_id, i.start))


def test_report_undated_page_is_marked_in_the_terminal_and_html_report(seeds_db, tmp_path):
    ids = _undated_ids(seeds_db)
    result = CliRunner().invoke(app, ["report", "--db", str(seeds_db)], catch_exceptions=False)
    assert result.exit_code == 0
    latest = result.stdout[result.stdout.index("latest "):]
    assert "undated (ingested)" in latest
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(seeds_db), "--html", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    html = page.read_text(encoding="utf-8")
    table = html[html.index('id="timeline-undated"'):]
    table = table[:table.index("</table>")]
    assert any(article_id in table for article_id in ids)
    assert 'class="undated"' in html[html.index('id="events"'):]
