import gzip

from redline.ingest.sniff import gunzip_head, is_gzip, sniff_format


def test_sniff_formats_from_content():
    assert sniff_format(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert sniff_format(b'{"text": "a"}\n{"text": "b"}\n') == "json"
    assert sniff_format(b'  [{"text": "a"}]') == "json"
    assert sniff_format(b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format(b"Skip to content\nTalks resume in Oman\nThe envoy said...") == "text"


def test_sniff_looks_inside_gzip():
    data = gzip.compress(b"<html><head><title>t</title></head></html>")
    assert is_gzip(data)
    assert sniff_format(gunzip_head(data)) == "html"
