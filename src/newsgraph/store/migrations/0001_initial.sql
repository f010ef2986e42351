-- newsgraph store, schema version 1: one row per record item, every item keyed by
-- its document and its position (seq) so that a record rebuilds exactly.

CREATE TABLE documents (
    num         INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
    id          TEXT NOT NULL UNIQUE,
    date        TEXT,
    title       TEXT,
    source      TEXT,
    url         TEXT,
    lang        TEXT NOT NULL,
    schema      TEXT NOT NULL,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_source ON documents(source, date);

CREATE TABLE entity_keys (
    key     TEXT NOT NULL PRIMARY KEY,
    type    TEXT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT
);
CREATE INDEX entity_keys_type ON entity_keys(type);

CREATE TABLE entities (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    local_id TEXT NOT NULL,
    key      TEXT NOT NULL REFERENCES entity_keys(key),
    type     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX entities_key ON entities(key, doc_id);
CREATE INDEX entities_local ON entities(doc_id, local_id);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_seq, seq),
    FOREIGN KEY (doc_id, entity_seq) REFERENCES entities(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE roles (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    title      TEXT NOT NULL,
    "of"       TEXT,
    "to"       TEXT,
    start      INTEGER,
    "end"      INTEGER,
    PRIMARY KEY (doc_id, entity_seq, seq),
    FOREIGN KEY (doc_id, entity_seq) REFERENCES entities(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX roles_title ON roles(title, "of");

CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    type   TEXT NOT NULL,
    value  TEXT,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX times_value ON times(value);

CREATE TABLE quantities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    value  REAL NOT NULL,
    unit   TEXT,
    approx INTEGER NOT NULL,
    high   REAL,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    local_id         TEXT NOT NULL,
    indicator        TEXT NOT NULL,
    value            REAL NOT NULL,
    unit             TEXT,
    period           TEXT,
    kind             TEXT NOT NULL,
    has_change       INTEGER NOT NULL,
    change_value     REAL,
    change_unit      TEXT,
    change_direction TEXT,
    change_basis     TEXT,
    qualifiers       TEXT NOT NULL,          -- JSON array of strings
    speaker          TEXT,                   -- entity local id
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    approx           INTEGER NOT NULL,
    span_start       INTEGER,
    span_end         INTEGER,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX claims_indicator ON claims(indicator, period);
CREATE INDEX claims_period ON claims(period);
CREATE INDEX claims_kind ON claims(kind);

CREATE TABLE claim_subjects (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_seq INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    key       TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_seq, seq),
    FOREIGN KEY (doc_id, claim_seq) REFERENCES claims(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX claim_subjects_key ON claim_subjects(key, doc_id, claim_seq);

CREATE TABLE events (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    local_id       TEXT NOT NULL,
    type           TEXT NOT NULL,
    cameo          TEXT,
    date           TEXT,
    place          TEXT,                     -- entity local id
    evidence_start INTEGER,
    evidence_end   INTEGER,
    trigger        TEXT,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type, date);

CREATE TABLE event_participants (
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_seq       INTEGER NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('actor', 'target')),
    seq             INTEGER NOT NULL,
    entity_local_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_seq, role, seq),
    FOREIGN KEY (doc_id, event_seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(doc_id, entity_local_id);

CREATE TABLE event_topics (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_seq INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    topic     TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_seq, seq),
    FOREIGN KEY (doc_id, event_seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE quotes (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    speaker TEXT,                            -- entity local id
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    cue     TEXT,
    direct  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

-- Full-text index over title and text (SQLite FTS5, external content kept in step by triggers).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='num',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.num, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.num, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;
