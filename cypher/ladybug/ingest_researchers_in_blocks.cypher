// Researchers whose block key is one of these, for author-name resolution (their state is
// then read by id: ingest_researcher_state).
// Ladybug: the blocks by UNWIND and equality, a hash join with one scan of the researchers;
// `block_key IN $blocks` compares every researcher with the whole list.
// params: blocks
UNWIND $blocks AS b
MATCH (r:Researcher)
WHERE r.block_key = b
RETURN r.id AS id
