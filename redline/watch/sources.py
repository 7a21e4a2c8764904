"""The sources a watcher follows: feed or sitemap URLs on the command line, or a YAML file of them with options.

A sources file is a list (or a mapping with a `sources` list) of URLs or mappings::

    sources:
      - url: https://example.org/world/rss.xml
        name: Example world
        language: en            # entries a feed declares in another language are skipped
        keywords: [Iran, nuclear]  # keep only entries whose title or summary names one (any case)
        rate_per_second: 0.5    # this host's request rate, below the default
      - https://example.org/news-sitemap.xml
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

_SOURCE_KEYS = {"url", "name", "language", "keywords", "rate_per_second"}


class SourcesError(ValueError):
    """A source that cannot be followed: a bad URL or a malformed sources file (one line, for the user)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """One feed or sitemap to follow, with its filters."""

    url: str
    name: str
    language: str | None = None
    keywords: tuple[str, ...] = ()
    rate_per_second: float | None = None

    def keeps(self, text: str, language: str | None) -> bool:
        """True when an entry (its title and summary, its declared language) passes this source's filters."""
        if self.language and language and not language.lower().startswith(self.language.lower()):
            return False
        if not self.keywords:
            return True
        folded = text.casefold()
        return any(word.casefold() in folded for word in self.keywords)


def load_sources(items: list[str]) -> list[Source]:
    """The sources named on the command line: URLs, and YAML files listing more."""
    found: list[Source] = []
    for item in items:
        path = Path(item)
        if not _is_url(item) and path.suffix.lower() in (".yaml", ".yml"):
            found.extend(sources_file(path))
        else:
            found.append(_source({"url": item}, where=item))
    urls = [s.url for s in found]
    repeated = sorted({u for u in urls if urls.count(u) > 1})
    if repeated:
        raise SourcesError(f"source listed twice: {repeated[0]}")
    return found


def sources_file(path: Path) -> list[Source]:
    """The sources listed in a YAML file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourcesError(f"{path}: unreadable: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise SourcesError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from None
    entries = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: expected a list of sources (or a `sources:` list)")
    return [_source(e if isinstance(e, dict) else {"url": e}, where=f"{path} #{n + 1}") for n, e in enumerate(entries)]


def _source(entry: dict[str, Any], *, where: str) -> Source:
    """One source from its mapping, checked."""
    unknown = set(entry) - _SOURCE_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    url = str(entry.get("url") or "")
    if not _is_url(url):
        raise SourcesError(f"{where}: not an http(s) URL or a .yaml sources file: {url!r}")
    keywords = entry.get("keywords") or ()
    if isinstance(keywords, str):
        keywords = (keywords,)
    rate = entry.get("rate_per_second")
    if rate is not None and float(rate) <= 0:
        raise SourcesError(f"{where}: rate_per_second must be above 0")
    return Source(url=url, name=str(entry.get("name") or url), language=entry.get("language"),
                  keywords=tuple(str(k) for k in keywords), rate_per_second=None if rate is None else float(rate))


def _is_url(text: str) -> bool:
    """True for an absolute http or https URL."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
