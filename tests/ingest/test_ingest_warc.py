import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from redline.ingest.options import IngestOptions
from redline.ingest.read import read_input
from redline.ingest.sources import InputFile
from redline.records import Document, Problem

PAGE = b"<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1><p>Body text.</p></article></body></html>"


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    """A gzipped WARC with one response record per (uri, payload, content type)."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, payload, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))


def _read(path: Path):
    return list(read_input(InputFile(name=str(path), path=path, size=path.stat().st_size), options=IngestOptions.load()))


def test_warc_response_records_become_html_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://www.example.org/a", PAGE, "text/html; charset=utf-8"),
                      ("https://example.org/logo.png", b"\x89PNG\r\n", "image/png")])
    found = _read(path)
    documents = [d for d in found if isinstance(d, Document)]
    assert len(documents) == 1
    assert documents[0].kind == "html" and documents[0].url == "https://www.example.org/a"
    assert documents[0].source == "example.org"
    assert any(isinstance(d, Problem) and "not a page" in d.reason for d in found)


def test_warc_truncated_keeps_records_before_the_break(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.org/{i}", PAGE.replace(b"Body", b"Body %d" % i) * 40, "text/html") for i in range(3)])
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])
    found = _read(cut)
    assert sum(isinstance(d, Document) for d in found) == 2
    problem = [d for d in found if isinstance(d, Problem)]
    assert len(problem) == 1 and "truncated or corrupt WARC after 2 complete" in problem[0].reason


def test_warc_record_cut_mid_body_is_reported_not_kept(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.org/{i}", PAGE * 60, "text/html") for i in range(2)])
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    found = _read(cut)
    assert sum(isinstance(d, Document) for d in found) == 1
    assert any(isinstance(d, Problem) and "truncated" in d.reason for d in found)
