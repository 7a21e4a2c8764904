"""`redline watch` and `redline alerts` through the real CLI entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from watch_site import IRAN_OPEN, SETTINGS, article_html, iran_page, rss

CLI = [sys.executable, "-c", "from redline.cli import app; app()"]


def redline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env={**os.environ}, timeout=300)


def _settings(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in SETTINGS.items()), encoding="utf-8")
    return str(path)


def test_command_watch_once_status_and_alerts(site, tmp_path):
    site.add("/story/1", article_html(1))
    site.add("/iran/2", iran_page(2, IRAN_OPEN, "Iran signals openness to missile talks"))
    site.add("/rss.xml", rss([("One", site.url("/story/1")), ("Iran", site.url("/iran/2"))]), content_type="application/rss+xml")
    site.add("/gone.xml", "no", content_type="text/plain")
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"- url: {site.url('/rss.xml')}\n  name: Test wire\n- url: {site.url('/missing.xml')}\n  name: Missing\n",
                       encoding="utf-8")
    db = str(tmp_path / "w.db")
    first = redline("watch", str(sources), "--db", db, "--once", "--profile", "us-iran-2026", "--settings", _settings(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "2 articles stored, 1 alerts" in first.stderr
    assert f"{site.url('/missing.xml')}: HTTP 404" in first.stderr
    status = redline("watch", "--status", "--db", db)
    assert status.returncode == 0, status.stderr
    assert "Test wire" in status.stdout and "Missing" in status.stdout and "HTTP 404" in status.stdout
    listed = redline("alerts", "--db", db, "--json")
    (alert,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (alert["kind"], alert["party"], alert["issue"], alert["url"]) == ("new_party", "Iran", "missiles", site.url("/iran/2"))
    assert redline("alerts", "--db", db, "--json", "--since", "2999-01-01").stdout == ""
    assert "alerts (1)" in redline("alerts", "--db", db).stdout


def test_command_watch_usage_errors(tmp_path):
    bad = redline("watch", "not-a-url", "--db", str(tmp_path / "w.db"), "--once")
    assert bad.returncode == 2 and "not an http(s) URL" in bad.stderr
    none = redline("watch", "--db", str(tmp_path / "w.db"), "--once")
    assert none.returncode == 2 and "name at least one feed" in none.stderr
    since = redline("alerts", "--db", str(tmp_path / "w.db"), "--since", "yesterday")
    assert since.returncode != 0
