-- newsgraph store on PostgreSQL, schema version 3: SQLite's migrations/0003_claim_pages.sql
-- (indexes for paging claims at scale).
CREATE INDEX claims_wording ON claims(indicator, doc_id, seq);
CREATE INDEX documents_id_date ON documents(id, date);
