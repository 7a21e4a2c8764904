"""`positions`, `quotes` and `events` on an 80-column terminal break lines between words, never inside
one; `--wide` keeps each field on one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pty_run import plain, run_on_terminal

from redline.cli.layout import Listing, render_listing
from rich.console import Console

TEXT_FIELD = {"positions": "text", "quotes": "text", "events": "text"}


def _records(db, command: str) -> list[dict]:
    """The command's records as JSON Lines (what the table shows)."""
    result = subprocess.run([sys.executable, "-m", "redline.cli", command, "--db", str(db), "--json"],
                            capture_output=True, timeout=240, check=True)
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]


def _tokens(drawn: str) -> set[str]:
    """Every whitespace-separated token inside the table's cells."""
    for border in "│┃┆":
        drawn = drawn.replace(border, " ")
    return set(drawn.split())


@pytest.mark.parametrize("command", ["positions", "quotes", "events"])
def test_cli_wrapping_80_columns_breaks_only_between_words(examples_db, command):
    records = _records(examples_db, command)
    assert records, f"the examples store has no {command}"
    drawn = plain(run_on_terminal([command, "--db", str(examples_db)], columns=80))
    lines = [line for line in drawn.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    tokens = _tokens(drawn)
    checked = 0
    for record in records:
        shown = " ".join(record[TEXT_FIELD[command]].split())[:150]  # listings cut long sentences at the end
        for word in shown.split()[:-1]:  # the last word may be cut with "..."
            if len(word) <= 40:
                assert word in tokens, (word, shown)
                checked += 1
    assert checked > 50


def test_cli_wrapping_wide_keeps_each_field_on_one_line(examples_db):
    records = _records(examples_db, "events")
    drawn = plain(run_on_terminal(["events", "--db", str(examples_db), "--wide"], columns=80))
    sentence = " ".join(records[0]["text"].split())
    assert sentence[:100] in drawn  # the evidence is on one line, not wrapped at 80 columns
    assert max(len(line) for line in drawn.splitlines()) > 80


def test_cli_wrapping_layout_stacks_short_fields_when_the_text_would_be_too_narrow():
    rows = [("MATERIAL_CONFLICT", "announced", "Iran's foreign ministry", "United States", "2026-02-18",
             "A sentence long enough to need the room of a whole column on a narrow terminal.", "9dec149eeece2049")]
    headers = ("type", "status", "source", "target", "date", "evidence", "where")
    listing = Listing("events", headers, rows, text_column="evidence")
    narrow, roomy = render_listing(listing, width=80), render_listing(listing, width=200)
    assert len(narrow.columns) == 2 and len(roomy.columns) == 7
    console = Console(width=80, record=True)
    console.print(narrow)
    text = console.export_text()
    assert "status: announced" in text and "MATERIAL_CONFLICT" in text
    assert max(len(line) for line in text.splitlines()) <= 80
