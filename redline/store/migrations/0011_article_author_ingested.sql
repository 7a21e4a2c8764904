-- An article's author (from a Markdown page's front matter) and when it was stored (UTC, ISO seconds):
-- undated articles are placed in the timeline by the time they were ingested.
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN ingested TEXT;
