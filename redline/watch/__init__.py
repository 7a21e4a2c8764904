"""Following sources live: feeds and sitemaps fetched politely, new pages ingested, alerts when a stance moves."""

from redline.store.watch import Alert, Facts, SourceStatus, Validators, WatchState
from redline.watch.alerts import changes, facts
from redline.watch.fetch import Failed, Fetched, Fetcher
from redline.watch.listing import Entry, Listing, parse_listing
from redline.watch.options import WatchOptions
from redline.watch.run import PassReport, WatchConfig, watch, watch_pass
from redline.watch.sources import Source, SourcesError, load_sources

__all__ = [
    "Alert", "Entry", "Facts", "Failed", "Fetched", "Fetcher", "Listing", "PassReport", "Source", "SourceStatus",
    "SourcesError", "Validators", "WatchConfig", "WatchOptions", "WatchState", "changes", "facts", "load_sources",
    "parse_listing", "watch", "watch_pass",
]
