// For each researcher: what author-name resolution holds of them (names, flags and, from the
// collaboration layer, the block keys of their personal co-authors, their topics and teams);
// read in pages, for the researchers of a batch's name blocks or, when an ingest keeps its
// resolution state resident, for the whole graph.
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// Neo4j: a COLLECT subquery per list instead of the shared version's OPTIONAL MATCH and
// aggregation per researcher: 10,000 researchers 555 to 773 → 459 to 556 ms warm (bench/RESULTS.md).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN collect({
  id: r.id, name: r.name, aliases: r.aliases, block_peer: coalesce(r.block_peer, false),
  coauthor_blocks: COLLECT { MATCH (r)-[:COAUTHOR]-(c:Researcher) RETURN DISTINCT c.block_key },
  topics: COLLECT { MATCH (r)-[:WORKS_IN]->(t:Topic) RETURN t.id },
  teams: COLLECT { MATCH (r)-[:MEMBER_OF]->(m:Team) RETURN m.id }
}) AS researchers
