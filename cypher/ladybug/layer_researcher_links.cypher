// Layer: the topics, teams and co-authors researchers are linked to (before a recompute).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:WORKS_IN]->(t:Topic)
WITH r, t
WHERE t IS NOT NULL
RETURN r.id AS id, 'topic' AS kind, t.id AS other
UNION ALL
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:MEMBER_OF]->(t:Team)
WITH r, t
WHERE t IS NOT NULL
RETURN r.id AS id, 'team' AS kind, t.id AS other
UNION ALL
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:COAUTHOR]-(c:Researcher)
WITH r, c
WHERE c IS NOT NULL
RETURN r.id AS id, 'coauthor' AS kind, c.id AS other
