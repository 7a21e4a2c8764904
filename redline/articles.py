"""From a Document to its Articles: cleaning, segmentation, metadata and language, per input kind."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from redline.clean import clean_page
from redline.htmlpage import extract_html
from redline.ingest.markdown import reduce_markdown
from redline.ingest.options import IngestOptions
from redline.language import detect_language
from redline.records import Article, Document, Problem, Segment
from redline.stages import stage

_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]»]\s*$")
_SENTENCE_BREAK = re.compile(r"\w[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")
ENGLISH = "en"
# A footer such as "© 2026 Example Media Ltd. All rights reserved." names the site's publisher.
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\))\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?,?\s*(?P<name>[^.|]{2,60}?)\s*(?:\d{4}\s*)?(?:[.|,]|all rights reserved|$)",
    re.IGNORECASE,
)


def article_id(document_key: str, seq: int) -> str:
    """The stable id of the seq-th article of a document: the same input always gives the same ids."""
    return hashlib.blake2b(f"{document_key}#{seq}".encode("ascii"), digest_size=8).hexdigest()


def tidy(text: str) -> str:
    """Text with runs of spaces folded, lines stripped and at most one blank line between paragraphs."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def page_source(page: str) -> str | None:
    """The publisher a plain-text page names in its copyright footer (the last one on the page), if any."""
    for line in reversed(page[-5000:].splitlines()):
        match = _COPYRIGHT.match(line)
        if match and any(ch.isalpha() for ch in match.group("name")):
            return match.group("name").strip()
    return None


def prose_share(text: str) -> float:
    """The share of a body's words in lines that read as prose (low for index and menu pages).

    A line reads as prose when it ends like a sentence or holds a sentence break inside it: a single
    long paragraph cut off without a full stop is still prose, a list of headlines is not.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    total = sum(len(line.split()) for line in lines)
    if not total:
        return 0.0
    prose = sum(len(line.split()) for line in lines if _SENTENCE_END.search(line) or _SENTENCE_BREAK.search(line))
    return prose / total


@stage(
    "articles",
    requires=("Document",),
    assigns=("Article.text", "Article.title", "Article.published", "Article.source", "Article.language"),
)
def document_articles(
    document: Document, *, options: IngestOptions, recurring: frozenset[str] = frozenset()
) -> list[Article] | Problem:
    """The articles a document holds, or the reason it holds none."""
    if document.kind == "html":
        segments, meta = _html_segments(document)
        if not segments:
            return Problem(document.input, "no article body found in the HTML page")
    elif document.kind in ("text", "markdown"):
        body = reduce_markdown(document.content) if document.kind == "markdown" else document.content
        segments = clean_page(body, recurring=recurring)
        meta = replace(document, source=document.source or page_source(document.content))
        if not segments:
            return Problem(document.input, "no article text left after removing boilerplate")
    else:
        text = tidy(document.content)
        if not text:
            return Problem(document.input, "record has an empty body")
        segments, meta = [Segment(text=text, title=document.title, published=document.published)], document
    articles = [_article(document, seq, segment, meta) for seq, segment in enumerate(segments)]
    if document.kind != "record":
        kept = [a for a in articles if _is_article(a, options)]
        if not kept:
            return Problem(document.input, _why_not_article(articles[0], options))
        articles = kept
    return articles


def _html_segments(document: Document) -> tuple[list[Segment], Document]:
    """The HTML page's body as one segment, and the document with the page's metadata filled in."""
    page = extract_html(document.content, url=document.url)
    if page is None:
        return [], document
    meta = Document(
        input=document.input,
        kind=document.kind,
        content="",
        key=document.key,
        url=page.url or document.url,
        title=document.title or page.title,
        published=document.published or page.published,
        source=document.source or page.source,
    )
    return [Segment(text=page.text, title=meta.title, published=meta.published)], meta


def _article(document: Document, seq: int, segment: Segment, meta: Document) -> Article:
    """An Article from one segment, metadata from the segment first, then from the record or page."""
    text = tidy(segment.text)
    language = detect_language(text)
    flags = [] if language in (ENGLISH, None) else ["non_english"]
    title = segment.title or (meta.title if seq == 0 else None)
    if document.kind == "markdown" and seq == 0 and meta.title:
        title = meta.title  # the front matter names the page; a first heading may be a site banner
    published, source, url = segment.published or meta.published, meta.source, meta.url
    if document.given is not None:
        given = document.given
        published, source, url = (given.pick("published", published), given.pick("source", source),
                                  given.pick("url", url))
    return Article(
        id=article_id(document.key, seq),
        input=document.input,
        text=text,
        title=title,
        published=published,
        source=source,
        language=language,
        url=url,
        format=document.kind,
        author=document.author,
        flags=flags,
    )


def _is_article(article: Article, options: IngestOptions) -> bool:
    """True when a page's cleaned body is long enough and reads as prose."""
    return len(article.text.split()) >= options.min_article_words and prose_share(article.text) >= options.min_prose_share


def _why_not_article(article: Article, options: IngestOptions) -> str:
    """The one-line reason a page's body is not kept as an article."""
    words = len(article.text.split())
    if words < options.min_article_words:
        return f"no article: only {words} words of text after cleaning (minimum {options.min_article_words})"
    return f"no article: the text reads as a list of links or headlines, not prose ({prose_share(article.text):.0%} of words in sentences)"
