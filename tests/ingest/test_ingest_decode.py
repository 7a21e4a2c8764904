from redline.ingest.decode import decode_bytes, looks_binary


def test_decode_utf8_passes_through():
    assert decode_bytes("Araghchi said “yes”".encode("utf-8")).text == "Araghchi said “yes”"


def test_decode_cp1252_detected_when_not_utf8():
    text = "The envoy, José Müller, called the offer “serious” and said talks would resume in Genève next week. " * 3
    decoded = decode_bytes(text.encode("cp1252"))
    assert "José Müller" in decoded.text
    assert "“serious”" in decoded.text


def test_decode_html_meta_charset_is_trusted():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Müller</p></body></html>'.encode("latin-1")
    decoded = decode_bytes(html, html=True)
    assert "Müller" in decoded.text
    assert decoded.encoding == "iso-8859-1"


def test_decode_utf16_with_bom():
    data = "Talks resumed in Muscat.".encode("utf-16")
    assert decode_bytes(data).text == "Talks resumed in Muscat."


def test_decode_binary_is_recognised():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary("plain text, with a tab\tand lines\n".encode())
    assert not looks_binary("Müller".encode("utf-16"))
