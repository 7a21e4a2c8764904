"""From clusters to Actors: choosing each actor's name, country, sector and role from its evidence.

The dictionary wins for a known actor's country and sector (facts on the article's date); the text fills
what the dictionary leaves open. For the role the text wins: an apposition, then a title, then a
resolved description, then the dictionary's office on the day, then the affiliation's name ("Al Jazeera").
"""

from __future__ import annotations

from .clusters import SOURCES, Book, Cluster, Context, Evidence
from .index import Actor, ActorIndex, TokenArcs
from .lexicon import normalise_words


def build_index(ctx: Context, book: Book) -> ActorIndex:
    """The article's ActorIndex: one Actor per cluster, in order of first mention."""
    clusters = sorted((c for c in book.clusters.values() if c.mentions), key=lambda c: c.first)
    view = ctx.view
    arcs = TokenArcs(view.start_char, view.end_char, view.head, [p in ("VERB", "AUX") for p in view.pos])
    return ActorIndex([_actor(ctx, c) for c in clusters], arcs)


def _actor(ctx: Context, cluster: Cluster) -> Actor:
    """The Actor of one cluster."""
    evidence = sorted(cluster.evidence, key=lambda e: SOURCES.index(e.source))
    spans = sorted({ctx.view.char_span(m.start, m.end) for m in cluster.mentions})
    return Actor(
        name=cluster.name,
        kind=cluster.kind,
        country=_country(ctx, cluster, evidence),
        sector=_sector(ctx, cluster, evidence),
        role=_role(ctx, cluster, evidence),
        mentions=spans,
    )


def _country(ctx: Context, cluster: Cluster, evidence: list[Evidence]) -> str | None:
    """The dictionary's country on the day; else (people and unknown organisations) the text's."""
    entry = cluster.entry
    if entry is not None:
        known = entry.country_on(ctx.day)
        if known is not None or entry.kind != "person":
            return known
    return next((e.country for e in evidence if e.country), None) or cluster.country


def _sector(ctx: Context, cluster: Cluster, evidence: list[Evidence]) -> str | None:
    """The dictionary's sector on the day; else the text's; else the organisation's head word's."""
    if cluster.entry is not None and cluster.entry.sector_on(ctx.day) is not None:
        return cluster.entry.sector_on(ctx.day)
    return next((e.sector for e in evidence if e.sector), None) or cluster.sector


def _role(ctx: Context, cluster: Cluster, evidence: list[Evidence]) -> str | None:
    """The most telling role: apposition, title, description, office on the day, affiliation."""
    office = cluster.entry.office_on(ctx.day) if cluster.entry is not None else None
    for source in SOURCES:
        roles = [e.role for e in evidence if e.source == source and e.role]
        if office is not None and source != "title":
            # a phrase that ends in no role ("a fierce supporter of the president on most other issues")
            # describes the person; the office they hold that day says who speaks (a senator)
            roles = [r for r in roles if ctx.lexicon.role(normalise_words(r).split()) is not None]
        if roles:
            return max(roles, key=len) if source != "title" else roles[0]
    if office is not None:
        return office.role
    return next((e.affiliation for e in evidence if e.affiliation), None)
