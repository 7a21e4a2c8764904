"""One test per hostile input of issue 17 (D1-D3, D5-D10, D18-D21): each written here, each run through the
real CLI. The hostile unit is named with its reason, the good inputs beside it are stored, no traceback
reaches the user, and time and memory stay bounded (D7-D9: under 30 s of CPU for the whole process,
interpreter and spaCy start included, measured by the child itself so that a loaded machine does not
change it; and under 1 GB peak resident memory)."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from hostile import good_article, no_traceback, run_cli, stored_inputs
from synth import article_text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from redline.store import Store

GOOD_RECORD = json.dumps({"title": "Envoys meet", "text": article_text(901)})


def _config(tmp_path: Path, **bounds) -> Path:
    """A --config file overriding some bounds."""
    path = tmp_path / "bounds.yaml"
    path.write_text("bounds:\n" + "".join(f"  {k}: {v}\n" for k, v in bounds.items()))
    return path


def _ingest(tmp_path: Path, *inputs, nlp: bool = False, config: Path | None = None, stdin=None, timeout: float = 120):
    """`redline ingest INPUTS` into tmp_path/r.db, measured."""
    args = ["ingest", *map(str, inputs), "--db", str(tmp_path / "r.db"), "--nlp" if nlp else "--no-nlp"]
    if config is not None:
        args += ["--config", str(config)]
    return run_cli(*args, stdin=stdin, timeout=timeout)


def _reason_lines(run, name: str) -> list[str]:
    """The summary lines naming an input."""
    return [line.strip() for line in run.stderr.splitlines() if name in line]


def test_ingest_hostile_d1_article_over_a_million_characters(tmp_path):
    (tmp_path / "long.txt").write_text("A very long report\n\n" + (article_text(1) + "\n\n") * 1200)
    (tmp_path / "good.txt").write_text(good_article(2))
    assert (tmp_path / "long.txt").stat().st_size > 1_000_000
    run = _ingest(tmp_path, tmp_path / "long.txt", tmp_path / "good.txt", nlp=True,
                  config=_config(tmp_path, max_nlp_chars=20000), timeout=240)
    assert run.returncode == 0 and no_traceback(run), run.stderr
    assert any("analysed the first 20,000 of" in line for line in _reason_lines(run, "long.txt"))
    with Store(tmp_path / "r.db", readonly=True) as store:
        by_name = {Path(a.input).name: a for a in store.articles()}
        assert "nlp_bounded" in by_name["long.txt"].flags and len(by_name["long.txt"].text) > 1_000_000
        assert store.article(by_name["good.txt"].id).analysed


def _gz_records(count: int) -> bytes:
    return gzip.compress(b"".join(json.dumps({"text": article_text(10 + n)}).encode() + b"\n" for n in range(count)))


@pytest.mark.parametrize("damage", ["cut", "crc", "junk", "json-cut"])
def test_ingest_hostile_d2_damaged_gzip_json_keeps_records_before(tmp_path, damage):
    data = _gz_records(40)
    if damage == "cut":
        data = data[: len(data) * 3 // 4]
    elif damage == "crc":
        data = data[:-8] + bytes([data[-8] ^ 0xFF]) + data[-7:]
    elif damage == "junk":
        data = data + b"trailing junk that is not gzip"
    else:
        data = gzip.compress(json.dumps([{"text": article_text(n)} for n in range(40)]).encode())
        data = data[: len(data) // 2]
    name = "feed.json.gz" if damage == "json-cut" else "feed.jsonl.gz"
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(good_article(3))
    run = _ingest(tmp_path, tmp_path / name, tmp_path / "good.txt")
    assert run.returncode == 3 and no_traceback(run), run.stderr
    reasons = _reason_lines(run, name)
    assert len(reasons) == 1 and "corrupt compressed file after" in reasons[0], run.stderr
    stored = stored_inputs(tmp_path / "r.db")
    assert any(s.endswith("good.txt") for s in stored)
    if damage != "json-cut":  # a cut JSON document holds no complete value; JSON Lines keep the records read
        assert sum(name in s for s in stored) >= (40 if damage in ("crc", "junk") else 10)


@pytest.mark.parametrize("shape", ["arrays", "objects", "jsonl-line"])
def test_ingest_hostile_d3_json_nested_100000_deep(tmp_path, shape):
    depth = 100_000
    if shape == "arrays":
        content = "[" * depth + "]" * depth
    elif shape == "objects":
        content = '{"a":' * depth + "1" + "}" * depth
    else:
        content = "\n".join([GOOD_RECORD, '{"text":' + "[" * depth + "]" * depth + "}",
                             json.dumps({"text": article_text(902)})]) + "\n"
    (tmp_path / "deep.json").write_text(content)
    (tmp_path / "good.txt").write_text(good_article(4))
    run = _ingest(tmp_path, tmp_path / "deep.json", tmp_path / "good.txt")
    assert run.returncode == 3 and no_traceback(run), run.stderr
    assert any("nested deeper than 64 levels" in line for line in _reason_lines(run, "deep.json")), run.stderr
    stored = stored_inputs(tmp_path / "r.db")
    assert any(s.endswith("good.txt") for s in stored)
    if shape == "jsonl-line":
        assert sorted(s.rsplit(":", 1)[1] for s in stored if "deep.json" in s) == ["1", "3"]


def test_ingest_hostile_d5_lone_surrogate_repaired_and_flagged(tmp_path):
    record = '{"title": "Talks \\ud800 resume", "text": "%s \\udfff end."}' % article_text(5).replace("\n", " ")
    (tmp_path / "feed.jsonl").write_text(record + "\n" + GOOD_RECORD + "\n")
    run = _ingest(tmp_path, tmp_path / "feed.jsonl")
    assert run.returncode == 0 and no_traceback(run), run.stderr
    assert any("text repaired: 2 lone surrogate" in line for line in _reason_lines(run, "feed.jsonl:1"))
    with Store(tmp_path / "r.db", readonly=True) as store:
        first = next(a for a in store.articles() if a.input.endswith(":1"))
        assert first.title == "Talks \ufffd resume" and "repaired" in first.flags
    listed = run_cli("articles", "--db", str(tmp_path / "r.db"))
    assert listed.returncode == 0 and "Talks" in listed.stdout, listed.stderr


def test_ingest_hostile_d6_undecodable_file_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw_folder = os.fsencode(folder)
    for name, seed in ((b"caf\xe9.txt", 6), (b"\xff\xfe-report.txt", 7)):
        Path(os.fsdecode(raw_folder + b"/" + name)).write_text(good_article(seed))
    named = os.fsdecode(os.fsencode(tmp_path) + b"/na\xefve.txt")
    Path(named).write_text(good_article(8))
    run = _ingest(tmp_path, folder, named)
    assert run.returncode == 0 and no_traceback(run), run.stderr
    stored = stored_inputs(tmp_path / "r.db")
    assert len(stored) == 3
    assert {Path(s).name for s in stored} == {"caf\\xe9.txt", "\\xff\\xfe-report.txt", "na\\xefve.txt"}


def _gzip_line(total_mb: int) -> bytes:
    """One JSON Lines "line" of `total_mb` MB, as concatenated gzip members (small on disk)."""
    member = gzip.compress(b'{"text": "' + b"a" * (16 * 1024 * 1024), compresslevel=9)
    return member * (total_mb // 16)


def test_ingest_hostile_d7_huge_lines_and_stdin_bounded(tmp_path):
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as handle:
        handle.write(GOOD_RECORD.encode() + b"\n" + b'{"text": "')
        for _ in range(200):
            handle.write(b"b" * (1024 * 1024))
        handle.write(b'"}\n' + json.dumps({"text": article_text(903)}).encode() + b"\n")
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(GOOD_RECORD.replace("901", "x").encode() + b"\n") + _gzip_line(1024)
                     + gzip.compress(b'"}\n' + json.dumps({"text": article_text(904)}).encode() + b"\n"))
    run = _ingest(tmp_path, huge, bomb, timeout=120)
    assert run.returncode == 3 and no_traceback(run), run.stderr
    assert run.cpu_seconds < 30 and run.peak_mb < 1024, (run.cpu_seconds, run.seconds, run.peak_mb)
    assert any("record too large" in line for line in _reason_lines(run, "huge.jsonl:2"))
    assert any("record too large" in line for line in _reason_lines(run, "bomb.jsonl.gz:2"))
    stored = stored_inputs(tmp_path / "r.db")
    assert sorted(Path(s).name for s in stored) == ["bomb.jsonl.gz:1", "bomb.jsonl.gz:3", "huge.jsonl:1", "huge.jsonl:3"]


def test_ingest_hostile_d7_two_gigabytes_on_stdin(tmp_path):
    config = _config(tmp_path, max_stdin_mb=64)
    args = [sys.executable, "-c", "import runpy, sys; sys.argv = ['redline'] + sys.argv[1:]; "
            "runpy.run_module('redline.cli', run_name='__main__')",
            "ingest", "-", "--db", str(tmp_path / "r.db"), "--no-nlp", "--config", str(config)]
    child = subprocess.Popen(args, stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)

    def feed() -> None:
        chunk = b"word " * (1024 * 1024 // 5)
        try:
            for _ in range(2048):  # 2 GB
                child.stdin.write(chunk)
        except (BrokenPipeError, OSError, ValueError):
            pass
        finally:
            try:
                child.stdin.close()
            except OSError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    stderr = child.stderr.read()  # the writer thread owns stdin; the child exits once it has read its bound
    child.wait(timeout=60)
    writer.join(timeout=10)
    text = stderr.decode()
    assert "Traceback" not in text and "stream over 64 MB" in text, text
    assert child.returncode == 3


@pytest.mark.parametrize("run_of", ["quotes", "dashes", "apostrophes"])
def test_ingest_hostile_d8_one_token_runs_bounded(tmp_path, run_of):
    body = {"quotes": 'He said "' + '"' * 200_000, "dashes": "- " * 100_000, "apostrophes": "He said ’" + "’" * 12_477}[run_of]
    hostile = json.dumps({"title": "Talks stall", "text": f"{article_text(20)}\n\n{body}\n\n{article_text(21)}"})
    (tmp_path / "runs.jsonl").write_text(hostile + "\n" + json.dumps({"text": article_text(22)}) + "\n")
    run = _ingest(tmp_path, tmp_path / "runs.jsonl", nlp=True, timeout=120)
    assert run.returncode == 0 and no_traceback(run), run.stderr
    assert run.cpu_seconds < 30 and run.peak_mb < 1024, (run.cpu_seconds, run.seconds, run.peak_mb)
    assert any("degenerate runs" in line for line in _reason_lines(run, "runs.jsonl:1")), run.stderr
    with Store(tmp_path / "r.db", readonly=True) as store:
        assert [store.article(a.id).analysed for a in store.articles()] == [True, True]


def test_ingest_hostile_d9_mr_pasted_62000_times_no_crash(tmp_path):
    (tmp_path / "mr.txt").write_text(f"Talks stall\n\n{article_text(30)}\n\n{'Mr. ' * 62_000}\n\n{article_text(31)}\n")
    (tmp_path / "good.txt").write_text(good_article(32))
    run = _ingest(tmp_path, tmp_path / "mr.txt", tmp_path / "good.txt", nlp=True, timeout=120)
    assert run.returncode == 0 and no_traceback(run), (run.returncode, run.stderr)
    assert run.cpu_seconds < 30 and run.peak_mb < 1024, (run.cpu_seconds, run.seconds, run.peak_mb)
    assert len(stored_inputs(tmp_path / "r.db")) == 2


def _warc(path: Path, uris: list[str]) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, uri in enumerate(uris):
            page = f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>" + "".join(
                f"<p>{p}</p>" for p in article_text(40 + n).split("\n\n")) + "</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page.encode()), http_headers=headers))


def test_ingest_hostile_d10_bad_record_in_warc_keeps_the_others(tmp_path):
    _warc(tmp_path / "crawl.warc.gz", ["https://a.example/1", "http://[::1/x", "https://a.example/3", "https://a.example/4"])
    (tmp_path / "only-version.warc").write_bytes(b"WARC/1.0\r\n")
    run = _ingest(tmp_path, tmp_path / "crawl.warc.gz", tmp_path / "only-version.warc")
    assert no_traceback(run), run.stderr
    stored = stored_inputs(tmp_path / "r.db")
    assert sum("crawl.warc.gz" in s for s in stored) == 4
    assert "truncated or corrupt" not in run.stderr
    assert any("WARC" in line for line in _reason_lines(run, "only-version.warc"))


def _fifo_writer(path: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        with open(path, "wb") as handle:
            handle.write(data)
    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_ingest_hostile_d18_fifo_and_process_substitution_read_as_streams(tmp_path):
    fifo = tmp_path / "feed.fifo"
    os.mkfifo(fifo)
    writer = _fifo_writer(fifo, (GOOD_RECORD + "\n").encode())
    run = _ingest(tmp_path, fifo, timeout=60)
    writer.join(timeout=5)
    assert run.returncode == 0 and no_traceback(run), run.stderr
    assert stored_inputs(tmp_path / "r.db") == [f"{fifo}:1"]
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": article_text(905)}) + "\n")
    command = (f"{sys.executable} -m redline.cli ingest <(cat {tmp_path / 'feed.jsonl'}) --db {tmp_path / 'r.db'} --no-nlp")
    result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    assert len(stored_inputs(tmp_path / "r.db")) == 2


def test_ingest_hostile_d18_silent_fifo_times_out(tmp_path):
    fifo = tmp_path / "silent.fifo"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(good_article(50))
    run = _ingest(tmp_path, fifo, tmp_path / "good.txt", config=_config(tmp_path, stream_idle_seconds=2), timeout=60)
    assert run.returncode == 3 and no_traceback(run), run.stderr
    assert any("no data for 2 s" in line for line in _reason_lines(run, "silent.fifo")), run.stderr
    assert run.seconds < 20
    assert [Path(s).name for s in stored_inputs(tmp_path / "r.db")] == ["good.txt"]


def test_ingest_hostile_d19_special_files_in_a_folder_get_reasons(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(good_article(60))
    os.mkfifo(folder / "pipe")
    (folder / "dangling").symlink_to(folder / "gone.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "only.warc").write_bytes(b"WARC/1.0\r\n")
    run = _ingest(tmp_path, folder, "/dev/null", timeout=60)
    assert run.returncode == 3 and no_traceback(run), run.stderr
    assert any("FIFO inside a folder" in line for line in _reason_lines(run, "pipe"))
    assert any("dangling symbolic link" in line for line in _reason_lines(run, "dangling"))
    assert any("holds no response records" in line for line in _reason_lines(run, "only.warc"))
    assert any("device" in line for line in _reason_lines(run, "/dev/null"))
    assert [Path(s).name for s in stored_inputs(tmp_path / "r.db")] == ["good.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_ingest_hostile_d19_unreadable_folder_gets_a_reason(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(good_article(61))
    (folder / "locked").chmod(0)
    try:
        run = _ingest(tmp_path, folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert any("unreadable folder" in line for line in _reason_lines(run, "locked"))


def test_ingest_hostile_d20_file_name_with_newline_and_escapes_one_line(tmp_path):
    name = "bad\nname \x1b[31mred\x1b[0m.txt"
    (tmp_path / name).write_text("")
    (tmp_path / "good.txt").write_text(good_article(70))
    run = _ingest(tmp_path, tmp_path)
    assert run.returncode == 3 and no_traceback(run)
    assert "\x1b" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if "empty file" in line]
    assert len(lines) == 1 and "bad\\nname \\x1b[31mred\\x1b[0m.txt: empty file" in lines[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_ingest_hostile_d21_wide_unicode_without_bom(tmp_path, encoding):
    body = article_text(80).replace("\n\n", "\n\nEnvoys in Doha – talks resumed on Friday, officials said. ", 1)
    page = f"Talks\n\n{body}\n"
    (tmp_path / "wide.txt").write_bytes(page.encode(encoding))
    run = _ingest(tmp_path, tmp_path / "wide.txt")
    assert run.returncode == 0 and no_traceback(run), run.stderr
    with Store(tmp_path / "r.db", readonly=True) as store:
        (article,) = list(store.articles())
        assert "Envoys in Doha – talks resumed" in article.text and "\x00" not in article.text


def test_ingest_hostile_d21_stray_nul_and_mixed_encodings(tmp_path):
    text = good_article(81)
    (tmp_path / "nul.txt").write_bytes(text.encode()[:100] + b"\x00" + text.encode()[100:] + b" " * 8000)
    mixed = (f"Talks\n\n{article_text(82)}\n\nEnvoys in Genève – the café talks – resumed, officials said.\n\n".encode()
             + "The delegation paid €5 for a café in Genève, officials said.\n\n".encode("cp1252") + article_text(83).encode())
    (tmp_path / "mixed.txt").write_bytes(mixed)
    run = _ingest(tmp_path, tmp_path / "nul.txt", tmp_path / "mixed.txt")
    assert run.returncode == 0 and no_traceback(run), run.stderr
    assert any("text repaired: 1" in line for line in _reason_lines(run, "nul.txt"))
    assert any("mixed encodings: 1 line" in line for line in _reason_lines(run, "mixed.txt"))
    with Store(tmp_path / "r.db", readonly=True) as store:
        by_name = {Path(a.input).name: a for a in store.articles()}
        assert "paid €5 for a café in Genève" in by_name["mixed.txt"].text and "the café talks – resumed" in by_name["mixed.txt"].text
        assert "\x00" not in by_name["nul.txt"].text and "repaired" in by_name["nul.txt"].flags
