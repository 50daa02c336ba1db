// Researchers whose block key is one of these, for author-name resolution (their state is
// then read by id: ingest_researcher_state).
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: blocks
MATCH (r:Researcher)
WHERE r.block_key IN $blocks
RETURN collect(r.id) AS ids
