"""Cross-article merging: the same event reported by several articles becomes one event with mentions.

Two reports are linked (a strong link) only when they agree on everything that makes an event: type,
negation, status, the set of source actors, the set of target actors (actors compared by country where
they have one, else by name), and their dates lie within the window of `redline/data/events/merge.yaml`.
A report's date is its event's own date, else its article's publication date; with neither it merges
with nothing. A report joins a merged event only through a strong link to that event's first report, so
merging is never transitive through a weaker or drifting chain: the merged event's actors are its first
report's, and no cluster mixes source actors. Pure: the input is not changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from redline.datafiles import load_data_yaml

from .model import Event, MergedEvent, Mention


@lru_cache(maxsize=1)
def window_days() -> int:
    """The merge window in days (`redline/data/events/merge.yaml`)."""
    return int(load_data_yaml("events", "merge.yaml")["days"])


@dataclass(slots=True)
class _Cluster:
    """A merged event under construction: its first report (the one every other must match) and when."""

    seed: Event
    when: str | None
    merged: MergedEvent


def merge_reported(rows, *, days: int | None = None) -> list[MergedEvent]:
    """Stored events (each with `article_id`, `source`, `published` and the event as `record`, as the store's
    and a batch's rows carry them) merged across articles: one grouping by article for every caller."""
    by_article: dict[str, tuple] = {}
    for r in rows:
        by_article.setdefault(r.article_id, (r.article_id, r.source, [], r.published))[2].append(r.record)
    return merge_mentions(list(by_article.values()), days=days)


def merge_mentions(articles: list[tuple], *, days: int | None = None) -> list[MergedEvent]:
    """Events of (article_id, outlet, events[, published]) tuples merged across articles, in first-report
    order; `published` (ISO date) dates the article's undated events for the window."""
    days = window_days() if days is None else days
    clusters: list[_Cluster] = []
    for item in articles:
        article_id, outlet, events = item[0], item[1], item[2]
        published = item[3] if len(item) > 3 else None
        for event in events:
            mention = Mention(article_id, outlet, event.start, event.end, event.text)
            when = event.date or published
            match = next((c for c in clusters if strong_link(c.seed, c.when, event, when, days)), None)
            if match is None:
                clusters.append(_Cluster(event, when, MergedEvent(_copy(event), [mention], 0)))
            else:
                _absorb(match.merged, event, mention)
    merged = [c.merged for c in clusters]
    for m in merged:
        m.sources = len({x.source if x.source else f"article:{x.article_id}" for x in m.mentions})
    return merged


def same_event(a: Event, b: Event, days: int | None = None) -> bool:
    """True when two coded events report the same happening (each dated by its own date only)."""
    return strong_link(a, a.date, b, b.date, window_days() if days is None else days)


def strong_link(a: Event, a_when: str | None, b: Event, b_when: str | None, days: int) -> bool:
    """True when two reports agree on type, negation, status, source and target actors, and date."""
    if (a.type, a.negated, a.status) != (b.type, b.negated, b.status):
        return False
    if side_keys(a.source, a.source_country) != side_keys(b.source, b.source_country):
        return False
    if side_keys(a.target, a.target_country) != side_keys(b.target, b.target_country):
        return False
    return _dates_close(a_when, b_when, days)


def side_keys(names: list[str], countries: list[str | None]) -> frozenset[str]:
    """One key per actor of a side: its country code when it has one, else its name case-folded."""
    return frozenset(c if c else n.casefold() for n, c in zip(names, countries))


def _dates_close(a: str | None, b: str | None, days: int) -> bool:
    """True when both dates are known and at most `days` apart (a month or year only: the same one)."""
    if not a or not b:
        return False
    if len(a) >= 10 and len(b) >= 10:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
    return a[:min(len(a), len(b))] == b[:min(len(a), len(b))]


def _copy(event: Event) -> Event:
    """A copy of an event whose lists can grow without touching the caller's."""
    return replace(event, source=list(event.source), source_country=list(event.source_country),
                   target=list(event.target), target_country=list(event.target_country),
                   source_sector=list(event.source_sector), target_sector=list(event.target_sector))


def _absorb(merged: MergedEvent, event: Event, mention: Mention) -> None:
    """Add a report to a merged event: its mention, and a date, mediator, place or mode it lacked (its
    actors are the merged event's already: the link requires it)."""
    merged.mentions.append(mention)
    base = merged.event
    base.date = base.date or event.date
    base.mediated_by = base.mediated_by or event.mediated_by
    base.location = base.location or event.location
    base.mode = base.mode or event.mode
