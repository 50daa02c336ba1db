// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})
MATCH (t:Topic {id: row.topic})
MATCH (w)-[:HAS_TOPIC]->(t)
RETURN collect({topic: t.id, arxiv_id: w.arxiv_id, published: w.published}) AS rows
