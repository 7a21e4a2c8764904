"""Alerts after a pass: a shift and a new red line, with their evidence, to the store, a JSONL file and a webhook."""

from __future__ import annotations

import json

from redline.ingest.options import IngestOptions
from redline.store import Store
from redline.watch import WatchConfig, WatchState, load_sources, watch_pass
from watch_site import IRAN_OPEN, IRAN_RED_LINE, iran_page, rss


def _feed(site, days: list[int]) -> None:
    site.add("/rss.xml", rss([(f"Iran on missiles, March {d}", site.url(f"/iran/{d}")) for d in days]),
             content_type="application/rss+xml")


def test_alerts_open_then_red_line_gives_one_shift_and_one_red_line_alert(site, tmp_path, fast_options):
    site.add("/iran/2", iran_page(2, IRAN_OPEN, "Iran signals openness to missile talks"))
    site.add("/iran/9", iran_page(9, IRAN_RED_LINE, "Iran draws a line on missiles"))
    _feed(site, [2])
    jsonl = tmp_path / "alerts.jsonl"
    config = WatchConfig(sources=load_sources([site.url("/rss.xml")]), options=fast_options,
                         ingest=IngestOptions.load(profile="us-iran-2026"), alerts_file=jsonl, webhook=site.url("/hook"))
    with Store(tmp_path / "w.db") as store:
        first = watch_pass(store, config)
        assert [(a.kind, a.party, a.issue, a.after) for a in first.alerts] == [("new_party", "Iran", "missiles", "open")]
        lines_before = len(jsonl.read_text(encoding="utf-8").splitlines())
        posts_before = len(site.posts)
        _feed(site, [9, 2])
        second = watch_pass(store, config)
        assert second.problems == []
        kinds = sorted(a.kind for a in second.alerts)
        assert kinds == ["red_line", "shift"]
        stored = WatchState(store).alerts()
        assert [a.kind for a in stored] == ["new_party", "red_line", "shift"]
        third = watch_pass(store, config)  # nothing new: no alert raised twice
        assert third.alerts == [] and len(WatchState(store).alerts()) == 3
    written = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()[lines_before:]]
    posted = [json.loads(body) for path, body in site.posts[posts_before:] if path == "/hook"]
    for alerts in (written, posted):
        by_kind = {a["kind"]: a for a in alerts}
        assert sorted(by_kind) == ["red_line", "shift"] and len(alerts) == 2
        shift = by_kind["shift"]
        assert (shift["party"], shift["issue"], shift["before"], shift["after"]) == ("Iran", "missiles", "open", "red_line")
        red = by_kind["red_line"]
        assert (red["party"], red["issue"], red["before"], red["after"]) == ("Iran", "missiles", "open", "red_line")
        for alert in (shift, red):
            assert "red line and is not negotiable" in alert["evidence"]
            assert alert["url"] == site.url("/iran/9") and alert["published"] == "2026-03-09"


def test_alerts_failing_webhook_never_stops_the_watcher(site, tmp_path, fast_options):
    site.add("/iran/2", iran_page(2, IRAN_OPEN, "Iran signals openness to missile talks"))
    _feed(site, [2])
    site.post_status = 503
    jsonl = tmp_path / "alerts.jsonl"
    config = WatchConfig(sources=load_sources([site.url("/rss.xml")]), options=fast_options,
                         ingest=IngestOptions.load(profile="us-iran-2026"), alerts_file=jsonl, webhook=site.url("/hook"))
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, config)
        assert report.articles == 1 and len(report.alerts) == 1
        assert [p.reason for p in report.problems] == ["alert new_party on missiles not delivered: webhook answered HTTP 503"]
        assert WatchState(store).undelivered() == []
    assert len(site.posts) == fast_options.webhook_retries
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 1


def test_alerts_dashboard_lists_whats_new_and_sources(site, tmp_path, fast_options):
    from fastapi.testclient import TestClient

    from redline.web.app import create_app

    site.add("/iran/2", iran_page(2, IRAN_OPEN, "Iran signals openness to missile talks"))
    _feed(site, [2])
    site.add("/broken.xml", "<rss", content_type="application/rss+xml")
    config = WatchConfig(sources=load_sources([site.url("/rss.xml"), site.url("/broken.xml")]), options=fast_options,
                         ingest=IngestOptions.load(profile="us-iran-2026"))
    db = tmp_path / "w.db"
    with Store(db) as store:
        watch_pass(store, config)
    client = TestClient(create_app(db), base_url="http://localhost")
    data = client.get("/watch.json").json()
    assert [(a["kind"], a["party"], a["issue"]) for a in data["alerts"]] == [("new_party", "Iran", "missiles")]
    assert {s["url"]: bool(s["last_error"]) for s in data["sources"]} == {site.url("/rss.xml"): False,
                                                                         site.url("/broken.xml"): True}
    page = client.get("/watch")
    assert page.status_code == 200
    assert "Iran is open to talks on its ballistic missile programme" in page.text and "malformed feed" in page.text
