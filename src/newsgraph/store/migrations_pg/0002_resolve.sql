-- newsgraph store on PostgreSQL, schema version 2: SQLite's migrations/0002_resolve.sql
-- (the tables resolve/ needs across documents) with PostgreSQL types.

CREATE TABLE resolve_pairs (
    a      TEXT COLLATE "C" NOT NULL,
    b      TEXT COLLATE "C" NOT NULL,
    item   TEXT COLLATE "C" NOT NULL CHECK (item IN ('claim', 'event')),
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    day    TEXT COLLATE "C",                   -- newest first: an event's first day, else the document's date
    PRIMARY KEY (a, b, item, doc_id, seq)
);
CREATE INDEX resolve_pairs_latest ON resolve_pairs(a, b, item, day);
CREATE INDEX resolve_pairs_doc ON resolve_pairs(doc_id);

CREATE TABLE event_signatures (
    doc_id       TEXT COLLATE "C" NOT NULL,
    seq          INTEGER NOT NULL,
    type         TEXT COLLATE "C" NOT NULL,
    signature    TEXT COLLATE "C" NOT NULL,
    persons      TEXT COLLATE "C" NOT NULL,          -- person keys, space-separated, sorted
    participants TEXT COLLATE "C" NOT NULL,          -- participant keys, space-separated
    date_lo      TEXT COLLATE "C",                   -- ISO day, NULL when the date names no day range
    date_hi      TEXT COLLATE "C",
    PRIMARY KEY (doc_id, seq),
    FOREIGN KEY (doc_id, seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
);
CREATE INDEX event_signatures_group ON event_signatures(type, signature, date_lo);

CREATE TABLE resolve_pending (
    doc_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
INSERT INTO resolve_pending (doc_id) SELECT id FROM documents;
