"""Metadata given at ingest: `--date`, `--source`, `--url` and a sources.yaml, through the real CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hostile import good_article, run_cli

import redline
from redline.ingest.given import GivenMetadata, SourceRule, command_line_given, load_sources, rule_date
from redline.ingest.sources import InputFile
from redline.store import Store
from synth import article_text


def _stored(db) -> dict:
    """Stored articles by file name."""
    with Store(db, readonly=True) as store:
        return {a.input.rsplit("/", 1)[-1].split(":")[0]: a for a in store.articles()}


def test_ingest_given_command_line_date_source_url_win(tmp_path):
    page = tmp_path / "undated.txt"
    page.write_text(good_article(11), encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": article_text(12), "date": "2026-01-02", "source": "Wire",
                                "url": "https://wire.example/1"}) + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli("ingest", str(page), str(feed), "--db", str(db), "--no-nlp", "--date", "2026-02-09",
                  "--source", "Al Jazeera", "--url", "https://given.example/a")
    assert run.returncode == 0, run.stderr
    for article in _stored(db).values():
        assert (article.published, article.source, article.url) == ("2026-02-09", "Al Jazeera", "https://given.example/a")


def test_ingest_given_bad_date_and_bad_sources_file_are_usage_errors(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(good_article(13), encoding="utf-8")
    run = run_cli("ingest", str(page), "--db", str(tmp_path / "r.db"), "--no-nlp", "--date", "2026-02-30")
    assert run.returncode == 2 and "--date" in run.stderr and not (tmp_path / "r.db").exists()
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - match: '*.txt'\n    date: someday\n", encoding="utf-8")
    run = run_cli("ingest", str(page), "--db", str(tmp_path / "r.db"), "--no-nlp", "--sources", str(bad))
    assert run.returncode == 2 and "entry 1" in run.stderr and "someday" in run.stderr
    assert "Traceback" not in run.stderr


def test_ingest_given_sources_yaml_fills_what_pages_lack(tmp_path):
    crawl = tmp_path / "crawl" / "aljazeera" / "2026" / "02" / "03"
    crawl.mkdir(parents=True)
    (crawl / "undated.txt").write_text(good_article(14), encoding="utf-8")
    (crawl / "feed.jsonl").write_text(json.dumps({"text": article_text(15), "date": "2026-01-20",
                                                  "source": "Own Source"}) + "\n", encoding="utf-8")
    other = tmp_path / "inbox"
    other.mkdir()
    (other / "wire.txt").write_text(good_article(16), encoding="utf-8")
    os.utime(other / "wire.txt", (1770000000, 1770000000))  # 2026-02-02 UTC
    (other / "fixed.txt").write_text(good_article(17), encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n"
        "  - match: 'crawl/aljazeera/**'\n    source: Al Jazeera\n    date: name\n"
        "  - match: '*/inbox/wire.txt'\n    source: Reuters\n    date: mtime\n"
        "  - match: '*/inbox/*'\n    date: 2026-01-15\n    override: true\n", encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli("ingest", "crawl", str(other), "--db", str(db), "--no-nlp", "--sources", str(sources), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    stored = _stored(db)
    assert (stored["undated.txt"].published, stored["undated.txt"].source) == ("2026-02-03", "Al Jazeera")
    # a record's own date and source are kept: a rule only fills in what a page lacks
    assert (stored["feed.jsonl"].published, stored["feed.jsonl"].source) == ("2026-01-20", "Own Source")
    assert (stored["wire.txt"].published, stored["wire.txt"].source) == ("2026-02-02", "Reuters")
    assert stored["fixed.txt"].published == "2026-01-15"


def test_ingest_given_command_line_over_rule(tmp_path):
    page = tmp_path / "2026-02-05-page.txt"
    page.write_text("x", encoding="utf-8")
    item = InputFile(name=str(page), path=page, size=1)
    rules = (SourceRule(match="*page.txt", source="Rule Source", date="name"),)
    by_rule = GivenMetadata(command_line=None, rules=rules).for_input(item)
    assert (by_rule.published, by_rule.source, by_rule.forced) == ("2026-02-05", "Rule Source", frozenset())
    typed = command_line_given(date=None, source="Typed Source", url=None)
    merged = GivenMetadata(command_line=typed, rules=rules).for_input(item)
    assert (merged.published, merged.source) == ("2026-02-05", "Typed Source")
    assert merged.pick("source", "Page Source") == "Typed Source"  # the command line wins
    assert merged.pick("published", "2026-01-01") == "2026-01-01"  # the rule's date only fills in
    assert rule_date("name", InputFile(name="x", path=tmp_path / "20260207.txt", size=0)) == "2026-02-07"
    assert rule_date("name", InputFile(name="x", path=tmp_path / "id-99999999.txt", size=0)) is None


def test_ingest_given_example_file_loads():
    rules = load_sources(Path(redline.__file__).parent / "data" / "sources.example.yaml")
    assert [r.source for r in rules][:2] == ["Al Jazeera", "Reuters"] and rules[2].override
