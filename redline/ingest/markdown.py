"""Markdown with YAML front matter, as crawlers save pages: metadata from the front matter, the body
reduced from Markdown to plain text (headings, paragraphs and list items each on their own lines).

The front matter is the block between a first line `---` and the next `---` (or `...`) line. Its keys
`title`, `date`, `source`, `url` and `author` (and the synonyms in `_KEYS`) become the page's metadata;
a `source` that is a URL is read as the page's URL. The cleaning of the reduced body (boilerplate lines,
segmentation) is the plain-text cleaner's, in `redline.articles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from markdown_it import MarkdownIt

from redline.ingest.dates import normalise_date

# A front matter opens on the first line and closes within this many bytes, or the page is not Markdown
# with front matter (a long YAML block is a config file, not a page's metadata).
MAX_FRONT_MATTER = 65536
_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_KEY_LINE = re.compile(rb"^[A-Za-z_][\w -]{0,40}:", re.MULTILINE)
_KEYS = {
    "title": ("title", "headline", "og_title"),
    "date": ("date", "published", "published_at", "pubdate", "date_published", "created"),
    "source": ("source", "site", "site_name", "publisher", "sitename"),
    "url": ("url", "link", "canonical", "canonical_url", "source_url", "permalink"),
    "author": ("author", "authors", "byline", "creator"),
}
_MAX_VALUE = 500
_BLOCK_ENDS = {"paragraph_close", "heading_close", "list_item_close", "blockquote_close", "code_block",
               "fence", "table_close", "tr_close", "hr"}


@dataclass(frozen=True, slots=True)
class FrontMatterPage:
    """A Markdown page split into its front-matter metadata and its Markdown body."""

    body: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None


def has_front_matter(head: bytes) -> bool:
    """True when the bytes open with a `---` line, a `key:` line and a closing `---` or `...` line."""
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if not re.match(rb"---[ \t]*\r?\n", stripped):
        return False
    block = stripped[:MAX_FRONT_MATTER]
    first_line_end = block.index(b"\n") + 1
    close = re.search(rb"^(?:---|\.\.\.)[ \t]*\r?$", block[first_line_end:], re.MULTILINE)
    return close is not None and _KEY_LINE.match(block[first_line_end:]) is not None


def split_front_matter(text: str) -> FrontMatterPage:
    """The page's metadata and body; a front matter that is not a YAML mapping gives no metadata."""
    opening = _OPEN.match(text)
    close = _CLOSE.search(text, opening.end()) if opening else None
    if close is None:
        return FrontMatterPage(body=text)
    body = text[close.end():].lstrip("\r\n")
    try:
        data = yaml.safe_load(text[opening.end():close.start()])
    except yaml.YAMLError:
        return FrontMatterPage(body=body)
    if not isinstance(data, dict):
        return FrontMatterPage(body=body)
    fields = {name: _first(data, keys) for name, keys in _KEYS.items()}
    url, source = fields["url"], fields["source"]
    if source and re.match(r"https?://", source):
        url, source = url or source, None
    return FrontMatterPage(body=body, title=fields["title"], published=normalise_date(fields["date"]),
                           source=source, url=url, author=fields["author"])


def _first(data: dict, keys: tuple[str, ...]) -> str | None:
    """The first of the keys (case-insensitive) with a usable value, as one line of text."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, list):  # authors: [a, b]
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        elif isinstance(value, dict):  # author: {name: ...}
            value = value.get("name")
        if value is not None and not isinstance(value, bool) and str(value).strip():
            return " ".join(str(value).split())[:_MAX_VALUE]
    return None


def reduce_markdown(body: str) -> str:
    """Plain text of a Markdown body: markup and link targets dropped, images dropped, each block on its
    own line with a blank line between blocks; raw HTML blocks are dropped."""
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    lines: list[str] = []
    current: list[str] = []
    for token in tokens:
        if token.type == "inline":
            current.append(_inline_text(token.children or []))
        elif token.type in ("code_block", "fence"):
            current.append(token.content.rstrip("\n"))
        elif token.type in ("th_close", "td_close"):
            current.append(" ")
        if token.type in _BLOCK_ENDS and current:
            lines.append("".join(current).strip())
            current = []
            if token.type in ("paragraph_close", "heading_close", "blockquote_close", "table_close"):
                lines.append("")
    if current:
        lines.append("".join(current).strip())
    return "\n".join(lines).strip()


def _inline_text(children) -> str:
    """The text of one inline run: words, code spans and line breaks; images and HTML tags dropped."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if child.type == "hardbreak" else " ")
    return "".join(parts)
