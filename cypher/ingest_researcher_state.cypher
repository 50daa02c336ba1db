// For each researcher: what author-name resolution holds of them (names, flags and, from the
// collaboration layer, the block keys of their personal co-authors, their topics and teams);
// read in pages, for the researchers of a batch's name blocks or, when an ingest keeps its
// resolution state resident, for the whole graph.
// (Ladybug 0.22 needs the UNWIND variable carried through each WITH that aggregates.)
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:COAUTHOR]-(c:Researcher)
WITH id, r, collect(DISTINCT c.block_key) AS coauthor_blocks
OPTIONAL MATCH (r)-[:WORKS_IN]->(t:Topic)
WITH id, r, coauthor_blocks, collect(t.id) AS topics
OPTIONAL MATCH (r)-[:MEMBER_OF]->(m:Team)
WITH id, r, coauthor_blocks, topics, collect(m.id) AS teams
RETURN r.id AS id, r.name AS name, r.aliases AS aliases,
       coalesce(r.block_peer, false) AS block_peer, coauthor_blocks, topics, teams
