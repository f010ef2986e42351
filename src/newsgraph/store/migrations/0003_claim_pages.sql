-- newsgraph store, schema version 3: indexes for paging claims at scale.
-- ``claims(indicator=...)`` picks a page of (doc_id, seq) ordered by document date:
-- the claims of one wording with their documents (claims_wording), and each
-- document's date without reading its row (documents_id_date).
CREATE INDEX claims_wording ON claims(indicator, doc_id);
CREATE INDEX documents_id_date ON documents(id, date);
