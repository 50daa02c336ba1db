// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// (Neo4j: expand from the work, which has a few topics, and filter on the topic id; see
// toplist_personal_counts.)
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})-[:HAS_TOPIC]->(t:Topic)
WHERE t.id = row.topic
RETURN collect({topic: t.id, arxiv_id: w.arxiv_id, published: w.published}) AS rows
