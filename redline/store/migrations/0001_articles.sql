-- Documents: every input unit ever read (file, JSON record, WARC record); what makes ingest idempotent.
CREATE TABLE documents (
    key TEXT PRIMARY KEY,          -- hash of the raw content
    input TEXT NOT NULL,           -- where it was read: path, path:line, path#uri
    format TEXT NOT NULL,          -- text | html | record
    articles INTEGER NOT NULL,     -- how many articles it yielded
    problem TEXT                   -- why it yielded none, if so
);

-- Articles: the cleaned, segmented articles; duplicates are stored and point at their first copy.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    document_key TEXT NOT NULL REFERENCES documents(key),
    seq INTEGER NOT NULL,
    input TEXT NOT NULL,
    title TEXT,
    published TEXT,                -- YYYY-MM-DD or NULL
    source TEXT,
    language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    duplicate_kind TEXT,           -- exact | near
    similarity REAL,
    url TEXT,
    format TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    minhash BLOB,
    flags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_body_hash ON articles(body_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- Runs: one row per ingest, for the record (not part of the article data).
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    command TEXT NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    problems INTEGER NOT NULL DEFAULT 0
);
