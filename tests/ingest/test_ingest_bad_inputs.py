"""Every kind of bad input gets a one-line reason and the rest of the run goes on."""

import gzip
import shutil

from redline.pipeline import ingest
from redline.pipeline import extract
from redline.store import Store


def _reasons(summary) -> dict[str, str]:
    return {p.input.rsplit("/", 1)[-1]: p.reason for p in summary.problems}


def test_bad_inputs_each_reported_once_and_good_ones_kept(examples, tmp_path):
    result = extract([str(examples / "bad"), str(examples / "feed.jsonl")])
    reasons = _reasons(result.summary)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.bin"].startswith("binary file")
    assert "broken JSON line" in reasons["broken.jsonl:2"]
    assert reasons["german.txt"].startswith("non-English (de)")
    assert any("truncated" in p.reason for p in result.summary.problems if "truncated.warc.gz" in p.input)
    assert all("\n" not in reason for reason in reasons.values())
    by_input = {a.input.rsplit("/", 1)[-1]: a for a in result.articles}
    assert "broken.jsonl:1" in by_input and "broken.jsonl:3" in by_input
    assert by_input["german.txt"].language == "de" and by_input["german.txt"].flags == ["non_english"]
    latin = by_input["latin1.txt"]
    assert "€25 million" in latin.text or "€" in (latin.title or "") + latin.text
    assert "\ufffd" not in latin.text
    assert len([a for a in result.articles if a.input.endswith(("feed.jsonl:1", "feed.jsonl:5"))]) == 2


def test_bad_inputs_huge_page_and_missing_path_do_not_stop_the_run(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("w") as handle:
        for _ in range(50 * 1024):
            handle.write(("word " * 204) + "\n")  # 50 MB of text
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "Envoys met in Muscat on Friday."}\n')
    result = extract([str(huge), str(tmp_path / "missing.txt"), str(good)])
    reasons = _reasons(result.summary)
    assert "too large" in reasons["huge.txt"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert [a.text for a in result.articles] == ["Envoys met in Muscat on Friday."]


def test_bad_inputs_index_page_yields_no_article(examples):
    result = extract([str(examples / "html" / "meridian-middle-east-index.html")])
    assert result.articles == []
    assert "no article" in result.summary.problems[0].reason


def test_bad_inputs_corrupt_gzip_is_reported(tmp_path):
    data = gzip.compress(b"<html><body><p>" + b"Talks resumed. " * 500 + b"</p></body></html>")
    (tmp_path / "page.html.gz").write_bytes(data[: len(data) // 2])
    result = extract([str(tmp_path)])
    assert "corrupt compressed file" in result.summary.problems[0].reason


def test_bad_inputs_ingest_keeps_going_into_the_store(examples, tmp_path):
    shutil.copytree(examples / "bad", tmp_path / "bad")
    with Store(tmp_path / "r.db") as store:
        summary = ingest([str(tmp_path / "bad")], store=store)
        assert store.counts().articles == summary.articles >= 4


def test_bad_inputs_odd_dates_and_urls_keep_every_record(tmp_path):
    # D4: a superscript digit, a 400-digit number and an unparseable netloc once raised and lost the file
    body = "Envoys from both governments met in Muscat on Friday to discuss the terms of a ceasefire."
    feed = tmp_path / "odd.jsonl"
    feed.write_text("\n".join([
        '{"text": "%s", "date": "\u00b2"}' % body,
        '{"text": "%s", "date": %s}' % (body + " One.", "9" * 400),
        '{"text": "%s", "date": "%s"}' % (body + " Two.", "1" * 400),
        '{"text": "%s", "url": "http://[::1/x", "source": "http://[::1"}' % (body + " Three."),
        '{"text": "%s", "date": "\u0662\u0660\u0662\u0666-03-01"}' % (body + " Four."),
        '{"text": "%s", "date": "2026-03-01"}' % (body + " Five."),
    ]) + "\n", encoding="utf-8")
    result = extract([str(feed)])
    assert result.summary.problems == []
    dated = {a.input.rsplit(":", 1)[-1]: a.published for a in result.articles}
    assert dated == {"1": None, "2": None, "3": None, "4": None, "5": None, "6": "2026-03-01"}
