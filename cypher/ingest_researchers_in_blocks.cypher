// Researchers whose block key is one of these, for author-name resolution (their state is
// then read by id: ingest_researcher_state).
// params: blocks
MATCH (r:Researcher)
WHERE r.block_key IN $blocks
RETURN r.id AS id
