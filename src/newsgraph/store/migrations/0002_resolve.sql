-- newsgraph store, schema version 2: what resolve/ needs to work across documents,
-- kept in step with the items at ingest time (Store.add writes them in the same
-- transaction). Derived from the records alone: rebuilt by re-indexing a document.

-- Which claims and events two entity keys share (a <= b; a = b for one key).
-- Keys are the subjects of a claim or the participants of an event, with the
-- countries their people and organizations stand for.
-- ``day`` orders them, newest first: an event's first possible day (else its
-- document's date), a claim's document date.
CREATE TABLE resolve_pairs (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    item   TEXT NOT NULL CHECK (item IN ('claim', 'event')),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    day    TEXT,
    PRIMARY KEY (a, b, item, doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX resolve_pairs_latest ON resolve_pairs(a, b, item, day);
CREATE INDEX resolve_pairs_doc ON resolve_pairs(doc_id);

-- One row per event report: the group it can merge in (type and signature), the
-- people in it, its participants' keys and the days its date may mean.
CREATE TABLE event_signatures (
    doc_id       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    type         TEXT NOT NULL,
    signature    TEXT NOT NULL,
    persons      TEXT NOT NULL,             -- person keys, space-separated, sorted
    participants TEXT NOT NULL,             -- participant keys, space-separated
    date_lo      TEXT,                      -- ISO day, NULL when the date names no day range
    date_hi      TEXT,
    PRIMARY KEY (doc_id, seq),
    FOREIGN KEY (doc_id, seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_signatures_group ON event_signatures(type, signature, date_lo);

-- Documents stored before this schema, waiting to be indexed (newsgraph.resolve.refresh).
CREATE TABLE resolve_pending (
    doc_id TEXT NOT NULL PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO resolve_pending (doc_id) SELECT id FROM documents;
