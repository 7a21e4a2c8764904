import io
import json

from redline.ingest.jsonl import read_json_stream
from redline.ingest.options import IngestOptions
from redline.records import Document, Problem

OPTIONS = IngestOptions.load()


def _read(data: bytes):
    return list(read_json_stream(io.BytesIO(data), name="feed.jsonl", options=OPTIONS))


def test_jsonl_accepts_common_scraper_field_names():
    lines = [
        {"title": "Talks resume", "text": "Envoys met in Muscat.", "date": "2026-02-06", "url": "https://www.example.org/a", "source": "Example Wire"},
        {"title": "Second round", "maintext": "Negotiators met again.", "date_publish": "2026-02-12 08:30:00", "source_domain": "news.example.com"},
        {"headline": "Page", "html": "<html><body><p>Body</p></body></html>", "url": "https://example.net/p"},
    ]
    found = _read(b"\n".join(json.dumps(line).encode() for line in lines))
    assert [type(d) for d in found] == [Document, Document, Document]
    first, second, third = found
    assert (first.kind, first.title, first.published, first.source, first.url) == (
        "record", "Talks resume", "2026-02-06", "Example Wire", "https://www.example.org/a")
    assert (second.content, second.published, second.source) == ("Negotiators met again.", "2026-02-12", "news.example.com")
    assert third.kind == "html" and third.source == "example.net"
    assert first.input == "feed.jsonl:1" and third.input == "feed.jsonl:3"


def test_jsonl_broken_line_reports_its_number_and_keeps_the_rest():
    data = b'{"text": "one"}\n{"text": "two"\n\n{"text": "three"}\n'
    found = _read(data)
    assert [d.content for d in found if isinstance(d, Document)] == ["one", "three"]
    problems = [d for d in found if isinstance(d, Problem)]
    assert len(problems) == 1 and problems[0].input == "feed.jsonl:2"
    assert "broken JSON line" in problems[0].reason


def test_jsonl_record_without_body_is_a_problem():
    found = _read(b'{"title": "only a title"}\n[1, 2]\n')
    assert all(isinstance(d, Problem) for d in found)
    assert "no body field" in found[0].reason and "not an object" in found[1].reason


def test_json_array_and_wrapped_list_are_read():
    array = json.dumps([{"text": "a"}, {"text": "b"}], indent=2).encode()
    assert [d.content for d in _read(array)] == ["a", "b"]
    wrapped = json.dumps({"status": "ok", "articles": [{"content": "c"}]}, indent=2).encode()
    assert [d.content for d in _read(wrapped)] == ["c"]


def test_jsonl_same_record_gets_same_key():
    one = _read(b'{"text": "same"}\n')[0]
    two = _read(b'\n{"text": "same"}  \n')[0]
    assert one.key == two.key


def test_jsonl_source_domain_loses_www_but_names_stay():
    found = _read(b'{"text": "a", "source_domain": "www.example.com"}\n{"text": "b", "source": "Example Wire"}\n')
    assert [d.source for d in found] == ["example.com", "Example Wire"]
