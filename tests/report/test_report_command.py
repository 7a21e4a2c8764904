"""`redline report` through typer's CliRunner over real stores: terminal and self-contained HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app


def run(*args: str):
    """The command's result (stdout and stderr kept apart)."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result


def section(text: str, start: str, end: str) -> str:
    """The part of the terminal output between two section titles."""
    return text[text.index(start):text.index(end)]


def test_report_command_terminal_lists_missiles_impasse_with_shamkhani(seeds_db):
    result = run("report", "--db", str(seeds_db), "--profile", "us-iran-2026")
    assert result.exit_code == 0, result.stderr
    impasses = section(result.stdout, "impasses (", "openings (")
    assert "missiles" in impasses and "Shamkhani" in impasses and "red_line" in impasses
    assert "stance matrix" in result.stdout and "most-cited quotes" in result.stdout
    assert "\x1b[" not in result.stdout, "plain text when piped"


def test_report_command_html_lists_missiles_impasse_with_shamkhani(seeds_db, tmp_path: Path):
    page = tmp_path / "report.html"
    result = run("report", "--db", str(seeds_db), "--profile", "us-iran-2026", "--html", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    impasses = html[html.index('id="impasses"'):html.index('id="openings"')]
    assert "missiles" in impasses and "Ali Shamkhani" in impasses
    assert "<svg" in html and "@media print" in html
    assert str(page) in result.stderr


def test_report_command_html_is_self_contained(examples_db, tmp_path: Path):
    page = tmp_path / "report.html"
    assert run("report", "--db", str(examples_db), "--profile", "us-iran-2026", "--html", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    for attribute in re.findall(r"""\b(?:src|href|srcset|action|data)\s*=\s*["']?([^"'\s>]*)""", html, flags=re.I):
        assert attribute.startswith("#"), attribute
    assert not re.search(r"<(script|link|iframe|img|object|embed)\b", html, flags=re.I)
    assert "@import" not in html and "url(" not in html and "http://" not in html and "https://" not in html
    assert html.count("<details") >= 5, "matrix cells list their evidence"


def test_report_command_filters_change_the_counts(examples_db, tmp_path: Path):
    full = run("report", "--db", str(examples_db))
    narrowed = run("report", "--db", str(examples_db), "--source", "Harbourline Media Ltd", "--since", "2026-02-01",
                   "--official", "yes")
    assert full.exit_code == 0 and narrowed.exit_code == 0
    count = lambda text: int(re.search(r"(\d+) articles \(", text).group(1))  # noqa: E731
    assert 0 < count(narrowed.stdout) < count(full.stdout)
    assert "filters: since=2026-02-01, source=Harbourline Media Ltd, official=True" in narrowed.stdout


@pytest.mark.parametrize("args", [("--since", "2026-13-01"), ("--official", "maybe"),
                                  ("--since", "2026-03-01", "--until", "2026-02-01"), ("--profile", "no-such-case")])
def test_report_command_bad_options_are_usage_errors(examples_db, args):
    result = run("report", "--db", str(examples_db), *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_report_command_missing_db_is_a_clear_error(tmp_path: Path):
    result = run("report", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no redline database" in result.stderr


HOSTILE = '<script>alert(1)</script> <a href="javascript:alert(2)">click</a> <!-- hidden comment -->'


def test_report_command_article_text_is_escaped(tmp_path: Path):
    from redline.pipeline import ingest
    from redline.store import Store

    body = (f'TEHRAN - Iran\'s top security official Ali Shamkhani said on Monday: "We will not give up our missile '
            f'programme under any circumstances {HOSTILE}." He rejected any limits on the missiles.\n\n'
            f"Officials in Washington demanded that Iran stop {HOSTILE} its missile programme before any deal.")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": f"Missiles {HOSTILE}", "text": body, "source": f"Wire {HOSTILE}",
                                "published": "2026-02-02"}) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest([str(feed)], store=store)
    page = tmp_path / "x.html"
    result = run("report", "--db", str(tmp_path / "x.db"), "--html", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, "the article's markup is shown as text"
    assert "<script" not in html.lower()
    assert 'href="javascript:' not in html.lower() and "<a " not in html
    assert "<!--" not in html
    terminal = run("report", "--db", str(tmp_path / "x.db"))
    assert "<script>alert(1)</script>" in terminal.stdout, "shown as it is on a terminal (no markup there)"
