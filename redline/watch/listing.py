"""What a feed or sitemap lists: entries with a URL and what identifies their version.

RSS and Atom are read with feedparser, JSON Feed with the json module (feedparser 6 does not read it),
sitemaps and news sitemaps (and sitemap indexes) with lxml, entities and network access off.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import urljoin

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One listed article: its URL, and the id/date/title that tell a changed entry from a seen one."""

    url: str
    id: str | None = None
    title: str | None = None
    summary: str | None = None
    updated: str | None = None
    published: str | None = None
    language: str | None = None

    @property
    def signature(self) -> str:
        """A hash of what identifies this version of the entry: a new value means the entry changed."""
        parts = "\x1f".join(str(v or "") for v in (self.url, self.id, self.updated, self.title))
        return hashlib.blake2b(parts.encode("utf-8"), digest_size=10).hexdigest()


@dataclass(slots=True)
class Listing:
    """A parsed feed or sitemap: its kind, entries, nested sitemaps, and a problem when it could not be read."""

    kind: str  # rss | atom | jsonfeed | sitemap | sitemapindex | unknown
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    problem: str | None = None


def parse_listing(body: bytes, *, url: str, content_type: str = "") -> Listing:
    """The entries of a feed or sitemap body, or a Listing with a one-line problem."""
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    if not head:
        return Listing(kind="unknown", problem="empty feed or sitemap")
    if head[:1] == b"{":
        return _json_feed(body, url=url)
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(body, url=url)
    return _feed(body, url=url, content_type=content_type)


def _feed(body: bytes, *, url: str, content_type: str = "") -> Listing:
    """An RSS or Atom feed read by feedparser (a malformed one is reported, its readable entries kept)."""
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or ""
    problem = None
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), benign):
        problem = f"malformed feed: {_one_line(parsed.bozo_exception)}"
    if not version and not parsed.entries:
        return Listing(kind="unknown", problem=problem or "not an RSS, Atom or JSON feed, nor a sitemap")
    language = parsed.feed.get("language")
    entries = [e for e in (_feed_entry(item, base=url, language=language) for item in parsed.entries) if e]
    kind = "atom" if version.startswith("atom") else "rss"
    if problem and not entries:
        return Listing(kind=kind, problem=problem)
    return Listing(kind=kind, entries=entries, problem=problem)


def _feed_entry(item, *, base: str, language: str | None) -> Entry | None:
    """One feedparser entry as an Entry (None without a link)."""
    link = item.get("link") or next((l.get("href") for l in item.get("links", []) if l.get("href")), None)
    if not link:
        return None
    return Entry(url=urljoin(base, link), id=item.get("id"), title=item.get("title"), summary=item.get("summary"),
                 updated=dict.get(item, "updated"), published=dict.get(item, "published"),  # no feedparser fallback mapping
                 language=(item.get("title_detail") or {}).get("language") or language)


def _json_feed(body: bytes, *, url: str) -> Listing:
    """A JSON Feed (jsonfeed.org 1.0/1.1)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        return Listing(kind="jsonfeed", problem=f"malformed JSON feed: {_one_line(error)}")
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")) or not isinstance(data.get("items"), list):
        return Listing(kind="unknown", problem="JSON that is not a JSON Feed (no jsonfeed.org version and items list)")
    entries = []
    for item in data["items"]:
        link = item.get("url") or item.get("external_url") if isinstance(item, dict) else None
        if link:
            entries.append(Entry(url=urljoin(url, str(link)), id=str(item.get("id") or "") or None, title=item.get("title"),
                                 summary=item.get("summary") or item.get("content_text"), updated=item.get("date_modified"),
                                 published=item.get("date_published"), language=item.get("language") or data.get("language")))
    return Listing(kind="jsonfeed", entries=entries)


def _sitemap(body: bytes, *, url: str) -> Listing:
    """A sitemap, news sitemap or sitemap index, parsed without entities or network access."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        return Listing(kind="sitemap", problem=f"malformed sitemap: {_one_line(error)}")
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = [_text(s, "loc") for s in root if etree.QName(s).localname == "sitemap"]
        return Listing(kind="sitemapindex", sitemaps=[urljoin(url, loc) for loc in locs if loc])
    entries = []
    for node in root:
        if not isinstance(node.tag, str) or etree.QName(node).localname != "url":
            continue
        loc = _text(node, "loc")
        if not loc:
            continue
        news = node.find(f"{_NEWS_NS}news")
        title = _text(news, "title", ns=_NEWS_NS) if news is not None else None
        published = _text(news, "publication_date", ns=_NEWS_NS) if news is not None else None
        language = news.findtext(f"{_NEWS_NS}publication/{_NEWS_NS}language") if news is not None else None
        entries.append(Entry(url=urljoin(url, loc), title=title, updated=_text(node, "lastmod") or published,
                             published=published, language=language))
    return Listing(kind="sitemap", entries=entries)


def _text(node, name: str, *, ns: str = _SITEMAP_NS) -> str | None:
    """The stripped text of a child element (namespaced, or not when the sitemap omits the namespace)."""
    value = node.findtext(f"{ns}{name}")
    if value is None:
        value = node.findtext(name)
    return value.strip() if value and value.strip() else None


def _one_line(error: object) -> str:
    """An exception's message on one line."""
    return " ".join(str(error).split()) or type(error).__name__
