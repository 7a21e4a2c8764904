-- Actors and quotes of each article (the NLP stages). `analysed` marks articles the NLP stages have run on.
ALTER TABLE articles ADD COLUMN analysed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    country TEXT,                  -- ISO 3166 alpha-3
    sector TEXT,                   -- PLOVER sector
    role TEXT,
    mentions TEXT NOT NULL,        -- JSON [[start, end], ...] character offsets into the article text
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    speaker TEXT,                  -- canonical actor name, a group ("officials"), or NULL
    speaker_country TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    start INTEGER NOT NULL,        -- character offsets of the content in the article text
    end INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
