-- The watcher's state (redline watch): per source its validators, last entries, errors and counts;
-- per URL its fetch status; the alerts it raised; and the analysis facts the next alerts are compared with.
CREATE TABLE watch_sources (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,                          -- rss | atom | jsonfeed | sitemap | sitemapindex
    etag TEXT,
    last_modified TEXT,
    last_entries TEXT NOT NULL DEFAULT '[]',   -- JSON list of the URLs the last good listing named
    last_checked TEXT,
    last_success TEXT,
    last_error TEXT,
    last_error_at TEXT,
    passes INTEGER NOT NULL DEFAULT 0,
    not_modified INTEGER NOT NULL DEFAULT 0,  -- listings answered 304
    entries INTEGER NOT NULL DEFAULT 0,       -- entries listed in all
    fetched INTEGER NOT NULL DEFAULT 0,       -- pages fetched
    articles INTEGER NOT NULL DEFAULT 0,      -- articles stored from its pages
    errors INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE watch_urls (
    url TEXT PRIMARY KEY,
    source_url TEXT NOT NULL,
    signature TEXT NOT NULL,            -- the feed entry's id/date/title hash when last handled
    status TEXT NOT NULL,               -- stored | refused | skipped | error | given_up
    reason TEXT,                        -- why refused, skipped or failed
    document_key TEXT,                  -- the stored document, when stored
    etag TEXT,
    last_modified TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_fetched TEXT
);
CREATE INDEX watch_urls_source ON watch_urls(source_url);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- what makes an alert raised once only, even across a crash
    kind TEXT NOT NULL,                 -- red_line | shift | impasse | impasse_resolved | new_party
    issue TEXT NOT NULL,
    party TEXT,
    before TEXT,
    after TEXT,
    evidence TEXT,
    article_id TEXT,
    url TEXT,
    published TEXT,
    created TEXT NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0  -- 1 once written to the alerts file and webhook (if any)
);
CREATE INDEX alerts_created ON alerts(created);

CREATE TABLE watch_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
