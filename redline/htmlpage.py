"""HTML pages: the body with trafilatura, the publication date with htmldate."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from redline.ingest.jsonl import domain_of

# trafilatura logs every page it finds too short at WARNING; the run summary reports those pages instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What an HTML page yields: its article body and metadata."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def extract_html(html: str, *, url: str | None = None) -> HtmlPage | None:
    """The article in an HTML page, or None when the page holds no article body."""
    import trafilatura
    from htmldate import find_date

    # Each library gets its own parse: trafilatura prunes the tree it is given.
    try:
        published = find_date(html, url=url, original_date=True, extensive_search=False)
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError):  # raised on markup lxml cannot parse at all
        return None
    if result is None or not (result.text or "").strip():
        return None
    page_url = url or result.url
    title = (result.title or "").strip() or None
    return HtmlPage(
        text=_without_headline(result.text.strip(), title),
        title=title,
        published=published,
        url=page_url,
        source=domain_of(page_url) or (result.sitename or "").strip() or None,
    )


def _without_headline(text: str, title: str | None) -> str:
    """The body without a first line that repeats the headline (trafilatura keeps the <h1>)."""
    first, _, rest = text.partition("\n")
    if title and rest and first.strip() and title.casefold().startswith(first.strip().casefold()):
        return rest.strip()
    return text
