-- Analysts' reviews of extracted records (issue 14). Append-only: the latest review of a record (by record_id)
-- wins; undo is a new review. The extracted records are never changed, so re-extraction and reviews never fight.
-- A record is named by a stable id made of its article, its evidence span and its type (redline/store/reviews.py),
-- never by a row id; article_id/start/end/rank repeat what the id is made of, so SQL can match records to reviews.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('position', 'quote', 'event')),
    verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject', 'correct', 'add')),
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    rank INTEGER NOT NULL DEFAULT 0,  -- 0 for the first record of its type on this span, 1 for the second, ...
    "values" TEXT NOT NULL DEFAULT '{}',  -- JSON: the corrected fields (correct) or the whole record (add)
    note TEXT,
    who TEXT NOT NULL,
    created TEXT NOT NULL           -- ISO 8601 UTC
);
CREATE INDEX reviews_record ON reviews(record_id, id);
CREATE INDEX reviews_article ON reviews(article_id);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: write a new review'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: write a new review'); END;
