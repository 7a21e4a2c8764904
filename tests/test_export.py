"""CSV, JSON Lines and Parquet export over a real store: formula cells neutralised, empty tables keep a header."""

import csv
import io
import json
import os
import subprocess
import sys

from redline.export import FORMULA_STARTS, export_columns, safe_cell
from redline.store import Store

BODY = ("Officials from both governments met in Geneva on Monday to discuss a ceasefire along the border. "
        "The foreign minister said the talks were constructive and that a second round would follow next week. ")


def redline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redline.cli", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})


def test_export_safe_cell_prefixes_formula_starts():
    for value in ("=1+1", "+44 20", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =HYPERLINK(\"x\")"):
        assert safe_cell(value) == "'" + value
    assert safe_cell("Iran said") == "Iran said"
    assert safe_cell(-3) == -3 and safe_cell(None) is None


def test_export_csv_holds_no_live_formula(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": f"f{i}", "title": title, "source": source, "url": f"https://example.org/{i}",
             "date": "2026-03-01", "text": f"{title} {BODY * 3}"}
            for i, (title, source) in enumerate([("=HYPERLINK(\"http://evil\",\"x\")", "+Wire"),
                                                 ("@SUM(1,2) report", "-Desk"), ("\t=cmd|' /C calc'!A0", "=Feed")])]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "x.db"
    assert redline("ingest", str(feed), "--db", str(db), "--no-nlp").returncode == 0
    done = redline("export", "--db", str(db), "--table", "articles", "--format", "csv")
    assert done.returncode == 0, done.stderr
    cells = [cell for row in csv.reader(io.StringIO(done.stdout)) for cell in row]
    assert len(cells) > 3 * len(export_columns("articles")) - 1
    # a spreadsheet strips leading blanks before it decides; no cell may start a formula after that
    live = [c for c in cells if c.lstrip().startswith(FORMULA_STARTS) or c.startswith(FORMULA_STARTS)]
    assert live == []
    assert sum(1 for c in cells if c.startswith("'")) >= 6  # three titles and three sources were neutralised


def test_export_empty_table_writes_header(tmp_path):
    db = tmp_path / "empty.db"
    Store(db).close()
    for table in ("articles", "positions", "events"):
        out = tmp_path / f"{table}.csv"
        done = redline("export", "--db", str(db), "--table", table, "--format", "csv", "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert next(csv.reader(out.open(encoding="utf-8"))) == export_columns(table)
    assert {"confidence", "issue_text", "issue_start", "issue_end", "article_id"} <= set(export_columns("positions"))
