-- Positions carry the learned classifier's calibrated confidence and the issue phrase as written, with its
-- offsets in the article text (NULL for records stored before, or found by the rules alone).
ALTER TABLE positions ADD COLUMN confidence REAL;
ALTER TABLE positions ADD COLUMN issue_text TEXT;
ALTER TABLE positions ADD COLUMN issue_start INTEGER;
ALTER TABLE positions ADD COLUMN issue_end INTEGER;
