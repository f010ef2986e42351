-- newsgraph store on PostgreSQL, schema version 1: the tables of SQLite's
-- migrations/0001_initial.sql with PostgreSQL types. Text compares byte by byte
-- (COLLATE "C", as SQLite does); full-text search is a generated tsvector with a
-- GIN index instead of FTS5. Created in the first schema of the search_path.

-- SQLite's JSON aggregate and object builder, so that the export SQL runs unchanged.
CREATE FUNCTION json_group_array_final(anycompatiblearray) RETURNS json
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT array_to_json($1)';
CREATE AGGREGATE json_group_array(anycompatible) (
    SFUNC = array_append, STYPE = anycompatiblearray, INITCOND = '{}',
    FINALFUNC = json_group_array_final
);
CREATE FUNCTION json_object(text, anycompatible, text, anycompatible, text, anycompatible)
    RETURNS json LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT json_build_object($1, $2, $3, $4, $5, $6)';

CREATE TABLE documents (
    num         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT COLLATE "C" NOT NULL UNIQUE,
    date        TEXT COLLATE "C",
    title       TEXT COLLATE "C",
    source      TEXT COLLATE "C",
    url         TEXT COLLATE "C",
    lang        TEXT COLLATE "C" NOT NULL,
    schema      TEXT COLLATE "C" NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL,
    -- the first 256 Ki characters of the body are searched (a tsvector holds at most 1 MB)
    search      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(text, 262144)), 'B')) STORED
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_source ON documents(source, date);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE entity_keys (
    key     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    type    TEXT COLLATE "C" NOT NULL,
    name    TEXT COLLATE "C" NOT NULL,
    country TEXT COLLATE "C"
);
CREATE INDEX entity_keys_type ON entity_keys(type);

CREATE TABLE entities (
    doc_id   TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    local_id TEXT COLLATE "C" NOT NULL,
    key      TEXT COLLATE "C" NOT NULL REFERENCES entity_keys(key),
    type     TEXT COLLATE "C" NOT NULL,
    name     TEXT COLLATE "C" NOT NULL,
    country  TEXT COLLATE "C",
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX entities_key ON entities(key, doc_id);
CREATE INDEX entities_local ON entities(doc_id, local_id);

CREATE TABLE mentions (
    doc_id     TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, entity_seq, seq),
    FOREIGN KEY (doc_id, entity_seq) REFERENCES entities(doc_id, seq) ON DELETE CASCADE
);

CREATE TABLE roles (
    doc_id     TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    title      TEXT COLLATE "C" NOT NULL,
    "of"       TEXT COLLATE "C",
    "to"       TEXT COLLATE "C",
    start      INTEGER,
    "end"      INTEGER,
    PRIMARY KEY (doc_id, entity_seq, seq),
    FOREIGN KEY (doc_id, entity_seq) REFERENCES entities(doc_id, seq) ON DELETE CASCADE
);
CREATE INDEX roles_title ON roles(title, "of");

CREATE TABLE times (
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT COLLATE "C" NOT NULL,
    type   TEXT COLLATE "C" NOT NULL,
    value  TEXT COLLATE "C",
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX times_value ON times(value);

CREATE TABLE quantities (
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT COLLATE "C" NOT NULL,
    value  DOUBLE PRECISION NOT NULL,
    unit   TEXT COLLATE "C",
    approx INTEGER NOT NULL,
    high   DOUBLE PRECISION,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE claims (
    doc_id           TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    local_id         TEXT COLLATE "C" NOT NULL,
    indicator        TEXT COLLATE "C" NOT NULL,
    value            DOUBLE PRECISION NOT NULL,
    unit             TEXT COLLATE "C",
    period           TEXT COLLATE "C",
    kind             TEXT COLLATE "C" NOT NULL,
    has_change       INTEGER NOT NULL,
    change_value     DOUBLE PRECISION,
    change_unit      TEXT COLLATE "C",
    change_direction TEXT COLLATE "C",
    change_basis     TEXT COLLATE "C",
    qualifiers       TEXT COLLATE "C" NOT NULL,          -- JSON array of strings
    speaker          TEXT COLLATE "C",                   -- entity local id
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    approx           INTEGER NOT NULL,
    span_start       INTEGER,
    span_end         INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX claims_indicator ON claims(indicator, period);
CREATE INDEX claims_period ON claims(period);
CREATE INDEX claims_kind ON claims(kind);

CREATE TABLE claim_subjects (
    doc_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_seq INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    key       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, claim_seq, seq),
    FOREIGN KEY (doc_id, claim_seq) REFERENCES claims(doc_id, seq) ON DELETE CASCADE
);
CREATE INDEX claim_subjects_key ON claim_subjects(key, doc_id, claim_seq);

CREATE TABLE events (
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    local_id       TEXT COLLATE "C" NOT NULL,
    type           TEXT COLLATE "C" NOT NULL,
    cameo          TEXT COLLATE "C",
    date           TEXT COLLATE "C",
    place          TEXT COLLATE "C",                     -- entity local id
    evidence_start INTEGER,
    evidence_end   INTEGER,
    trigger        TEXT COLLATE "C",
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type, date);

CREATE TABLE event_participants (
    doc_id          TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_seq       INTEGER NOT NULL,
    role            TEXT COLLATE "C" NOT NULL CHECK (role IN ('actor', 'target')),
    seq             INTEGER NOT NULL,
    entity_local_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, event_seq, role, seq),
    FOREIGN KEY (doc_id, event_seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
);
CREATE INDEX event_participants_entity ON event_participants(doc_id, entity_local_id);

CREATE TABLE event_topics (
    doc_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_seq INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    topic     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, event_seq, seq),
    FOREIGN KEY (doc_id, event_seq) REFERENCES events(doc_id, seq) ON DELETE CASCADE
);
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE quotes (
    doc_id  TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    speaker TEXT COLLATE "C",                            -- entity local id
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    cue     TEXT COLLATE "C",
    direct  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
