"""Merging over the Guardian Syria corpus (skipped without ../shared): no merged event mixes source
actors, and no cluster is larger than the articles its window can hold.

The size bound: a merged event's reports are dated within `merge.yaml`'s window of its first report, so
they come from articles published in a span of 2 x days + 1 days; the corpus holds at most N articles in
any such span (measured from the corpus here: 15 for 3 days), and an article reports one event at most a
couple of times (a lead and a recap), so a cluster has at most 2 N mentions from at most N articles.
Measured: the largest merged event has 13 mentions from 8 articles (Mattis's resignation)."""

from __future__ import annotations

from datetime import date

import pytest

from redline.events import merge_mentions
from redline.events.merge import side_keys, window_days


@pytest.fixture(scope="module")
def merged(guardian_articles):
    """The corpus's events merged across articles, and each article's events by sentence start."""
    tuples = [(row["id"], row.get("source"), events, row["date"][:10]) for row, events in guardian_articles]
    return merge_mentions(tuples), {row["id"]: events for row, events in guardian_articles}


def test_events_guardian_merged_sources_never_disagree(merged):
    clusters, by_article = merged
    assert sum(m.count > 1 for m in clusters) > 20  # merging happens; an empty run must not pass
    for m in clusters:
        keys = side_keys(m.event.source, m.event.source_country)
        for mention in m.mentions:
            reports = [e for e in by_article[mention.article_id] if e.start == mention.start
                       and e.type == m.event.type and e.status == m.event.status]
            assert any(side_keys(e.source, e.source_country) == keys for e in reports), (m.event, mention)


def test_events_guardian_largest_cluster_fits_its_window(merged, guardian_articles):
    clusters, _ = merged
    published = sorted(date.fromisoformat(row["date"][:10]) for row, _ in guardian_articles)
    span = 2 * window_days()
    most = max(sum(1 for d in published if 0 <= (d - start).days <= span) for start in published)
    largest = max(clusters, key=lambda m: m.count)
    assert len({x.article_id for x in largest.mentions}) <= most
    assert largest.count <= 2 * most
