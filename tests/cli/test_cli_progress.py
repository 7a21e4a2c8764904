"""The per-record progress bar of `redline ingest`: it counts records (JSON Lines lines, WARC response
records, other files one each), moves on a terminal and is quiet when piped."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

from pty_run import plain, run_on_terminal
from synth import article_text

from redline.ingest.count import COUNT_MAX_BYTES, count_units, input_units
from redline.ingest.sources import InputFile, expand_inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RECORDS = 30


def _feed(folder: Path, records: int = RECORDS) -> Path:
    """A JSON Lines feed with blank lines between some records, and a page beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for n in range(records):
        lines.append(json.dumps({"title": f"Report {n}", "text": article_text(100 + n), "date": "2026-02-01"}))
        if n % 7 == 0:
            lines.append("   ")
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "page.txt").write_text(f"Talks report\n\n{article_text(99)}\n", encoding="utf-8")
    return folder


def test_cli_progress_counts_records_of_jsonl_warc_and_pages(tmp_path):
    folder = _feed(tmp_path / "in")
    with gzip.open(folder / "feed2.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps({"text": article_text(200 + n)}) for n in range(12)) + "\n")
    files = {Path(f.name).name: f for f in expand_inputs([str(folder), str(EXAMPLES / "crawl.warc.gz")]).files}
    assert input_units(files["feed.jsonl"]) == RECORDS  # blank lines are no records
    assert input_units(files["feed2.jsonl.gz"]) == 12
    assert input_units(files["crawl.warc.gz"]) == 2  # its response records
    assert input_units(files["page.txt"]) == 1
    assert count_units(files.values()) == RECORDS + 12 + 2 + 1
    huge = InputFile(name="huge.jsonl", path=files["feed.jsonl"].path, size=COUNT_MAX_BYTES + 1)
    assert input_units(huge) is None and count_units([*files.values(), huge]) is None  # no first pass over it


def test_cli_progress_is_quiet_when_piped(tmp_path):
    folder = _feed(tmp_path / "in")
    result = subprocess.run([sys.executable, "-m", "redline.cli", "ingest", str(folder), "--db",
                             str(tmp_path / "r.db"), "--no-nlp"], capture_output=True, timeout=240)
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "\x1b" not in stderr and "records" not in stderr.split("\n")[0]
    assert "━" not in stderr and f"/{RECORDS + 1}" not in stderr
    assert f"{RECORDS + 1} documents read" in stderr


def test_cli_progress_moves_per_record_on_a_terminal(tmp_path):
    folder = _feed(tmp_path / "in")
    # NLP on: each record takes long enough for the bar to be redrawn between records
    drawn = plain(run_on_terminal(["ingest", str(folder), "--db", str(tmp_path / "r.db"), "--nlp"]))
    total = RECORDS + 1
    shown = {int(done) for done in re.findall(rf"(\d+)/{total} records", drawn)}
    assert shown, drawn[-2000:]
    assert total in shown  # the bar's total counts the records, and it reaches them all
    assert len(shown - {0, total}) >= 1, shown  # and it moved in between, record by record
