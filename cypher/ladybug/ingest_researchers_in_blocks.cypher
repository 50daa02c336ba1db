// Researchers whose block key is one of these, for author-name resolution (their state is
// then read by id: ingest_researcher_state).
// Ladybug: the blocks by UNWIND and equality, a hash join with one scan of the researchers;
// `block_key IN $blocks` compares every researcher with the whole list.
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: blocks
UNWIND $blocks AS b
MATCH (r:Researcher)
WHERE r.block_key = b
RETURN collect(r.id) AS ids
