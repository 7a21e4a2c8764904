"""Crash safety through the real CLI: a watcher killed (SIGKILL) or stopped (SIGTERM) mid-pass, then restarted,
ends with the same store as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from watch_site import IRAN_OPEN, IRAN_RED_LINE, SETTINGS, article_html, iran_page, rss

PAGES = 12
CLI = [sys.executable, "-c", "from redline.cli import app; app()"]


def _serve(site) -> None:
    """A feed of 12 pages, each answered after 0.3 s, two of them with Iran's positions."""
    for n in range(PAGES - 2):
        site.add(f"/story/{n}", article_html(n), delay=0.3)
    site.add("/iran/2", iran_page(2, IRAN_OPEN, "Iran signals openness to missile talks"), delay=0.3)
    site.add("/iran/9", iran_page(9, IRAN_RED_LINE, "Iran draws a line on missiles"), delay=0.3)
    paths = ["/iran/2", *[f"/story/{n}" for n in range(PAGES - 2)], "/iran/9"]
    site.add("/rss.xml", rss([(p, site.url(p)) for p in paths]), content_type="application/rss+xml")


def _settings(tmp_path):
    path = tmp_path / "watch.yaml"
    values = {**SETTINGS, "per_host": 1, "workers": 1, "batch_size": 2}
    path.write_text("".join(f"{k}: {v}\n" for k, v in values.items()), encoding="utf-8")
    return path


def _start(site, tmp_path, db, *extra: str) -> subprocess.Popen:
    args = [*CLI, "watch", site.url("/rss.xml"), "--db", str(db), "--profile", "us-iran-2026",
            "--settings", str(_settings(tmp_path)), "--alerts", str(db.with_suffix(".jsonl")), *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})


def _articles(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _interrupt(process: subprocess.Popen, db, sig: int) -> int:
    """Send the signal once some but not all articles are stored; the count stored at that moment."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        stored = _articles(db)
        if 0 < stored:
            process.send_signal(sig)
            process.wait(timeout=60)
            return stored
        time.sleep(0.05)
    raise AssertionError("the watcher ended before it could be interrupted: " + process.stderr.read().decode()[-2000:])


def _snapshot(db) -> dict[str, list]:
    """What must be equal: documents, articles, their records, URL states and alerts (not times or run logs)."""
    queries = {
        "documents": "SELECT key, input, format, articles, problem FROM documents ORDER BY key",
        "articles": "SELECT id, document_key, url, title, published, text, duplicate_of FROM articles ORDER BY id",
        "positions": "SELECT article_id, seq, actor, issue, stance, start, end FROM positions ORDER BY article_id, seq",
        "quotes": "SELECT article_id, seq, start, end FROM quotes ORDER BY article_id, seq",
        "urls": "SELECT url, status, document_key, signature FROM watch_urls ORDER BY url",
        "alerts": "SELECT key, kind, issue, party, before, after, evidence, url FROM alerts ORDER BY key",
    }
    with sqlite3.connect(db) as c:
        return {name: [tuple(r) for r in c.execute(sql)] for name, sql in queries.items()}


def _run_once(site, tmp_path, db) -> None:
    done = _start(site, tmp_path, db, "--once")
    _, stderr = done.communicate(timeout=300)
    assert done.returncode == 0, stderr.decode()[-2000:]


def test_crash_sigkill_mid_pass_then_restart_equals_an_uninterrupted_run(site, tmp_path):
    _serve(site)
    whole = tmp_path / "whole.db"
    _run_once(site, tmp_path, whole)
    expected = _snapshot(whole)
    assert len(expected["articles"]) == PAGES and expected["alerts"]

    killed = tmp_path / "killed.db"
    at_kill = _interrupt(_start(site, tmp_path, killed, "--once"), killed, signal.SIGKILL)
    assert at_kill < PAGES, "the watcher finished before the kill: the test did not test a crash"
    _run_once(site, tmp_path, killed)
    assert _snapshot(killed) == expected
    alerts = [line for line in killed.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(alerts) == len(expected["alerts"])


def test_crash_sigterm_stops_cleanly_and_restart_completes(site, tmp_path):
    _serve(site)
    whole = tmp_path / "whole.db"
    _run_once(site, tmp_path, whole)
    stopped = tmp_path / "stopped.db"
    process = _start(site, tmp_path, stopped, "--interval", "60")
    _interrupt(process, stopped, signal.SIGTERM)
    assert process.returncode == 0
    assert b"stopping after the current batch (SIGTERM)" in process.stderr.read()
    with sqlite3.connect(stopped) as c:
        stored = c.execute("SELECT count(*) FROM watch_urls WHERE status = 'stored'").fetchone()[0]
        assert stored == c.execute("SELECT count(*) FROM documents").fetchone()[0]
    _run_once(site, tmp_path, stopped)
    assert _snapshot(stopped) == _snapshot(whole)
