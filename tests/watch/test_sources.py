"""Sources from the command line and from a YAML sources file, checked with one-line reasons."""

from __future__ import annotations

import pytest

from redline.watch import Source, SourcesError, load_sources


def test_sources_urls_and_file(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("sources:\n  - url: https://a.test/rss\n    name: A\n    language: en\n    keywords: Iran\n"
                    "  - https://b.test/sitemap.xml\n", encoding="utf-8")
    found = load_sources(["https://c.test/feed.json", str(path)])
    assert [s.url for s in found] == ["https://c.test/feed.json", "https://a.test/rss", "https://b.test/sitemap.xml"]
    assert found[1] == Source(url="https://a.test/rss", name="A", language="en", keywords=("Iran",))


def test_sources_keeps_filters_by_keyword_and_language():
    source = Source(url="https://a.test", name="a", language="en", keywords=("iran", "Nuclear"))
    assert source.keeps("IRAN talks", "en-GB") and source.keeps("nuclear deal", None)
    assert not source.keeps("Football", "en") and not source.keeps("Iran talks", "fr")


@pytest.mark.parametrize("content, reason", [
    ("sources: 3\n", "expected a list of sources"),
    ("- url: ftp://x\n", "not an http(s) URL"),
    ("- url: https://x.test\n  colour: red\n", "unknown key(s) colour"),
    ("- url: https://x.test\n  rate_per_second: 0\n", "rate_per_second must be above 0"),
    ("[unclosed\n", "not valid YAML"),
])
def test_sources_file_errors_are_one_line(tmp_path, content, reason):
    path = tmp_path / "s.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourcesError) as error:
        load_sources([str(path)])
    assert reason in str(error.value) and "\n" not in str(error.value)


def test_sources_listed_twice_or_not_a_url():
    with pytest.raises(SourcesError, match="listed twice"):
        load_sources(["https://a.test/rss", "https://a.test/rss"])
    with pytest.raises(SourcesError, match="not an http"):
        load_sources(["feeds.txt"])
