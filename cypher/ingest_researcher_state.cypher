// For each researcher: what author-name resolution holds of them (names, flags and, from the
// collaboration layer, the block keys of their personal co-authors, their topics and teams);
// read in pages, for the researchers of a batch's name blocks or, when an ingest keeps its
// resolution state resident, for the whole graph.
// (Ladybug 0.22 needs the UNWIND variable carried through each WITH that aggregates.)
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:COAUTHOR]-(c:Researcher)
WITH id, r, collect(DISTINCT c.block_key) AS coauthor_blocks
OPTIONAL MATCH (r)-[:WORKS_IN]->(t:Topic)
WITH id, r, coauthor_blocks, collect(t.id) AS topics
OPTIONAL MATCH (r)-[:MEMBER_OF]->(m:Team)
WITH id, r, coauthor_blocks, topics, collect(m.id) AS teams
RETURN collect({id: r.id, name: r.name, aliases: r.aliases,
                block_peer: coalesce(r.block_peer, false), coauthor_blocks: coauthor_blocks,
                topics: topics, teams: teams}) AS researchers
