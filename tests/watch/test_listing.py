"""Feeds and sitemaps parsed into entries: RSS, Atom, JSON Feed, news sitemaps, sitemap indexes, bad input."""

from __future__ import annotations

import json

from redline.watch import parse_listing
from watch_site import atom, rss, sitemap


def test_listing_rss_and_atom_entries_with_links_resolved():
    feed = parse_listing(rss([("One", "/a/1"), ("Two", "http://other.test/2")]).encode(), url="http://site.test/rss")
    assert feed.kind == "rss" and feed.problem is None
    assert [e.url for e in feed.entries] == ["http://site.test/a/1", "http://other.test/2"]
    assert feed.entries[0].title == "One" and feed.entries[0].published
    entries = parse_listing(atom([("A", "http://site.test/x")]).encode(), url="http://site.test/atom").entries
    assert [(e.url, e.updated) for e in entries] == [("http://site.test/x", "2026-03-02T09:00:00Z")]


def test_listing_json_feed():
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "language": "en",
                       "items": [{"id": "1", "url": "/p/1", "title": "P", "date_modified": "2026-03-03T00:00:00Z"},
                                 {"id": "2", "content_text": "no link"}]}).encode()
    listing = parse_listing(body, url="http://site.test/feed.json")
    assert listing.kind == "jsonfeed"
    assert [(e.url, e.id, e.language) for e in listing.entries] == [("http://site.test/p/1", "1", "en")]


def test_listing_news_sitemap_and_sitemap_index():
    listing = parse_listing(sitemap(["http://site.test/s/1"]).encode(), url="http://site.test/sitemap.xml")
    (entry,) = listing.entries
    assert (entry.url, entry.title, entry.published, entry.language) == ("http://site.test/s/1", "Story", "2026-03-02", "en")
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             "<sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap></sitemapindex>")
    nested = parse_listing(index.encode(), url="http://site.test/index.xml")
    assert nested.kind == "sitemapindex" and nested.sitemaps == ["http://site.test/news-1.xml", "http://site.test/news-2.xml"]


def test_listing_signature_changes_with_the_entry():
    before = parse_listing(rss([("One", "http://s.test/1")]).encode(), url="http://s.test/").entries[0]
    after = parse_listing(rss([("One, updated", "http://s.test/1")]).encode(), url="http://s.test/").entries[0]
    again = parse_listing(rss([("One", "http://s.test/1")]).encode(), url="http://s.test/").entries[0]
    assert before.signature == again.signature != after.signature


def test_listing_bad_input_has_a_clear_reason():
    assert parse_listing(b"", url="u").problem == "empty feed or sitemap"
    assert parse_listing(b"plain words, no markup", url="u").problem.startswith("malformed feed:")
    assert parse_listing(b"{not json", url="u").problem.startswith("malformed JSON feed:")
    assert parse_listing(b'{"items": []}', url="u").problem == "JSON that is not a JSON Feed (no jsonfeed.org version and items list)"
    broken = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc>'
    assert parse_listing(broken, url="u").problem.startswith("malformed sitemap:")
    entity = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
              b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://s.test/&e;</loc></url></urlset>')
    assert all("root:" not in e.url for e in parse_listing(entity, url="u").entries)
