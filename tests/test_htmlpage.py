from redline.htmlpage import extract_html

ARTICLE = """<!doctype html><html lang="en"><head><title>Envoys meet in Muscat | Example Wire</title>
<meta property="article:published_time" content="2026-02-06T09:00:00Z">
<link rel="canonical" href="https://www.example-wire.org/world/envoys-meet"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Envoys meet in Muscat</h1>
<p>Envoys from both governments met in the Omani capital on Friday for a first round of indirect talks, officials said.</p>
<p>The mediator carried messages between the two delegations, which sat in separate rooms for most of the day.</p>
<p>Neither side described the talks as a breakthrough, but both said they were willing to meet again next week.</p>
</article><aside><h2>Most read</h2><ul><li><a href="/x">Storm hits coast</a></li></ul></aside>
<footer>Copyright 2026 Example Wire. All rights reserved.</footer></body></html>"""


def test_htmlpage_extracts_body_title_date_and_source():
    page = extract_html(ARTICLE)
    assert page is not None
    assert page.text.startswith("Envoys from both governments met")
    assert "Most read" not in page.text and "All rights reserved" not in page.text
    assert page.title.startswith("Envoys meet in Muscat")
    assert page.published == "2026-02-06"
    assert page.source == "example-wire.org"


def test_htmlpage_without_body_gives_none():
    assert extract_html("") is None
