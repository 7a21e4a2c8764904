-- Events (PLOVER) and positions of each article. List fields are JSON arrays; offsets index the article text.
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    source TEXT NOT NULL,          -- JSON list of actor names
    source_country TEXT NOT NULL,  -- JSON list of ISO3 codes (or null), parallel to source
    target TEXT NOT NULL,
    target_country TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,          -- occurred | announced | planned | threatened | hypothetical
    negated INTEGER NOT NULL,
    mediated_by TEXT,
    location TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source_sector TEXT NOT NULL DEFAULT '[]',
    target_sector TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE positions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    actor TEXT NOT NULL,           -- the party holding the position
    actor_country TEXT,
    issue TEXT NOT NULL,           -- profile issue key, or the open-mode issue phrase as extracted
    stance TEXT NOT NULL,          -- demand | precondition | red_line | open | offer | reject
    official INTEGER NOT NULL,
    reported INTEGER NOT NULL,
    via TEXT,                      -- who voiced it
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    date TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX positions_actor ON positions(actor);
CREATE INDEX positions_issue ON positions(issue);
