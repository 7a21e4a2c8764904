"""Markdown with YAML front matter as its own input format, through the real CLI into a real store."""

from __future__ import annotations

from hostile import good_article, run_cli

from redline.ingest.markdown import has_front_matter, reduce_markdown, split_front_matter
from redline.ingest.sniff import sniff_format
from redline.store import Store
from synth import article_text

CRAWLED = """---
title: "Talks resume in Muscat"
date: 2026-02-06T10:00:00Z
source: https://www.example-news.com/world/talks-resume
author:
  - Jane Roe
  - John Doe
tags: [iran, talks]
---

[Home](https://www.example-news.com/) | [World](https://www.example-news.com/world) | [Sport](/sport)

# Example News: world

![A photo of the delegations](https://img.example.com/a.jpg)

The **delegations** met in [Muscat](https://en.example.org/Muscat) on *Friday* morning, and they agreed
to meet again next week, the foreign ministry said in a statement.

{body}
"""


def test_ingest_markdown_crawled_page_yields_title_date_source(tmp_path):
    page = tmp_path / "crawl" / "talks-resume.md"
    page.parent.mkdir()
    page.write_text(CRAWLED.format(body=article_text(3)), encoding="utf-8")
    (tmp_path / "crawl" / "plain.txt").write_text(good_article(4), encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli("ingest", str(tmp_path / "crawl"), "--db", str(db), "--no-nlp")
    assert run.returncode == 0, run.stderr
    with Store(db, readonly=True) as store:
        stored = {a.input.rsplit("/", 1)[-1]: a for a in store.articles()}
    article = stored["talks-resume.md"]
    assert article.format == "markdown"
    assert article.title == "Talks resume in Muscat"
    assert article.published == "2026-02-06"
    assert article.url == "https://www.example-news.com/world/talks-resume"
    assert article.source == "example-news.com"
    assert article.author == "Jane Roe, John Doe"
    # the body is reduced from Markdown: no markup, no link targets, no image, no front matter
    assert "The delegations met in Muscat on Friday morning, and they agreed to meet again" in article.text
    for markup in ("**", "](", "![", "https://", "tags:", "---"):
        assert markup not in article.text, markup
    assert stored["plain.txt"].format == "text"  # the page beside it is read as before


def test_ingest_markdown_front_matter_source_name_and_synonyms():
    page = split_front_matter("---\nheadline: A\nsite_name: Example Daily\nlink: https://e.example/a\n"
                              "published: 'Fri, 06 Feb 2026 10:00:00 +0000'\n---\nBody text.\n")
    assert (page.title, page.source, page.url, page.published) == ("A", "Example Daily", "https://e.example/a", "2026-02-06")
    assert page.body == "Body text.\n"


def test_ingest_markdown_sniffs_only_a_real_front_matter():
    assert sniff_format(b"---\ntitle: A\n---\nBody\n") == "markdown"
    assert has_front_matter(b"\xef\xbb\xbf---\r\ndate: 2026-02-01\r\n...\r\nBody\r\n")
    assert sniff_format(b"---\nno key line here\n---\nBody\n") == "text"  # a rule, then prose
    assert sniff_format(b"---\ntitle: never closed\nBody\n") == "text"
    assert sniff_format(b"# A heading\n\nPlain Markdown with no front matter.\n") == "text"


def test_ingest_markdown_broken_front_matter_keeps_the_body_with_no_metadata():
    page = split_front_matter("---\ntitle: [unclosed\n---\nThe body stays.\n")
    assert page.title is None and page.body == "The body stays.\n"
    assert split_front_matter("---\n- a list\n---\nBody\n").title is None


def test_ingest_markdown_reduction_drops_markup_keeps_blocks():
    text = reduce_markdown("## Heading\n\nA *very* [linked](http://x.example) word.\n\n> quoted line\n\n"
                           "```\ncode stays\n```\n\n<div>raw html</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    lines = [line for line in text.splitlines() if line]
    assert lines[:4] == ["Heading", "A very linked word.", "quoted line", "code stays"]
    assert "raw html" not in text and "http" not in text and "1 2" in text.splitlines()
