"""Cross-article merging: the same event reported by several articles becomes one event with mentions.

Two reports are the same event when they have the same type and negation, their source actors overlap
(or neither names one), their target actors overlap (or neither names one), and their dates are within
`days` of each other or one is unknown. Actors are compared by country where both have one, else by
name. Pure: the input is not changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .model import STATUSES, Event, MergedEvent, Mention

MAX_DAYS = 2


def merge_mentions(articles: list[tuple[str, str | None, list[Event]]], *, days: int = MAX_DAYS) -> list[MergedEvent]:
    """Events of (article_id, outlet, events) triples merged across articles, in first-report order."""
    merged: list[MergedEvent] = []
    for article_id, outlet, events in articles:
        for event in events:
            mention = Mention(article_id, outlet, event.start, event.end, event.text)
            match = next((m for m in merged if same_event(m.event, event, days)), None)
            if match is None:
                merged.append(MergedEvent(_copy(event), [mention], 0))
            else:
                _absorb(match, event, mention)
    for m in merged:
        m.sources = len({x.source if x.source else f"article:{x.article_id}" for x in m.mentions})
    return merged


def same_event(a: Event, b: Event, days: int = MAX_DAYS) -> bool:
    """True when two coded events report the same happening."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if not _sides_match(_keys(a.source, a.source_country), _keys(b.source, b.source_country)):
        return False
    if not _sides_match(_keys(a.target, a.target_country), _keys(b.target, b.target_country)):
        return False
    return _dates_close(a.date, b.date, days)


def _keys(names: list[str], countries: list[str | None]) -> set[str]:
    """One key per actor: its country code when it has one, else its name case-folded."""
    return {c if c else n.casefold() for n, c in zip(names, countries)}


def _sides_match(a: set[str], b: set[str]) -> bool:
    """Two sides agree when they share an actor or both are empty."""
    return bool(a & b) or not a and not b


def _dates_close(a: str | None, b: str | None, days: int) -> bool:
    """True when either date is unknown or they are at most `days` apart (months/years: the same one)."""
    if a is None or b is None:
        return True
    if len(a) == 10 and len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days
    return a[:min(len(a), len(b))] == b[:min(len(a), len(b))]


def _copy(event: Event) -> Event:
    """A copy of an event whose lists can grow without touching the caller's."""
    return replace(event, source=list(event.source), source_country=list(event.source_country),
                   target=list(event.target), target_country=list(event.target_country),
                   source_sector=list(event.source_sector), target_sector=list(event.target_sector))


def _absorb(merged: MergedEvent, event: Event, mention: Mention) -> None:
    """Add a report to a merged event: its mention, any new actor, a date or mediator it lacked, and the
    more certain status (a report that it occurred outweighs one that it was announced)."""
    merged.mentions.append(mention)
    base = merged.event
    _add_side(base.source, base.source_country, base.source_sector, event.source, event.source_country,
              event.source_sector)
    _add_side(base.target, base.target_country, base.target_sector, event.target, event.target_country,
              event.target_sector)
    base.date = base.date or event.date
    base.mediated_by = base.mediated_by or event.mediated_by
    base.location = base.location or event.location
    base.mode = base.mode or event.mode
    if STATUSES.index(event.status) < STATUSES.index(base.status):
        base.status = event.status


def _add_side(names, countries, sectors, new_names, new_countries, new_sectors) -> None:
    """Append the actors of one side that are not there yet (by country, else by name)."""
    keys = _keys(names, countries)
    for i, (name, country) in enumerate(zip(new_names, new_countries)):
        key = country if country else name.casefold()
        if key not in keys:
            keys.add(key)
            names.append(name)
            countries.append(country)
            sectors.append(new_sectors[i] if i < len(new_sectors) else None)
